-- The writes of a partnership's creation as SQL functions (Q-4: POST /partnerships writes in one
-- statement, where it took six round trips from BEGIN to COMMIT), and P-33's attachment of
-- expression-of-interest training, which every way a partnership is created runs (P-32).
--
-- P-33 against P-5 under concurrency: both a partnership's creation and a school action that adds
-- an EOI period take the school's cohort stamp (P-37) last, and each looks for the other after
-- it: the creation for EOI periods (partnership_attach_eoi_training), the school action for the
-- partnership (Touched.bump, attach-eoi-training.ts). Whichever takes the stamp second waits for
-- the first to commit and then sees it, so neither misses the other.

-- P-33: the EOI periods of the school, lead provider and cohort that are visible now are attached
-- to the partnership; they keep their dates and that they began as EOI. P-27 rule 2 and P-36: the
-- partnership's first attachment and stamp; R-14: the teachers. No statement runs when there is
-- none: an UPDATE of no row still runs its statement triggers. Returns the ids attached.
CREATE FUNCTION partnership_take_eoi_periods(
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
  IF attached_ids IS NULL THEN
    RETURN '{}';
  END IF;
  UPDATE partnerships SET first_attached_at = COALESCE(first_attached_at, p_now), updated_at = p_now
  WHERE id = p_partnership;
  UPDATE teachers SET updated_at = p_now WHERE id = ANY (attached_teachers);
  RETURN attached_ids;
END $$;

-- After the partnership's row: P-33, then P-37's stamp, then P-33 once more for an EOI period
-- committed meanwhile (see the top of this file). Q-11: the teachers of the EOI periods are locked
-- first, the order of the school actions (teacher, then periods, then the stamp), so the two never
-- wait on each other in a cycle. Returns the ids of the periods attached.
CREATE FUNCTION partnership_attach_eoi_training(
  p_partnership uuid, p_school uuid, p_lead_provider uuid, p_cohort integer, p_now timestamptz
) RETURNS uuid[] LANGUAGE plpgsql AS $$
DECLARE
  eoi_teachers uuid[];
  attached uuid[];
BEGIN
  SELECT array_agg(teacher_id) INTO eoi_teachers FROM training_periods
  WHERE school_id = p_school AND lead_provider_id = p_lead_provider AND cohort_year = p_cohort
    AND training_programme = 'provider_led' AND partnership_id IS NULL;
  IF eoi_teachers IS NOT NULL THEN
    UPDATE teachers SET updated_at = p_now WHERE id = ANY (eoi_teachers);
  END IF;
  attached := partnership_take_eoi_periods(p_partnership, p_school, p_lead_provider, p_cohort, p_now);
  INSERT INTO school_cohort_stamps (school_id, cohort_year, updated_at) VALUES (p_school, p_cohort, p_now)
  ON CONFLICT (school_id, cohort_year) DO UPDATE SET updated_at = excluded.updated_at;
  RETURN attached || partnership_take_eoi_periods(p_partnership, p_school, p_lead_provider, p_cohort, p_now);
END $$;

-- P-52 … P-53 after the checks, as one statement: the partnership row (every column, as jsonb),
-- its event (C-81; null when the transaction holds its events), P-33 and P-37. A concurrent
-- creation that won P-6 makes the insert fail on its constraint, which undoes the whole
-- statement.
CREATE FUNCTION partnership_create(p_row jsonb, p_event jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  created partnerships;
BEGIN
  created := jsonb_populate_record(NULL::partnerships, p_row);
  INSERT INTO partnerships SELECT (created).*;
  IF p_event IS NOT NULL THEN
    INSERT INTO events (occurred_at, author, lead_provider_id, action, subject_type, subject_id, data)
    SELECT occurred_at, author, lead_provider_id, action, subject_type, subject_id, data
    FROM jsonb_populate_record(NULL::events, p_event);
  END IF;
  PERFORM partnership_attach_eoi_training(created.id, created.school_id, created.lead_provider_id, created.cohort_year, created.created_at);
END $$;
