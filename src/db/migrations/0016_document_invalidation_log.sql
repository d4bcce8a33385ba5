-- Q-4, Q-11: documents learn they are stale from an append-only log instead of from their writers.
-- Until now the triggers of 0008 … 0012 updated document rows inside every writing transaction,
-- after the domain rows it had locked; two commands that touched the same documents and domain
-- rows in different orders (a PUT on a partnership, a school action at its school) deadlocked.
-- Now a write's statement triggers only append the keys of the documents it may change to
-- document_invalidations (src/read-models/dependencies.ts declares which table's changes name
-- which documents), and nothing else: a writer never updates or locks a document row. The log is
-- consumed by document_invalidations_consume, called by the builders in a statement of their own:
-- it deletes what it takes, adds the member rows the keys call for (R-32, P-49, P-43) and marks
-- those documents stale (a new version, so a build that read the data before the write cannot
-- store). A reader counts a pending key as a stale document.
CREATE TABLE document_invalidations (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('participant', 'partnership', 'school')),
  -- A teacher (participant documents of every lead provider), a partnership, or a school.
  id uuid NOT NULL,
  -- School documents only: the cohort, or null for every cohort.
  cohort_year integer
);
CREATE INDEX document_invalidations_by_key ON document_invalidations (kind, id);

-- Takes up to p_limit keys, oldest first. One consumer at a time (an advisory lock tried, never
-- waited for: -1 when another holds it), so two never mark the same documents in different
-- orders; it waits only for a build's single statement, and builds skip the rows it holds.
CREATE FUNCTION document_invalidations_consume(p_limit integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  consumed integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7146334216) THEN
    RETURN -1;
  END IF;
  WITH taken AS (
    DELETE FROM document_invalidations
    WHERE seq IN (SELECT seq FROM document_invalidations ORDER BY seq LIMIT p_limit)
    RETURNING kind, id, cohort_year
  ),
  teachers_taken AS (SELECT DISTINCT id FROM taken WHERE kind = 'participant'),
  partnerships_taken AS (SELECT DISTINCT id FROM taken WHERE kind = 'partnership'),
  schools_taken AS (
    SELECT DISTINCT t.id, c.year AS cohort_year FROM taken t JOIN cohorts c ON t.cohort_year IS NULL OR c.year = t.cohort_year
    WHERE t.kind = 'school'
  ),
  participant_members AS (
    INSERT INTO participant_documents (lead_provider_id, teacher_id, created_at)
    SELECT DISTINCT tp.lead_provider_id, tp.teacher_id, t.created_at
    FROM teachers_taken k JOIN training_periods tp ON tp.teacher_id = k.id JOIN teachers t ON t.id = k.id
    WHERE tp.partnership_id IS NOT NULL
    ON CONFLICT DO NOTHING
    RETURNING 1
  ),
  participants_stale AS (
    UPDATE participant_documents d SET version = d.version + 1, valid_until = '-infinity', created_at = t.created_at
    FROM teachers_taken k JOIN teachers t ON t.id = k.id
    WHERE d.teacher_id = k.id
    RETURNING 1
  ),
  partnership_members AS (
    INSERT INTO partnership_documents (partnership_id, lead_provider_id, created_at, cohort_year)
    SELECT p.id, p.lead_provider_id, p.created_at, p.cohort_year FROM partnerships_taken k JOIN partnerships p ON p.id = k.id
    ON CONFLICT DO NOTHING
    RETURNING 1
  ),
  partnerships_stale AS (
    UPDATE partnership_documents d SET version = d.version + 1, valid_until = '-infinity', created_at = p.created_at
    FROM partnerships_taken k JOIN partnerships p ON p.id = k.id
    WHERE d.partnership_id = k.id
    RETURNING 1
  ),
  school_members AS (
    INSERT INTO school_documents (school_id, cohort_year, created_at, urn)
    SELECT s.id, k.cohort_year, s.created_at, s.urn FROM schools_taken k JOIN schools s ON s.id = k.id
    ON CONFLICT DO NOTHING
    RETURNING 1
  ),
  schools_stale AS (
    UPDATE school_documents d SET version = d.version + 1, valid_until = '-infinity', created_at = s.created_at, urn = s.urn
    FROM schools_taken k JOIN schools s ON s.id = k.id
    WHERE d.school_id = k.id AND d.cohort_year = k.cohort_year
    RETURNING 1
  )
  SELECT count(*) INTO consumed FROM taken;
  RETURN consumed;
END $$;

