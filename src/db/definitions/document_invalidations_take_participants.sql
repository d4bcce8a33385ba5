-- Q-4 under writes: the participant keys of the invalidation log (0016) a command read and locked
-- before deriving their documents (src/read-models/write-through.ts), taken just before it
-- commits: the keys p_seqs are deleted and their documents locked in key order and marked
-- (document_invalidations_mark, which adds the member rows they call for). The command then
-- stores its derivations over the documents it marked itself at the versions it expects (one
-- more than it read; 0 for a row it added), and commits: a document marked or added by anyone
-- since it was read was written by a transaction the derivation may not have seen, and stays
-- stale for the warm-up. Each is locked by the command until it ends, so whoever marks one of them
-- next waits for its build.
CREATE OR REPLACE FUNCTION document_invalidations_take_participants(p_seqs bigint[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  kinds text[];
  ids uuid[];
  cohorts integer[];
BEGIN
  WITH taken AS (
    DELETE FROM document_invalidations i WHERE i.seq = ANY (p_seqs)
    RETURNING i.kind, i.id, i.cohort_year
  )
  SELECT array_agg(t.kind), array_agg(t.id), array_agg(t.cohort_year) INTO kinds, ids, cohorts FROM taken t;
  PERFORM document_invalidations_mark(kinds, ids, cohorts);
  RETURN coalesce(cardinality(ids), 0);
END $$;
