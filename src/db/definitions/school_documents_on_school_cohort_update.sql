-- Rows naming a school and a cohort updated: the school's documents in the cohorts before and
-- after are stale. Skipped only when this transaction marked it (see
-- participant_documents_period_changed.sql).
CREATE OR REPLACE FUNCTION school_documents_on_school_cohort_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE school_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT school_id, cohort_year FROM changed UNION SELECT school_id, cohort_year FROM previous) c
  WHERE d.school_id = c.school_id AND d.cohort_year = c.cohort_year
    AND (d.valid_until <> '-infinity' OR d.xmin <> pg_current_xact_id()::xid);
  RETURN NULL;
END $$;

CREATE TRIGGER school_documents_stale_on_partnership_update AFTER UPDATE ON partnerships
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort_update();
CREATE TRIGGER school_documents_stale_on_training_update AFTER UPDATE ON training_periods
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort_update();
CREATE TRIGGER school_documents_stale_on_stamp_update AFTER UPDATE ON school_cohort_stamps
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort_update();
