-- Q-4: a school document row exists for every school and cohort from the moment both exist (P-45):
-- a new school adds one for every cohort.
CREATE OR REPLACE FUNCTION school_documents_add_schools() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO school_documents (school_id, cohort_year, created_at, urn)
  SELECT s.id, c.year, s.created_at, s.urn FROM changed s CROSS JOIN cohorts c
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER school_documents_add_on_school AFTER INSERT ON schools
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_add_schools();
