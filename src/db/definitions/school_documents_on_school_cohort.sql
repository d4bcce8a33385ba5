-- Rows naming a school and a cohort (partnerships, training periods, the cohort stamps of P-37)
-- inserted or deleted: that school's document in that cohort is stale. Skipped only when this
-- transaction marked it (see participant_documents_period_changed.sql).
CREATE OR REPLACE FUNCTION school_documents_on_school_cohort() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE school_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT DISTINCT school_id, cohort_year FROM changed) c
  WHERE d.school_id = c.school_id AND d.cohort_year = c.cohort_year
    AND (d.valid_until <> '-infinity' OR d.xmin <> pg_current_xact_id()::xid);
  RETURN NULL;
END $$;

CREATE TRIGGER school_documents_stale_on_partnership_insert AFTER INSERT ON partnerships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort();
CREATE TRIGGER school_documents_stale_on_partnership_delete AFTER DELETE ON partnerships
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort();
CREATE TRIGGER school_documents_stale_on_training_insert AFTER INSERT ON training_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort();
CREATE TRIGGER school_documents_stale_on_training_delete AFTER DELETE ON training_periods
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort();
CREATE TRIGGER school_documents_stale_on_stamp_insert AFTER INSERT ON school_cohort_stamps
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort();
CREATE TRIGGER school_documents_stale_on_stamp_delete AFTER DELETE ON school_cohort_stamps
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort();
