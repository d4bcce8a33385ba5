-- The rows a participant document is derived from (training and at-school periods, participant id
-- changes): a write marks the teacher's documents stale (valid_until = -infinity) and counts a new
-- version. Every command that writes them also moves the teacher's stamp (R-14), but the documents
-- do not rely on it. A document is skipped only when this very transaction marked it (its row
-- version is this transaction's own): another transaction's write always counts a version, so a
-- build that read the data before the write can never store what it built.
CREATE OR REPLACE FUNCTION participant_documents_period_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE participant_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT DISTINCT teacher_id FROM changed) c
  WHERE d.teacher_id = c.teacher_id AND (d.valid_until <> '-infinity' OR d.xmin <> pg_current_xact_id()::xid);
  RETURN NULL;
END $$;

CREATE TRIGGER participant_documents_stale_on_training_insert AFTER INSERT ON training_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
CREATE TRIGGER participant_documents_stale_on_training_update AFTER UPDATE ON training_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
CREATE TRIGGER participant_documents_stale_on_training_delete AFTER DELETE ON training_periods
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
CREATE TRIGGER participant_documents_stale_on_school_insert AFTER INSERT ON at_school_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
CREATE TRIGGER participant_documents_stale_on_school_update AFTER UPDATE ON at_school_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
CREATE TRIGGER participant_documents_stale_on_school_delete AFTER DELETE ON at_school_periods
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
CREATE TRIGGER participant_documents_stale_on_id_change_insert AFTER INSERT ON participant_id_changes
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
CREATE TRIGGER participant_documents_stale_on_id_change_update AFTER UPDATE ON participant_id_changes
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
CREATE TRIGGER participant_documents_stale_on_id_change_delete AFTER DELETE ON participant_id_changes
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
