-- Written from src/read-models/dependencies.ts by `npm run definitions:read-models`; edit the map, not this file.
-- A change to lead_providers names the documents of: participant (T-5 lead provider names).
CREATE OR REPLACE FUNCTION document_invalidations_on_lead_providers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer, false FROM (SELECT tp.teacher_id FROM training_periods tp JOIN rows r ON r.id = tp.lead_provider_id) AS k(id)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer, false FROM (SELECT tp.teacher_id FROM training_periods tp JOIN rows r ON r.id = tp.lead_provider_id) AS k(id)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER document_invalidations_on_lead_providers_insert AFTER INSERT ON lead_providers
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_lead_providers();
CREATE TRIGGER document_invalidations_on_lead_providers_update AFTER UPDATE ON lead_providers
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_lead_providers();
CREATE TRIGGER document_invalidations_on_lead_providers_delete AFTER DELETE ON lead_providers
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_lead_providers();
