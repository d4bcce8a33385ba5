-- The stale marks of 0008 … 0010 skipped a document that was stale already, to spare bulk writes
-- from rewriting it statement after statement. But a stale document may be being built: a build
-- that read the data before a write committed would then store it with its version unchanged,
-- older than the data (0008's guarantee broken). A document is now skipped only when this very
-- transaction marked it (its row version is this transaction's own): another transaction's write
-- always counts a version, so a build that read before it can never store.
CREATE OR REPLACE FUNCTION participant_documents_period_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE participant_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT DISTINCT teacher_id FROM changed) c
  WHERE d.teacher_id = c.teacher_id AND (d.valid_until <> '-infinity' OR d.xmin <> pg_current_xact_id()::xid);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION participant_documents_mentorship_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE participant_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT DISTINCT ect_teacher_id FROM changed) c
  WHERE d.teacher_id = c.ect_teacher_id AND (d.valid_until <> '-infinity' OR d.xmin <> pg_current_xact_id()::xid);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION participant_documents_lead_provider_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed c JOIN previous p ON p.id = c.id WHERE c.name IS DISTINCT FROM p.name) THEN
    UPDATE participant_documents d SET version = d.version + 1, valid_until = '-infinity'
    WHERE d.valid_until <> '-infinity' OR d.xmin <> pg_current_xact_id()::xid;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION partnership_documents_on_training() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partnership_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT DISTINCT partnership_id FROM changed WHERE partnership_id IS NOT NULL) c
  WHERE d.partnership_id = c.partnership_id AND (d.valid_until <> '-infinity' OR d.xmin <> pg_current_xact_id()::xid);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION partnership_documents_on_training_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partnership_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT partnership_id FROM changed WHERE partnership_id IS NOT NULL
        UNION SELECT partnership_id FROM previous WHERE partnership_id IS NOT NULL) c
  WHERE d.partnership_id = c.partnership_id AND (d.valid_until <> '-infinity' OR d.xmin <> pg_current_xact_id()::xid);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION partnership_documents_on_teacher() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partnership_documents d SET version = d.version + 1, valid_until = '-infinity'
  FROM (SELECT DISTINCT tp.partnership_id FROM training_periods tp JOIN changed c ON c.id = tp.teacher_id
        WHERE tp.partnership_id IS NOT NULL) x
  WHERE d.partnership_id = x.partnership_id AND (d.valid_until <> '-infinity' OR d.xmin <> pg_current_xact_id()::xid);
  RETURN NULL;
END $$;