-- The writers' document triggers of 0008 … 0012 go, with their functions.
DROP FUNCTION participant_documents_add_members() CASCADE;
DROP FUNCTION participant_documents_teacher_changed() CASCADE;
DROP FUNCTION participant_documents_period_changed() CASCADE;
DROP FUNCTION participant_documents_mentorship_changed() CASCADE;
DROP FUNCTION participant_documents_lead_provider_renamed() CASCADE;
DROP FUNCTION partnership_documents_add() CASCADE;
DROP FUNCTION partnership_documents_on_partnership() CASCADE;
DROP FUNCTION partnership_documents_on_school() CASCADE;
DROP FUNCTION partnership_documents_on_delivery_partner() CASCADE;
DROP FUNCTION partnership_documents_on_training() CASCADE;
DROP FUNCTION partnership_documents_on_training_update() CASCADE;
DROP FUNCTION partnership_documents_on_teacher() CASCADE;
DROP FUNCTION school_documents_add_schools() CASCADE;
DROP FUNCTION school_documents_add_cohorts() CASCADE;
DROP FUNCTION school_documents_on_school() CASCADE;
DROP FUNCTION school_documents_on_school_cohort() CASCADE;
DROP FUNCTION school_documents_on_school_cohort_update() CASCADE;

-- The triggers DEPENDENCIES declares, as src/read-models/invalidation.ts writes them
-- (test/read-models/invalidation.test.ts checks that this text is exactly that).
-- BEGIN generated
CREATE OR REPLACE FUNCTION document_invalidations_on_teachers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT id FROM rows) AS k(id)
      UNION ALL SELECT 'partnership'::text, k.id, NULL::integer FROM (SELECT tp.partnership_id FROM training_periods tp JOIN rows r ON r.id = tp.teacher_id WHERE tp.partnership_id IS NOT NULL) AS k(id)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT id FROM rows) AS k(id)
      UNION ALL SELECT 'partnership'::text, k.id, NULL::integer FROM (SELECT tp.partnership_id FROM training_periods tp JOIN rows r ON r.id = tp.teacher_id WHERE tp.partnership_id IS NOT NULL) AS k(id)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS document_invalidations_on_teachers_insert ON teachers;
CREATE TRIGGER document_invalidations_on_teachers_insert AFTER INSERT ON teachers
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_teachers();
DROP TRIGGER IF EXISTS document_invalidations_on_teachers_update ON teachers;
CREATE TRIGGER document_invalidations_on_teachers_update AFTER UPDATE ON teachers
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_teachers();
DROP TRIGGER IF EXISTS document_invalidations_on_teachers_delete ON teachers;
CREATE TRIGGER document_invalidations_on_teachers_delete AFTER DELETE ON teachers
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_teachers();

CREATE OR REPLACE FUNCTION document_invalidations_on_training_periods() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT teacher_id FROM rows) AS k(id)
      UNION ALL SELECT 'partnership'::text, k.id, NULL::integer FROM (SELECT partnership_id FROM rows WHERE partnership_id IS NOT NULL) AS k(id)
      UNION ALL SELECT 'school'::text, k.id, k.cohort_year FROM (SELECT school_id, cohort_year FROM rows) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT teacher_id FROM rows) AS k(id)
      UNION ALL SELECT 'partnership'::text, k.id, NULL::integer FROM (SELECT partnership_id FROM rows WHERE partnership_id IS NOT NULL) AS k(id)
      UNION ALL SELECT 'school'::text, k.id, k.cohort_year FROM (SELECT school_id, cohort_year FROM rows) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS document_invalidations_on_training_periods_insert ON training_periods;
CREATE TRIGGER document_invalidations_on_training_periods_insert AFTER INSERT ON training_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_training_periods();
DROP TRIGGER IF EXISTS document_invalidations_on_training_periods_update ON training_periods;
CREATE TRIGGER document_invalidations_on_training_periods_update AFTER UPDATE ON training_periods
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_training_periods();
DROP TRIGGER IF EXISTS document_invalidations_on_training_periods_delete ON training_periods;
CREATE TRIGGER document_invalidations_on_training_periods_delete AFTER DELETE ON training_periods
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_training_periods();

CREATE OR REPLACE FUNCTION document_invalidations_on_at_school_periods() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT teacher_id FROM rows) AS k(id)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT teacher_id FROM rows) AS k(id)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS document_invalidations_on_at_school_periods_insert ON at_school_periods;
CREATE TRIGGER document_invalidations_on_at_school_periods_insert AFTER INSERT ON at_school_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_at_school_periods();
DROP TRIGGER IF EXISTS document_invalidations_on_at_school_periods_update ON at_school_periods;
CREATE TRIGGER document_invalidations_on_at_school_periods_update AFTER UPDATE ON at_school_periods
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_at_school_periods();
DROP TRIGGER IF EXISTS document_invalidations_on_at_school_periods_delete ON at_school_periods;
CREATE TRIGGER document_invalidations_on_at_school_periods_delete AFTER DELETE ON at_school_periods
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_at_school_periods();

