-- Written from src/read-models/dependencies.ts by `npm run definitions:read-models`; edit the map, not this file.
-- A change to partnerships names the documents of: participant (R-34 delivery_partner_id and school_urn, T-5); partnership (P-49 membership, P-50, P-36 its stamp); school (P-43 partnered, P-27 rule 2).
CREATE OR REPLACE FUNCTION document_invalidations_on_partnerships() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer, false FROM (WITH rows AS (SELECT n.* FROM changed n JOIN previous o ON o.id = n.id WHERE (n.delivery_partner_id, n.school_id, n.lead_provider_id) IS DISTINCT FROM (o.delivery_partner_id, o.school_id, o.lead_provider_id)
      UNION ALL SELECT o.* FROM changed n JOIN previous o ON o.id = n.id WHERE (n.delivery_partner_id, n.school_id, n.lead_provider_id) IS DISTINCT FROM (o.delivery_partner_id, o.school_id, o.lead_provider_id)) SELECT tp.teacher_id FROM training_periods tp JOIN rows r ON r.id = tp.partnership_id) AS k(id)
      UNION ALL SELECT 'partnership'::text, k.id, NULL::integer, true FROM (SELECT id FROM rows) AS k(id)
      UNION ALL SELECT 'school'::text, k.id, k.cohort_year, false FROM (SELECT school_id, cohort_year FROM rows) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer, false FROM (SELECT tp.teacher_id FROM training_periods tp JOIN rows r ON r.id = tp.partnership_id) AS k(id)
      UNION ALL SELECT 'partnership'::text, k.id, NULL::integer, true FROM (SELECT id FROM rows) AS k(id)
      UNION ALL SELECT 'school'::text, k.id, k.cohort_year, false FROM (SELECT school_id, cohort_year FROM rows) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER document_invalidations_on_partnerships_insert AFTER INSERT ON partnerships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_partnerships();
CREATE TRIGGER document_invalidations_on_partnerships_update AFTER UPDATE ON partnerships
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_partnerships();
CREATE TRIGGER document_invalidations_on_partnerships_delete AFTER DELETE ON partnerships
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_partnerships();
