-- A school written: the documents of its partnerships are stale.
CREATE OR REPLACE FUNCTION partnership_documents_on_school() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partnership_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM partnerships p JOIN changed c ON c.id = p.school_id
  WHERE d.partnership_id = p.id;
  RETURN NULL;
END $$;

CREATE TRIGGER partnership_documents_stale_on_school AFTER UPDATE ON schools
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION partnership_documents_on_school();
