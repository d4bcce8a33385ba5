-- T-5: a lead provider's name is shown in transfers, so renaming one marks every participant
-- document stale. A document is skipped only when this very transaction marked it (see
-- participant_documents_period_changed.sql).
CREATE OR REPLACE FUNCTION participant_documents_lead_provider_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed c JOIN previous p ON p.id = c.id WHERE c.name IS DISTINCT FROM p.name) THEN
    UPDATE participant_documents d SET version = d.version + 1, valid_until = '-infinity'
    WHERE d.valid_until <> '-infinity' OR d.xmin <> pg_current_xact_id()::xid;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER participant_documents_stale_on_lead_provider AFTER UPDATE ON lead_providers
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_lead_provider_renamed();
