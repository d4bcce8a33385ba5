-- A delivery partner written (its name is shown, P-50): the documents of its partnerships are stale.
CREATE OR REPLACE FUNCTION partnership_documents_on_delivery_partner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partnership_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM partnerships p JOIN changed c ON c.id = p.delivery_partner_id
  WHERE d.partnership_id = p.id;
  RETURN NULL;
END $$;

CREATE TRIGGER partnership_documents_stale_on_delivery_partner AFTER UPDATE ON delivery_partners
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION partnership_documents_on_delivery_partner();
