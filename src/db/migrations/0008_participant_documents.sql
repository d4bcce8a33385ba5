-- Q-4, Q-6: each lead provider's participants (R-32) with their wire documents (R-34), kept so a
-- page of the feed is read rather than derived. A row exists for every (lead provider, teacher)
-- of R-32 from the moment the membership begins: the trigger on training_periods adds it in the
-- writing transaction, and membership is never lost (R-32), so this table *is* the feed's member
-- list. The document itself is a cache of what the derivation gives on the days in
-- [valid_from, valid_until): those are the R-38 change dates around the day it was built, between
-- which nothing shown can change by itself. A write to a teacher or to their periods, mentorships
-- (as mentee) or id changes marks the teacher's documents stale (valid_until = -infinity) and
-- counts a new version, by the triggers below in that same transaction; a write elsewhere that
-- changes what a participant shows (a partnership's delivery partner, an uplift flag) moves the
-- teacher's stamp (R-14, C-57), which is a write to the teacher. So a reader never takes a
-- document older than the data. Readers rebuild stale documents, and write one back only when
-- its version is still the one they read.
CREATE TABLE participant_documents (
  lead_provider_id uuid NOT NULL REFERENCES lead_providers (id),
  teacher_id uuid NOT NULL REFERENCES teachers (id),
  -- R-39's created_at sort key: the teacher's creation instant, which never changes.
  created_at timestamptz NOT NULL,
  version bigint NOT NULL DEFAULT 0,
  valid_from date NOT NULL DEFAULT '-infinity',
  valid_until date NOT NULL DEFAULT '-infinity',
  -- Within the window: R-38's shown updated_at and the enrolment keys of R-39's filters.
  updated_at timestamptz,
  ect_cohort integer,
  ect_training_status text,
  mentor_cohort integer,
  mentor_training_status text,
  from_participant_ids uuid[],
  -- The participant resource as its JSON text, attributes in the swagger's order.
  body text,
  PRIMARY KEY (lead_provider_id, teacher_id)
);
CREATE INDEX participant_documents_by_created_at ON participant_documents (lead_provider_id, created_at, teacher_id);
CREATE INDEX participant_documents_by_updated_at ON participant_documents (lead_provider_id, updated_at, teacher_id);
CREATE INDEX participant_documents_by_valid_until ON participant_documents (lead_provider_id, valid_until);
CREATE INDEX participant_documents_by_valid_from ON participant_documents (lead_provider_id, valid_from);
CREATE INDEX participant_documents_by_teacher ON participant_documents (teacher_id);

-- R-32: a confirmed training period on X's partnership makes its teacher X's participant.
CREATE FUNCTION participant_documents_add_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO participant_documents (lead_provider_id, teacher_id, created_at)
  SELECT DISTINCT c.lead_provider_id, c.teacher_id, t.created_at
  FROM changed c JOIN teachers t ON t.id = c.teacher_id
  WHERE c.partnership_id IS NOT NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER participant_documents_members_on_insert AFTER INSERT ON training_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_add_members();
CREATE TRIGGER participant_documents_members_on_update AFTER UPDATE ON training_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_add_members();

-- R-14, C-57: a teacher row written means its documents may show something else now (the
-- creation instant is copied again too, though no command changes it).
CREATE FUNCTION participant_documents_teacher_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE participant_documents d SET version = d.version + 1, valid_until = '-infinity', created_at = c.created_at
  FROM changed c
  WHERE d.teacher_id = c.id;
  RETURN NULL;
END $$;
CREATE TRIGGER participant_documents_stale_on_teacher AFTER UPDATE ON teachers
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_teacher_changed();

-- The rows a document is derived from, as well: every command that writes them also moves the
-- teacher's stamp (R-14), but the documents do not rely on it.
CREATE FUNCTION participant_documents_period_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE participant_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT DISTINCT teacher_id FROM changed) c
  WHERE d.teacher_id = c.teacher_id AND d.valid_until <> '-infinity';
  RETURN NULL;
END $$;
CREATE FUNCTION participant_documents_mentorship_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE participant_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT DISTINCT ect_teacher_id FROM changed) c
  WHERE d.teacher_id = c.ect_teacher_id AND d.valid_until <> '-infinity';
  RETURN NULL;
END $$;
CREATE TRIGGER participant_documents_stale_on_training_insert AFTER INSERT ON training_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
CREATE TRIGGER participant_documents_stale_on_training_update AFTER UPDATE ON training_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
CREATE TRIGGER participant_documents_stale_on_training_delete AFTER DELETE ON training_periods
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
CREATE TRIGGER participant_documents_stale_on_school_insert AFTER INSERT ON at_school_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
CREATE TRIGGER participant_documents_stale_on_school_update AFTER UPDATE ON at_school_periods
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
CREATE TRIGGER participant_documents_stale_on_school_delete AFTER DELETE ON at_school_periods
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
CREATE TRIGGER participant_documents_stale_on_id_change_insert AFTER INSERT ON participant_id_changes
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
CREATE TRIGGER participant_documents_stale_on_id_change_update AFTER UPDATE ON participant_id_changes
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
CREATE TRIGGER participant_documents_stale_on_id_change_delete AFTER DELETE ON participant_id_changes
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_period_changed();
CREATE TRIGGER participant_documents_stale_on_mentorship_insert AFTER INSERT ON mentorships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_mentorship_changed();
CREATE TRIGGER participant_documents_stale_on_mentorship_update AFTER UPDATE ON mentorships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_mentorship_changed();
CREATE TRIGGER participant_documents_stale_on_mentorship_delete AFTER DELETE ON mentorships
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_mentorship_changed();

-- The members of the data already held; their documents are built by the first readers.
INSERT INTO participant_documents (lead_provider_id, teacher_id, created_at)
SELECT DISTINCT tp.lead_provider_id, tp.teacher_id, t.created_at
FROM training_periods tp JOIN teachers t ON t.id = tp.teacher_id
WHERE tp.partnership_id IS NOT NULL;
