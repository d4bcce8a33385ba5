-- A training period updated: it can move off a partnership as well as onto one, so both sides'
-- documents are stale. Skipped only when this transaction marked it (see
-- participant_documents_period_changed.sql).
CREATE OR REPLACE FUNCTION partnership_documents_on_training_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partnership_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT partnership_id FROM changed WHERE partnership_id IS NOT NULL
        UNION SELECT partnership_id FROM previous WHERE partnership_id IS NOT NULL) c
  WHERE d.partnership_id = c.partnership_id AND (d.valid_until <> '-infinity' OR d.xmin <> pg_current_xact_id()::xid);
  RETURN NULL;
END $$;

CREATE TRIGGER partnership_documents_stale_on_training_update AFTER UPDATE ON training_periods
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION partnership_documents_on_training_update();
