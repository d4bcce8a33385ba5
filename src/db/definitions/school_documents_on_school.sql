-- A school written: its documents in every cohort are stale (and the copied keys again).
CREATE OR REPLACE FUNCTION school_documents_on_school() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE school_documents d SET version = d.version + 1, valid_until = '-infinity', created_at = c.created_at, urn = c.urn
  FROM changed c WHERE d.school_id = c.id;
  RETURN NULL;
END $$;

CREATE TRIGGER school_documents_stale_on_school AFTER UPDATE ON schools
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school();
