-- A mentorship written: its mentee's participant documents are stale (the mentor shown, R-34).
-- Skipped only when this transaction marked it (see participant_documents_period_changed.sql).
CREATE OR REPLACE FUNCTION participant_documents_mentorship_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE participant_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT DISTINCT ect_teacher_id FROM changed) c
  WHERE d.teacher_id = c.ect_teacher_id AND (d.valid_until <> '-infinity' OR d.xmin <> pg_current_xact_id()::xid);
  RETURN NULL;
END $$;

CREATE TRIGGER participant_documents_stale_on_mentorship_insert AFTER INSERT ON mentorships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_mentorship_changed();
CREATE TRIGGER participant_documents_stale_on_mentorship_update AFTER UPDATE ON mentorships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_mentorship_changed();
CREATE TRIGGER participant_documents_stale_on_mentorship_delete AFTER DELETE ON mentorships
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_mentorship_changed();
