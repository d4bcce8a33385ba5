-- Q-4: each participant's transfers resource (T-1, T-21) as the lead provider sees it, kept beside
-- the participant's document (0008): the same member rows, marked stale by the same triggers (a
-- transfer is derived from the teacher, their at-school and training periods, and the schools and
-- lead providers they name). transfers_body is null when the lead provider sees no transfer of
-- the teacher. The window of a row now also stops at the teacher's at-school period dates, on
-- which a transfer's status and stamp change by themselves (T-8, T-21).
ALTER TABLE participant_documents ADD COLUMN transfers_body text, ADD COLUMN transfers_updated_at timestamptz;
CREATE INDEX participant_documents_transfers_by_created_at ON participant_documents (lead_provider_id, created_at, teacher_id)
  WHERE transfers_body IS NOT NULL;
CREATE INDEX participant_documents_transfers_by_updated_at ON participant_documents (lead_provider_id, transfers_updated_at, teacher_id)
  WHERE transfers_body IS NOT NULL;

-- A lead provider's name is shown in transfers (T-5): renaming one marks every document stale.
CREATE FUNCTION participant_documents_lead_provider_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed c JOIN previous p ON p.id = c.id WHERE c.name IS DISTINCT FROM p.name) THEN
    UPDATE participant_documents SET version = version + 1, valid_until = '-infinity' WHERE valid_until <> '-infinity';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER participant_documents_stale_on_lead_provider AFTER UPDATE ON lead_providers
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_lead_provider_renamed();

-- Built before transfers were kept: build again.
UPDATE participant_documents SET version = version + 1, valid_until = '-infinity';
