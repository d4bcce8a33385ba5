-- Q-4, Q-5: a partnership's document row exists from its creation (P-50); built by readers.
CREATE OR REPLACE FUNCTION partnership_documents_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO partnership_documents (partnership_id, lead_provider_id, created_at, cohort_year)
  SELECT id, lead_provider_id, created_at, cohort_year FROM changed
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER partnership_documents_add_on_insert AFTER INSERT ON partnerships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION partnership_documents_add();
