-- A partnership written: its document is stale (and the copied created_at again).
CREATE OR REPLACE FUNCTION partnership_documents_on_partnership() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partnership_documents d SET version = d.version + 1, valid_until = '-infinity', created_at = c.created_at
  FROM changed c WHERE d.partnership_id = c.id;
  RETURN NULL;
END $$;

CREATE TRIGGER partnership_documents_stale_on_partnership AFTER UPDATE ON partnerships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION partnership_documents_on_partnership();
