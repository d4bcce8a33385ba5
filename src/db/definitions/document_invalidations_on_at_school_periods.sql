-- Written from src/read-models/dependencies.ts by `npm run definitions:read-models`; edit the map, not this file.
-- A change to at_school_periods names the documents of: participant (R-34 email, working pattern, created_at; T-1 … T-8).
CREATE OR REPLACE FUNCTION document_invalidations_on_at_school_periods() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer, false FROM (SELECT teacher_id FROM rows) AS k(id)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer, false FROM (SELECT teacher_id FROM rows) AS k(id)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER document_invalidations_on_at_school_periods_insert AFTER INSERT ON at_school_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_at_school_periods();
CREATE TRIGGER document_invalidations_on_at_school_periods_update AFTER UPDATE ON at_school_periods
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_at_school_periods();
CREATE TRIGGER document_invalidations_on_at_school_periods_delete AFTER DELETE ON at_school_periods
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_at_school_periods();
