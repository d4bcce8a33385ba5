-- R-14, C-57: a teacher row written means its participant documents may show something else now
-- (the creation instant, the sort key R-39 copies, is copied again too, though no command changes it).
CREATE OR REPLACE FUNCTION participant_documents_teacher_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE participant_documents d SET version = d.version + 1, valid_until = '-infinity', created_at = c.created_at
  FROM changed c
  WHERE d.teacher_id = c.id;
  RETURN NULL;
END $$;

CREATE TRIGGER participant_documents_stale_on_teacher AFTER UPDATE ON teachers
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participant_documents_teacher_changed();
