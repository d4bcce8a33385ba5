-- Written from src/read-models/dependencies.ts by `npm run definitions:read-models`; edit the map, not this file.
-- A change to cohorts names the documents of: participant (R-34 uplift_fees_enabled); school (P-43 membership in a new cohort).
CREATE OR REPLACE FUNCTION document_invalidations_on_cohorts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer, false FROM (SELECT tp.teacher_id FROM training_periods tp JOIN rows r ON r.year = tp.cohort_year) AS k(id)
      UNION ALL SELECT 'school'::text, k.id, k.cohort_year, true FROM (SELECT s.id, r.year FROM schools s CROSS JOIN rows r) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer, false FROM (SELECT tp.teacher_id FROM training_periods tp JOIN rows r ON r.year = tp.cohort_year) AS k(id)
      UNION ALL SELECT 'school'::text, k.id, k.cohort_year, true FROM (SELECT s.id, r.year FROM schools s CROSS JOIN rows r) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER document_invalidations_on_cohorts_insert AFTER INSERT ON cohorts
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_cohorts();
CREATE TRIGGER document_invalidations_on_cohorts_update AFTER UPDATE ON cohorts
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_cohorts();
CREATE TRIGGER document_invalidations_on_cohorts_delete AFTER DELETE ON cohorts
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_cohorts();
