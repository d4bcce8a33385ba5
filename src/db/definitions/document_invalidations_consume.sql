-- Q-4, Q-11: the invalidation log (0016) consumed, in a statement of its own: the keys taken are
-- deleted and their documents marked (document_invalidations_mark).
-- Takes up to p_limit keys, oldest first. One consumer at a time (an advisory lock tried, never
-- waited for: -1 when another holds it), so two never mark the same documents in different
-- orders; it waits only for a build's single statement, and builds skip the rows it holds.
CREATE OR REPLACE FUNCTION document_invalidations_consume(p_limit integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  kinds text[];
  ids uuid[];
  cohorts integer[];
BEGIN
  IF NOT pg_try_advisory_xact_lock(7146334216) THEN
    RETURN -1;
  END IF;
  -- The oldest keys' seqs as one array, then deleted by the primary key: as `seq IN (SELECT …)`,
  -- with the log's statistics taken while it was empty (a queue often is), the planner chose a
  -- nested loop that read the oldest keys again for every key of the log (63,105 keys: minutes).
  WITH taken AS (
    DELETE FROM document_invalidations
    WHERE seq = ANY (ARRAY(SELECT seq FROM document_invalidations ORDER BY seq LIMIT p_limit))
    RETURNING kind, id, cohort_year
  )
  SELECT array_agg(kind), array_agg(id), array_agg(cohort_year) INTO kinds, ids, cohorts FROM taken;
  PERFORM document_invalidations_mark(kinds, ids, cohorts);
  RETURN coalesce(cardinality(ids), 0);
END $$;
