-- Q-4, Q-11: what consuming keys of the invalidation log (0016) does, whoever consumes them
-- (document_invalidations_consume, document_invalidations_consume_keys, under their advisory
-- lock): the member rows the keys call for added (R-32, P-49, P-43) and those documents marked
-- stale (a new version, so a build that read the data before the write cannot store), each
-- counting the keys consumed into it (`logged`, 0020).
CREATE OR REPLACE FUNCTION document_invalidations_mark(p_kinds text[], p_ids uuid[], p_cohorts integer[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  marked integer;
BEGIN
  IF p_ids IS NULL THEN
    RETURN;
  END IF;
  -- The participant documents locked in key order first, as a command that builds its own locks
  -- them (document_invalidations_take_participants): an UPDATE locks rows in its plan's order.
  PERFORM 1 FROM participant_documents d WHERE d.teacher_id = ANY (p_ids) ORDER BY d.lead_provider_id, d.teacher_id FOR UPDATE;
  -- Then their lead providers' rows of document_scope_changes, in order too: this statement's
  -- insert and update triggers each take theirs in order, but one after the other.
  INSERT INTO document_scope_changes (table_name, scope, changed_by)
  SELECT 'participant_documents', s.scope, pg_current_xact_id() FROM (
    SELECT d.lead_provider_id::text AS scope FROM participant_documents d WHERE d.teacher_id = ANY (p_ids)
    UNION SELECT tp.lead_provider_id::text FROM training_periods tp WHERE tp.teacher_id = ANY (p_ids) AND tp.partnership_id IS NOT NULL) s
  ORDER BY s.scope
  ON CONFLICT (table_name, scope) DO UPDATE SET changed_by = excluded.changed_by;
  WITH taken AS (SELECT * FROM unnest(p_kinds, p_ids, p_cohorts) AS taken (kind, id, cohort_year)),
  teachers_taken AS (SELECT id, count(*) AS n FROM taken WHERE kind = 'participant' GROUP BY id),
  partnerships_taken AS (SELECT id, count(*) AS n FROM taken WHERE kind = 'partnership' GROUP BY id),
  -- A school key names one cohort's document or (no cohort) every cohort's.
  schools_taken AS (
    SELECT t.id, c.year AS cohort_year, count(*) AS n FROM taken t JOIN cohorts c ON t.cohort_year IS NULL OR c.year = t.cohort_year
    WHERE t.kind = 'school'
    GROUP BY t.id, c.year
  ),
  participant_members AS (
    INSERT INTO participant_documents (lead_provider_id, teacher_id, created_at, logged)
    SELECT DISTINCT tp.lead_provider_id, tp.teacher_id, t.created_at, k.n
    FROM teachers_taken k JOIN training_periods tp ON tp.teacher_id = k.id JOIN teachers t ON t.id = k.id
    WHERE tp.partnership_id IS NOT NULL
    -- In key order: two markers adding the same member rows wait for each other in one order.
    ORDER BY 1, 2
    ON CONFLICT DO NOTHING
    RETURNING 1
  ),
  participants_stale AS (
    UPDATE participant_documents d SET version = d.version + 1, valid_until = '-infinity', created_at = t.created_at, logged = d.logged + k.n
    FROM teachers_taken k JOIN teachers t ON t.id = k.id
    WHERE d.teacher_id = k.id
    RETURNING 1
  ),
  partnership_members AS (
    INSERT INTO partnership_documents (partnership_id, lead_provider_id, created_at, cohort_year, logged)
    SELECT p.id, p.lead_provider_id, p.created_at, p.cohort_year, k.n FROM partnerships_taken k JOIN partnerships p ON p.id = k.id
    ON CONFLICT DO NOTHING
    RETURNING 1
  ),
  partnerships_stale AS (
    UPDATE partnership_documents d SET version = d.version + 1, valid_until = '-infinity', created_at = p.created_at, logged = d.logged + k.n
    FROM partnerships_taken k JOIN partnerships p ON p.id = k.id
    WHERE d.partnership_id = k.id
    RETURNING 1
  ),
  school_members AS (
    INSERT INTO school_documents (school_id, cohort_year, created_at, urn, logged)
    SELECT s.id, k.cohort_year, s.created_at, s.urn, k.n FROM schools_taken k JOIN schools s ON s.id = k.id
    ON CONFLICT DO NOTHING
    RETURNING 1
  ),
  schools_stale AS (
    UPDATE school_documents d SET version = d.version + 1, valid_until = '-infinity', created_at = s.created_at, urn = s.urn, logged = d.logged + k.n
    FROM schools_taken k JOIN schools s ON s.id = k.id
    WHERE d.school_id = k.id AND d.cohort_year = k.cohort_year
    RETURNING 1
  )
  SELECT count(*) INTO marked FROM taken;
END $$;
