-- Written from src/read-models/dependencies.ts by `npm run definitions:read-models`; edit the map, not this file.
-- A change to training_periods names the documents of: participant (R-32 membership, R-34 enrolments, R-38 dates, T-21); partnership (P-35 participants_currently_training and its dates); school (P-26, P-27 rule 1, P-37 dates).
CREATE OR REPLACE FUNCTION document_invalidations_on_training_periods() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer, true FROM (SELECT teacher_id FROM rows) AS k(id)
      UNION ALL SELECT 'partnership'::text, k.id, NULL::integer, false FROM (SELECT partnership_id FROM rows WHERE partnership_id IS NOT NULL) AS k(id)
      UNION ALL SELECT 'school'::text, k.id, k.cohort_year, false FROM (SELECT school_id, cohort_year FROM rows) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer, true FROM (SELECT teacher_id FROM rows) AS k(id)
      UNION ALL SELECT 'partnership'::text, k.id, NULL::integer, false FROM (SELECT partnership_id FROM rows WHERE partnership_id IS NOT NULL) AS k(id)
      UNION ALL SELECT 'school'::text, k.id, k.cohort_year, false FROM (SELECT school_id, cohort_year FROM rows) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER document_invalidations_on_training_periods_insert AFTER INSERT ON training_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_training_periods();
CREATE TRIGGER document_invalidations_on_training_periods_update AFTER UPDATE ON training_periods
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_training_periods();
CREATE TRIGGER document_invalidations_on_training_periods_delete AFTER DELETE ON training_periods
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_training_periods();
