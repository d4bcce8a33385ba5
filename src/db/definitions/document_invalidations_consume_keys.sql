-- Q-4 during a rebuild: the log's keys for one page's documents consumed (Feed.pageScoped), the
-- rest left to the warm-up: the keys of p_kind among p_ids are deleted and their documents marked
-- (document_invalidations_mark). Waits for the advisory lock document_invalidations_consume tries,
-- so it never marks documents beside another consumer; returns how many keys it took.
CREATE OR REPLACE FUNCTION document_invalidations_consume_keys(p_kind text, p_ids uuid[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  kinds text[];
  ids uuid[];
  cohorts integer[];
BEGIN
  PERFORM pg_advisory_xact_lock(7146334216);
  WITH taken AS (
    DELETE FROM document_invalidations WHERE kind = p_kind AND id = ANY(p_ids)
    RETURNING kind, id, cohort_year
  )
  SELECT array_agg(kind), array_agg(id), array_agg(cohort_year) INTO kinds, ids, cohorts FROM taken;
  PERFORM document_invalidations_mark(kinds, ids, cohorts);
  RETURN coalesce(cardinality(ids), 0);
END $$;
