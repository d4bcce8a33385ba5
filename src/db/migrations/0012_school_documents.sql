-- Q-4: each school's wire document for each cohort (P-45), kept as participant_documents (0008)
-- and partnership_documents (0009) are: a cache of what the derivation gives on the days in
-- [valid_from, valid_until). What a school shows in a cohort is the same for every lead provider
-- but for expression_of_interest and the induction tutor it unlocks (P-27, P-31), so a row holds
-- both texts and the lead providers for whom expression_of_interest is true. The window is
-- bounded by the finish dates of the school's EOI periods in the cohort, the only dates on which
-- P-27 or the calendar part of P-37's updated_at change by themselves. A row exists for every
-- school and cohort from the moment both exist (the triggers below); `listed` is P-43's
-- membership (eligible, or partnered in the cohort), known once the row is built.
CREATE TABLE school_documents (
  school_id uuid NOT NULL REFERENCES schools (id),
  cohort_year integer NOT NULL REFERENCES cohorts (year),
  -- P-46's sort keys and filter that only a write to the school changes, copied from it.
  created_at timestamptz NOT NULL,
  urn text NOT NULL,
  version bigint NOT NULL DEFAULT 0,
  valid_from date NOT NULL DEFAULT '-infinity',
  valid_until date NOT NULL DEFAULT '-infinity',
  listed boolean,
  updated_at timestamptz,
  eoi_lead_provider_ids uuid[],
  body text,
  body_eoi text,
  PRIMARY KEY (school_id, cohort_year)
);
CREATE INDEX school_documents_by_created_at ON school_documents (cohort_year, created_at, school_id) WHERE listed;
CREATE INDEX school_documents_by_updated_at ON school_documents (cohort_year, updated_at, school_id) WHERE listed;
CREATE INDEX school_documents_by_urn ON school_documents (cohort_year, urn) WHERE listed;
CREATE INDEX school_documents_by_valid_until ON school_documents (cohort_year, valid_until);
CREATE INDEX school_documents_by_valid_from ON school_documents (cohort_year, valid_from);

CREATE FUNCTION school_documents_add_schools() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO school_documents (school_id, cohort_year, created_at, urn)
  SELECT s.id, c.year, s.created_at, s.urn FROM changed s CROSS JOIN cohorts c
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER school_documents_add_on_school AFTER INSERT ON schools
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_add_schools();

CREATE FUNCTION school_documents_add_cohorts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO school_documents (school_id, cohort_year, created_at, urn)
  SELECT s.id, c.year, s.created_at, s.urn FROM schools s CROSS JOIN changed c
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER school_documents_add_on_cohort AFTER INSERT ON cohorts
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_add_cohorts();

-- A school written: its documents in every cohort (and the copied keys again).
CREATE FUNCTION school_documents_on_school() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE school_documents d SET version = d.version + 1, valid_until = '-infinity', created_at = c.created_at, urn = c.urn
  FROM changed c WHERE d.school_id = c.id;
  RETURN NULL;
END $$;
CREATE TRIGGER school_documents_stale_on_school AFTER UPDATE ON schools
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school();

-- Rows naming a school and a cohort (partnerships, training periods, the cohort stamps of P-37):
-- that school's document in that cohort. Skipped only when this transaction marked it (0011).
CREATE FUNCTION school_documents_on_school_cohort() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE school_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT DISTINCT school_id, cohort_year FROM changed) c
  WHERE d.school_id = c.school_id AND d.cohort_year = c.cohort_year
    AND (d.valid_until <> '-infinity' OR d.xmin <> pg_current_xact_id()::xid);
  RETURN NULL;
END $$;
CREATE FUNCTION school_documents_on_school_cohort_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE school_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT school_id, cohort_year FROM changed UNION SELECT school_id, cohort_year FROM previous) c
  WHERE d.school_id = c.school_id AND d.cohort_year = c.cohort_year
    AND (d.valid_until <> '-infinity' OR d.xmin <> pg_current_xact_id()::xid);
  RETURN NULL;
END $$;
CREATE TRIGGER school_documents_stale_on_partnership_insert AFTER INSERT ON partnerships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort();
CREATE TRIGGER school_documents_stale_on_partnership_update AFTER UPDATE ON partnerships
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort_update();
CREATE TRIGGER school_documents_stale_on_partnership_delete AFTER DELETE ON partnerships
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort();
CREATE TRIGGER school_documents_stale_on_training_insert AFTER INSERT ON training_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort();
CREATE TRIGGER school_documents_stale_on_training_update AFTER UPDATE ON training_periods
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort_update();
CREATE TRIGGER school_documents_stale_on_training_delete AFTER DELETE ON training_periods
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort();
CREATE TRIGGER school_documents_stale_on_stamp_insert AFTER INSERT ON school_cohort_stamps
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort();
CREATE TRIGGER school_documents_stale_on_stamp_update AFTER UPDATE ON school_cohort_stamps
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort_update();
CREATE TRIGGER school_documents_stale_on_stamp_delete AFTER DELETE ON school_cohort_stamps
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION school_documents_on_school_cohort();

INSERT INTO school_documents (school_id, cohort_year, created_at, urn)
SELECT s.id, c.year, s.created_at, s.urn FROM schools s CROSS JOIN cohorts c;
