-- Q-4: a school document row exists for every school and cohort from the moment both exist (P-45):
-- a new cohort adds one for every school.
CREATE OR REPLACE FUNCTION school_documents_add_cohorts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO school_documents (school_id, cohort_year, created_at, urn)
  SELECT s.id, c.year, s.created_at, s.urn FROM schools s CROSS JOIN changed c
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER school_documents_add_on_cohort AFTER INSERT ON cohorts
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_add_cohorts();
