-- Written from src/read-models/dependencies.ts by `npm run definitions:read-models`; edit the map, not this file.
-- A change to schools names the documents of: participant (R-34 uplifts and school_urn, T-5 URNs); partnership (P-50 the school’s name, URN, tutor); school (P-43 membership, P-45, P-37 its stamp).
CREATE OR REPLACE FUNCTION document_invalidations_on_schools() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer, false FROM (SELECT asp.teacher_id FROM at_school_periods asp JOIN rows r ON r.id = asp.school_id) AS k(id)
      UNION ALL SELECT 'partnership'::text, k.id, NULL::integer, false FROM (SELECT p.id FROM partnerships p JOIN rows r ON r.id = p.school_id) AS k(id)
      UNION ALL SELECT 'school'::text, k.id, k.cohort_year, true FROM (SELECT id, NULL::integer FROM rows) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer, false FROM (SELECT asp.teacher_id FROM at_school_periods asp JOIN rows r ON r.id = asp.school_id) AS k(id)
      UNION ALL SELECT 'partnership'::text, k.id, NULL::integer, false FROM (SELECT p.id FROM partnerships p JOIN rows r ON r.id = p.school_id) AS k(id)
      UNION ALL SELECT 'school'::text, k.id, k.cohort_year, true FROM (SELECT id, NULL::integer FROM rows) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER document_invalidations_on_schools_insert AFTER INSERT ON schools
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_schools();
CREATE TRIGGER document_invalidations_on_schools_update AFTER UPDATE ON schools
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_schools();
CREATE TRIGGER document_invalidations_on_schools_delete AFTER DELETE ON schools
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_schools();
