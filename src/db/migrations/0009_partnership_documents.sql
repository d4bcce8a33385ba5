-- Q-4, Q-5: each partnership's wire document (P-50), kept as participant_documents (0008) keeps
-- participants: a row from the partnership's creation (the trigger below), the document a cache
-- of what the derivation gives on the days in [valid_from, valid_until) — between P-35's change
-- dates, so participants_currently_training and the calendar part of updated_at (P-36) cannot
-- change by themselves inside it. Writes to the partnership, its school, its delivery partner,
-- its attached training periods or their teachers mark it stale in the writing transaction.
CREATE TABLE partnership_documents (
  partnership_id uuid PRIMARY KEY REFERENCES partnerships (id),
  lead_provider_id uuid NOT NULL REFERENCES lead_providers (id),
  -- P-50's filters and sort keys that never change, copied from the partnership.
  created_at timestamptz NOT NULL,
  cohort_year integer NOT NULL,
  version bigint NOT NULL DEFAULT 0,
  valid_from date NOT NULL DEFAULT '-infinity',
  valid_until date NOT NULL DEFAULT '-infinity',
  -- Within the window: the shown updated_at (P-36), the delivery partner filtered on, the text.
  updated_at timestamptz,
  delivery_partner_id uuid,
  body text
);
CREATE INDEX partnership_documents_by_created_at ON partnership_documents (lead_provider_id, created_at, partnership_id);
CREATE INDEX partnership_documents_by_updated_at ON partnership_documents (lead_provider_id, updated_at, partnership_id);
CREATE INDEX partnership_documents_by_valid_until ON partnership_documents (lead_provider_id, valid_until);
CREATE INDEX partnership_documents_by_valid_from ON partnership_documents (lead_provider_id, valid_from);

CREATE FUNCTION partnership_documents_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO partnership_documents (partnership_id, lead_provider_id, created_at, cohort_year)
  SELECT id, lead_provider_id, created_at, cohort_year FROM changed
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER partnership_documents_add_on_insert AFTER INSERT ON partnerships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION partnership_documents_add();

-- Marks the documents of some partnerships stale; each trigger below names which.
CREATE FUNCTION partnership_documents_on_partnership() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partnership_documents d SET version = d.version + 1, valid_until = '-infinity', created_at = c.created_at
  FROM changed c WHERE d.partnership_id = c.id;
  RETURN NULL;
END $$;
CREATE TRIGGER partnership_documents_stale_on_partnership AFTER UPDATE ON partnerships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION partnership_documents_on_partnership();

CREATE FUNCTION partnership_documents_on_school() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partnership_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM partnerships p JOIN changed c ON c.id = p.school_id
  WHERE d.partnership_id = p.id;
  RETURN NULL;
END $$;
CREATE TRIGGER partnership_documents_stale_on_school AFTER UPDATE ON schools
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION partnership_documents_on_school();

CREATE FUNCTION partnership_documents_on_delivery_partner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partnership_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM partnerships p JOIN changed c ON c.id = p.delivery_partner_id
  WHERE d.partnership_id = p.id;
  RETURN NULL;
END $$;
CREATE TRIGGER partnership_documents_stale_on_delivery_partner AFTER UPDATE ON delivery_partners
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION partnership_documents_on_delivery_partner();

CREATE FUNCTION partnership_documents_on_training() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partnership_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT DISTINCT partnership_id FROM changed WHERE partnership_id IS NOT NULL) c
  WHERE d.partnership_id = c.partnership_id AND d.valid_until <> '-infinity';
  RETURN NULL;
END $$;
CREATE TRIGGER partnership_documents_stale_on_training_insert AFTER INSERT ON training_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION partnership_documents_on_training();
CREATE TRIGGER partnership_documents_stale_on_training_delete AFTER DELETE ON training_periods
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION partnership_documents_on_training();
-- An update can move a period off a partnership as well as onto one: both sides.
CREATE FUNCTION partnership_documents_on_training_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partnership_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT partnership_id FROM changed WHERE partnership_id IS NOT NULL
        UNION SELECT partnership_id FROM previous WHERE partnership_id IS NOT NULL) c
  WHERE d.partnership_id = c.partnership_id AND d.valid_until <> '-infinity';
  RETURN NULL;
END $$;
CREATE TRIGGER partnership_documents_stale_on_training_update AFTER UPDATE ON training_periods
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION partnership_documents_on_training_update();

-- P-35: an attached participant's completion dates are the teacher's.
CREATE FUNCTION partnership_documents_on_teacher() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partnership_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT DISTINCT tp.partnership_id FROM training_periods tp JOIN changed c ON c.id = tp.teacher_id
        WHERE tp.partnership_id IS NOT NULL) x
  WHERE d.partnership_id = x.partnership_id AND d.valid_until <> '-infinity';
  RETURN NULL;
END $$;
CREATE TRIGGER partnership_documents_stale_on_teacher AFTER UPDATE ON teachers
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION partnership_documents_on_teacher();

INSERT INTO partnership_documents (partnership_id, lead_provider_id, created_at, cohort_year)
SELECT id, lead_provider_id, created_at, cohort_year FROM partnerships;