CREATE OR REPLACE FUNCTION document_invalidations_on_participant_id_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT teacher_id FROM rows) AS k(id)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT teacher_id FROM rows) AS k(id)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS document_invalidations_on_participant_id_changes_insert ON participant_id_changes;
CREATE TRIGGER document_invalidations_on_participant_id_changes_insert AFTER INSERT ON participant_id_changes
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_participant_id_changes();
DROP TRIGGER IF EXISTS document_invalidations_on_participant_id_changes_update ON participant_id_changes;
CREATE TRIGGER document_invalidations_on_participant_id_changes_update AFTER UPDATE ON participant_id_changes
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_participant_id_changes();
DROP TRIGGER IF EXISTS document_invalidations_on_participant_id_changes_delete ON participant_id_changes;
CREATE TRIGGER document_invalidations_on_participant_id_changes_delete AFTER DELETE ON participant_id_changes
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_participant_id_changes();

CREATE OR REPLACE FUNCTION document_invalidations_on_mentorships() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT ect_teacher_id FROM rows) AS k(id)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT ect_teacher_id FROM rows) AS k(id)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS document_invalidations_on_mentorships_insert ON mentorships;
CREATE TRIGGER document_invalidations_on_mentorships_insert AFTER INSERT ON mentorships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_mentorships();
DROP TRIGGER IF EXISTS document_invalidations_on_mentorships_update ON mentorships;
CREATE TRIGGER document_invalidations_on_mentorships_update AFTER UPDATE ON mentorships
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_mentorships();
DROP TRIGGER IF EXISTS document_invalidations_on_mentorships_delete ON mentorships;
CREATE TRIGGER document_invalidations_on_mentorships_delete AFTER DELETE ON mentorships
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_mentorships();

CREATE OR REPLACE FUNCTION document_invalidations_on_partnerships() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT tp.teacher_id FROM training_periods tp JOIN rows r ON r.id = tp.partnership_id) AS k(id)
      UNION ALL SELECT 'partnership'::text, k.id, NULL::integer FROM (SELECT id FROM rows) AS k(id)
      UNION ALL SELECT 'school'::text, k.id, k.cohort_year FROM (SELECT school_id, cohort_year FROM rows) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT tp.teacher_id FROM training_periods tp JOIN rows r ON r.id = tp.partnership_id) AS k(id)
      UNION ALL SELECT 'partnership'::text, k.id, NULL::integer FROM (SELECT id FROM rows) AS k(id)
      UNION ALL SELECT 'school'::text, k.id, k.cohort_year FROM (SELECT school_id, cohort_year FROM rows) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS document_invalidations_on_partnerships_insert ON partnerships;
CREATE TRIGGER document_invalidations_on_partnerships_insert AFTER INSERT ON partnerships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_partnerships();
DROP TRIGGER IF EXISTS document_invalidations_on_partnerships_update ON partnerships;
CREATE TRIGGER document_invalidations_on_partnerships_update AFTER UPDATE ON partnerships
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_partnerships();
DROP TRIGGER IF EXISTS document_invalidations_on_partnerships_delete ON partnerships;
CREATE TRIGGER document_invalidations_on_partnerships_delete AFTER DELETE ON partnerships
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_partnerships();

CREATE OR REPLACE FUNCTION document_invalidations_on_schools() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT asp.teacher_id FROM at_school_periods asp JOIN rows r ON r.id = asp.school_id) AS k(id)
      UNION ALL SELECT 'partnership'::text, k.id, NULL::integer FROM (SELECT p.id FROM partnerships p JOIN rows r ON r.id = p.school_id) AS k(id)
      UNION ALL SELECT 'school'::text, k.id, k.cohort_year FROM (SELECT id, NULL::integer FROM rows) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT asp.teacher_id FROM at_school_periods asp JOIN rows r ON r.id = asp.school_id) AS k(id)
      UNION ALL SELECT 'partnership'::text, k.id, NULL::integer FROM (SELECT p.id FROM partnerships p JOIN rows r ON r.id = p.school_id) AS k(id)
      UNION ALL SELECT 'school'::text, k.id, k.cohort_year FROM (SELECT id, NULL::integer FROM rows) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS document_invalidations_on_schools_insert ON schools;
CREATE TRIGGER document_invalidations_on_schools_insert AFTER INSERT ON schools
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_schools();
DROP TRIGGER IF EXISTS document_invalidations_on_schools_update ON schools;
CREATE TRIGGER document_invalidations_on_schools_update AFTER UPDATE ON schools
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_schools();
DROP TRIGGER IF EXISTS document_invalidations_on_schools_delete ON schools;
CREATE TRIGGER document_invalidations_on_schools_delete AFTER DELETE ON schools
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_schools();

