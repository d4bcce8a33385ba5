-- A training period inserted or deleted: the document of its partnership is stale (P-35's counts).
-- Skipped only when this transaction marked it (see participant_documents_period_changed.sql).
CREATE OR REPLACE FUNCTION partnership_documents_on_training() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partnership_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT DISTINCT partnership_id FROM changed WHERE partnership_id IS NOT NULL) c
  WHERE d.partnership_id = c.partnership_id AND (d.valid_until <> '-infinity' OR d.xmin <> pg_current_xact_id()::xid);
  RETURN NULL;
END $$;

CREATE TRIGGER partnership_documents_stale_on_training_insert AFTER INSERT ON training_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION partnership_documents_on_training();
CREATE TRIGGER partnership_documents_stale_on_training_delete AFTER DELETE ON training_periods
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION partnership_documents_on_training();
