-- The writes of a partnership's creation as SQL functions (Q-4: POST /partnerships writes in one
-- statement, where it took six round trips from BEGIN to COMMIT), and P-33's attachment of
-- expression-of-interest training, which every way a partnership is created runs (P-32).
--
-- P-33 against P-5 under concurrency: a school action takes its school's cohort stamp (P-37)
-- before it looks for the partnership its new provider-led training attaches to
-- (partnership-for-new-training.ts), and a partnership's creation takes the same row before it
-- writes its own and looks for EOI periods. Whichever comes second waits for the first to commit
-- and then sees it: the school action finds the partnership, or the creation finds the new EOI
-- period. Neither misses the other.

-- Before a partnership's row is written: the teachers of the EOI periods it will take are locked
-- (R-14: their stamps move), then the school's cohort stamp (P-37). Q-11: the order of the
-- school actions, which lock their teacher first, so the two never wait on each other in a cycle.
CREATE FUNCTION partnership_before_create(
  p_school uuid, p_lead_provider uuid, p_cohort integer, p_now timestamptz
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  eoi_teachers uuid[];
BEGIN
  SELECT array_agg(teacher_id) INTO eoi_teachers FROM training_periods
  WHERE school_id = p_school AND lead_provider_id = p_lead_provider AND cohort_year = p_cohort
    AND training_programme = 'provider_led' AND partnership_id IS NULL;
  -- No statement when there is nothing to lock: an UPDATE of no row still runs its statement triggers.
  IF eoi_teachers IS NOT NULL THEN
    UPDATE teachers SET updated_at = p_now WHERE id = ANY (eoi_teachers);
  END IF;
  INSERT INTO school_cohort_stamps (school_id, cohort_year, updated_at) VALUES (p_school, p_cohort, p_now)
  ON CONFLICT (school_id, cohort_year) DO UPDATE SET updated_at = excluded.updated_at;
END $$;

-- P-33, after partnership_before_create and the row: every EOI period of the school, lead
-- provider and cohort, whatever its dates, is attached; it keeps them and that it began as EOI.
-- P-27 rule 2 and P-36: the partnership's first attachment and stamp; R-14: the teachers. The
-- stamp taken before means no EOI period can be added meanwhile, so a read decides whether there
-- is anything to update. Returns the ids of the periods attached.
CREATE FUNCTION partnership_attach_eoi_training(
  p_partnership uuid, p_school uuid, p_lead_provider uuid, p_cohort integer, p_now timestamptz
) RETURNS uuid[] LANGUAGE plpgsql AS $$
DECLARE
  attached_ids uuid[];
  attached_teachers uuid[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM training_periods
    WHERE school_id = p_school AND lead_provider_id = p_lead_provider AND cohort_year = p_cohort
      AND training_programme = 'provider_led' AND partnership_id IS NULL) THEN
    RETURN '{}';
  END IF;
  WITH attached AS (
    UPDATE training_periods SET partnership_id = p_partnership, began_as_eoi = true, updated_at = p_now
    WHERE school_id = p_school AND lead_provider_id = p_lead_provider AND cohort_year = p_cohort
      AND training_programme = 'provider_led' AND partnership_id IS NULL
    RETURNING id, teacher_id
  )
  SELECT array_agg(id), array_agg(teacher_id) INTO attached_ids, attached_teachers FROM attached;
  UPDATE partnerships SET first_attached_at = COALESCE(first_attached_at, p_now), updated_at = p_now
  WHERE id = p_partnership;
  UPDATE teachers SET updated_at = p_now WHERE id = ANY (attached_teachers);
  RETURN attached_ids;
END $$;

-- P-52 … P-53 after the checks, as one statement: the locks, the partnership row (every column,
-- as jsonb), its event (C-81; null when the transaction holds its events), P-33. A concurrent
-- creation that won P-6 makes the insert fail on its constraint, which undoes the whole
-- statement: a refused creation moves no stamp.
CREATE FUNCTION partnership_create(p_row jsonb, p_event jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  created partnerships;
BEGIN
  created := jsonb_populate_record(NULL::partnerships, p_row);
  PERFORM partnership_before_create(created.school_id, created.lead_provider_id, created.cohort_year, created.created_at);
  INSERT INTO partnerships SELECT (created).*;
  IF p_event IS NOT NULL THEN
    INSERT INTO events (occurred_at, author, lead_provider_id, action, subject_type, subject_id, data)
    SELECT occurred_at, author, lead_provider_id, action, subject_type, subject_id, data
    FROM jsonb_populate_record(NULL::events, p_event);
  END IF;
  PERFORM partnership_attach_eoi_training(created.id, created.school_id, created.lead_provider_id, created.cohort_year, created.created_at);
END $$;
