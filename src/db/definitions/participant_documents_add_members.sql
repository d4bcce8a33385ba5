-- R-32: a confirmed training period on X's partnership makes its teacher X's participant: the
-- member row of participant_documents, added in the writing transaction and never removed.
CREATE OR REPLACE FUNCTION participant_documents_add_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO participant_documents (lead_provider_id, teacher_id, created_at)
  SELECT DISTINCT c.lead_provider_id, c.teacher_id, t.created_at
  FROM changed c JOIN teachers t ON t.id = c.teacher_id
  WHERE c.partnership_id IS NOT NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER participant_documents_members_on_insert AFTER INSERT ON training_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_add_members();
CREATE TRIGGER participant_documents_members_on_update AFTER UPDATE ON training_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_add_members();
