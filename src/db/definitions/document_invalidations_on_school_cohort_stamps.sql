-- Written from src/read-models/dependencies.ts by `npm run definitions:read-models`; edit the map, not this file.
-- A change to school_cohort_stamps names the documents of: school (P-37 the cohort stamp).
CREATE OR REPLACE FUNCTION document_invalidations_on_school_cohort_stamps() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'school'::text, k.id, k.cohort_year, false FROM (SELECT school_id, cohort_year FROM rows) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'school'::text, k.id, k.cohort_year, false FROM (SELECT school_id, cohort_year FROM rows) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER document_invalidations_on_school_cohort_stamps_insert AFTER INSERT ON school_cohort_stamps
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_school_cohort_stamps();
CREATE TRIGGER document_invalidations_on_school_cohort_stamps_update AFTER UPDATE ON school_cohort_stamps
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_school_cohort_stamps();
CREATE TRIGGER document_invalidations_on_school_cohort_stamps_delete AFTER DELETE ON school_cohort_stamps
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_school_cohort_stamps();
