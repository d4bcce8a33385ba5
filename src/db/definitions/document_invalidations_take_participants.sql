-- Q-4 under writes: the participant keys of the invalidation log (0016) a write transaction read
-- and locked (src/read-models/write-through.ts), taken just before it commits, after it derived
-- their documents: the keys p_seqs are deleted and their documents marked
-- (document_invalidations_mark, which adds the member rows they call for), after locking those
-- documents in key order. Returns each marked document's version and whether it was marked by
-- anyone since the transaction read it (p_lead_providers, p_teachers, p_versions; a null version:
-- no row then): such a document was written by a transaction the derivation may not have seen,
-- so the caller derives it again now that it holds the row (a new statement sees that
-- transaction, which has ended). Locked until the caller ends, so whoever marks one of them next
-- waits for its build.
CREATE OR REPLACE FUNCTION document_invalidations_take_participants(p_seqs bigint[], p_lead_providers uuid[], p_teachers uuid[], p_versions bigint[])
RETURNS TABLE (lead_provider_id uuid, teacher_id uuid, version bigint, changed boolean) LANGUAGE plpgsql AS $$
DECLARE
  kinds text[];
  ids uuid[];
  cohorts integer[];
  befores bigint[];
BEGIN
  WITH taken AS (
    DELETE FROM document_invalidations i WHERE i.seq = ANY (p_seqs)
    RETURNING i.kind, i.id, i.cohort_year
  )
  SELECT array_agg(t.kind), array_agg(t.id), array_agg(t.cohort_year) INTO kinds, ids, cohorts FROM taken t;
  PERFORM 1 FROM participant_documents d
    WHERE d.teacher_id = ANY (ids) ORDER BY d.lead_provider_id, d.teacher_id FOR UPDATE;
  -- -1: no row.
  befores := ARRAY(SELECT coalesce(d.version, -1) FROM unnest(p_lead_providers, p_teachers) WITH ORDINALITY AS u (lp, teacher, n)
    LEFT JOIN participant_documents d ON d.lead_provider_id = u.lp AND d.teacher_id = u.teacher ORDER BY u.n);
  PERFORM document_invalidations_mark(kinds, ids, cohorts);
  RETURN QUERY SELECT u.lp, u.teacher, d.version, coalesce(u.seen, -1) <> u.before
    FROM unnest(p_lead_providers, p_teachers, p_versions, befores) AS u (lp, teacher, seen, before)
    JOIN participant_documents d ON d.lead_provider_id = u.lp AND d.teacher_id = u.teacher;
END $$;