CREATE OR REPLACE FUNCTION document_invalidations_on_cohorts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT tp.teacher_id FROM training_periods tp JOIN rows r ON r.year = tp.cohort_year) AS k(id)
      UNION ALL SELECT 'school'::text, k.id, k.cohort_year FROM (SELECT s.id, r.year FROM schools s CROSS JOIN rows r) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT tp.teacher_id FROM training_periods tp JOIN rows r ON r.year = tp.cohort_year) AS k(id)
      UNION ALL SELECT 'school'::text, k.id, k.cohort_year FROM (SELECT s.id, r.year FROM schools s CROSS JOIN rows r) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS document_invalidations_on_cohorts_insert ON cohorts;
CREATE TRIGGER document_invalidations_on_cohorts_insert AFTER INSERT ON cohorts
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_cohorts();
DROP TRIGGER IF EXISTS document_invalidations_on_cohorts_update ON cohorts;
CREATE TRIGGER document_invalidations_on_cohorts_update AFTER UPDATE ON cohorts
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_cohorts();
DROP TRIGGER IF EXISTS document_invalidations_on_cohorts_delete ON cohorts;
CREATE TRIGGER document_invalidations_on_cohorts_delete AFTER DELETE ON cohorts
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_cohorts();

CREATE OR REPLACE FUNCTION document_invalidations_on_lead_providers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT tp.teacher_id FROM training_periods tp JOIN rows r ON r.id = tp.lead_provider_id) AS k(id)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'participant'::text, k.id, NULL::integer FROM (SELECT tp.teacher_id FROM training_periods tp JOIN rows r ON r.id = tp.lead_provider_id) AS k(id)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS document_invalidations_on_lead_providers_insert ON lead_providers;
CREATE TRIGGER document_invalidations_on_lead_providers_insert AFTER INSERT ON lead_providers
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_lead_providers();
DROP TRIGGER IF EXISTS document_invalidations_on_lead_providers_update ON lead_providers;
CREATE TRIGGER document_invalidations_on_lead_providers_update AFTER UPDATE ON lead_providers
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_lead_providers();
DROP TRIGGER IF EXISTS document_invalidations_on_lead_providers_delete ON lead_providers;
CREATE TRIGGER document_invalidations_on_lead_providers_delete AFTER DELETE ON lead_providers
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_lead_providers();

CREATE OR REPLACE FUNCTION document_invalidations_on_delivery_partners() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'partnership'::text, k.id, NULL::integer FROM (SELECT p.id FROM partnerships p JOIN rows r ON r.id = p.delivery_partner_id) AS k(id)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'partnership'::text, k.id, NULL::integer FROM (SELECT p.id FROM partnerships p JOIN rows r ON r.id = p.delivery_partner_id) AS k(id)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS document_invalidations_on_delivery_partners_insert ON delivery_partners;
CREATE TRIGGER document_invalidations_on_delivery_partners_insert AFTER INSERT ON delivery_partners
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_delivery_partners();
DROP TRIGGER IF EXISTS document_invalidations_on_delivery_partners_update ON delivery_partners;
CREATE TRIGGER document_invalidations_on_delivery_partners_update AFTER UPDATE ON delivery_partners
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_delivery_partners();
DROP TRIGGER IF EXISTS document_invalidations_on_delivery_partners_delete ON delivery_partners;
CREATE TRIGGER document_invalidations_on_delivery_partners_delete AFTER DELETE ON delivery_partners
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_delivery_partners();

CREATE OR REPLACE FUNCTION document_invalidations_on_school_cohort_stamps() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed UNION ALL SELECT * FROM previous)
    SELECT DISTINCT * FROM (
      SELECT 'school'::text, k.id, k.cohort_year FROM (SELECT school_id, cohort_year FROM rows) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  ELSE
    INSERT INTO document_invalidations (kind, id, cohort_year)
    WITH rows AS (SELECT * FROM changed)
    SELECT DISTINCT * FROM (
      SELECT 'school'::text, k.id, k.cohort_year FROM (SELECT school_id, cohort_year FROM rows) AS k(id, cohort_year)
    ) AS keys (kind, id, cohort_year)
    WHERE id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS document_invalidations_on_school_cohort_stamps_insert ON school_cohort_stamps;
CREATE TRIGGER document_invalidations_on_school_cohort_stamps_insert AFTER INSERT ON school_cohort_stamps
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_school_cohort_stamps();
DROP TRIGGER IF EXISTS document_invalidations_on_school_cohort_stamps_update ON school_cohort_stamps;
CREATE TRIGGER document_invalidations_on_school_cohort_stamps_update AFTER UPDATE ON school_cohort_stamps
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_school_cohort_stamps();
DROP TRIGGER IF EXISTS document_invalidations_on_school_cohort_stamps_delete ON school_cohort_stamps;
CREATE TRIGGER document_invalidations_on_school_cohort_stamps_delete AFTER DELETE ON school_cohort_stamps
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_invalidations_on_school_cohort_stamps();
-- END generated
