-- Written from src/read-models/dependencies.ts by `npm run definitions:read-models`; edit the map, not this file.
-- A change to delivery_partners names the documents of: partnership (P-50 the delivery partner’s name, P-36).
CREATE OR REPLACE FUNCTION document_invalidations_on_delivery_partners() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'partnership'::text, k.id, NULL::integer, false FROM (SELECT p.id FROM partnerships p JOIN rows r ON r.id = p.delivery_partner_id) AS k(id)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'partnership'::text, k.id, NULL::integer, false FROM (SELECT p.id FROM partnerships p JOIN rows r ON r.id = p.delivery_partner_id) AS k(id)
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER document_invalidations_on_delivery_partners_insert AFTER INSERT ON delivery_partners
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_delivery_partners();
CREATE TRIGGER document_invalidations_on_delivery_partners_update AFTER UPDATE ON delivery_partners
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_delivery_partners();
CREATE TRIGGER document_invalidations_on_delivery_partners_delete AFTER DELETE ON delivery_partners
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_delivery_partners();
