-- P-35: an attached participant's completion dates are the teacher's, so a teacher written marks
-- the documents of the partnerships their training periods are attached to. Skipped only when this
-- transaction marked it (see participant_documents_period_changed.sql).
CREATE OR REPLACE FUNCTION partnership_documents_on_teacher() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partnership_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT DISTINCT tp.partnership_id FROM training_periods tp JOIN changed c ON c.id = tp.teacher_id
        WHERE tp.partnership_id IS NOT NULL) x
  WHERE d.partnership_id = x.partnership_id AND (d.valid_until <> '-infinity' OR d.xmin <> pg_current_xact_id()::xid);
  RETURN NULL;
END $$;

CREATE TRIGGER partnership_documents_stale_on_teacher AFTER UPDATE ON teachers
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION partnership_documents_on_teacher();
