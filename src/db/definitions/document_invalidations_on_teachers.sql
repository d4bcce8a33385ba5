-- Written from src/read-models/dependencies.ts by `npm run definitions:read-models`; edit the map, not this file.
-- A change to teachers names the documents of: participant (R-34 the teacher’s facts, R-14 its stamp); partnership (P-35 completion dates).
CREATE OR REPLACE FUNCTION document_invalidations_on_teachers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer, false FROM (SELECT id FROM rows) AS k(id)
      UNION ALL SELECT 'partnership'::text, k.id, NULL::integer, false FROM (SELECT tp.partnership_id FROM training_periods tp JOIN rows r ON r.id = tp.teacher_id WHERE tp.partnership_id IS NOT NULL) AS k(id)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer, false FROM (SELECT id FROM rows) AS k(id)
      UNION ALL SELECT 'partnership'::text, k.id, NULL::integer, false FROM (SELECT tp.partnership_id FROM training_periods tp JOIN rows r ON r.id = tp.teacher_id WHERE tp.partnership_id IS NOT NULL) AS k(id)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER document_invalidations_on_teachers_insert AFTER INSERT ON teachers
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_teachers();
CREATE TRIGGER document_invalidations_on_teachers_update AFTER UPDATE ON teachers
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_teachers();
CREATE TRIGGER document_invalidations_on_teachers_delete AFTER DELETE ON teachers
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_teachers();
