-- The writes of a partnership's creation as SQL functions (Q-4: POST /partnerships writes in one
-- statement, where it took six round trips from BEGIN to COMMIT), and P-33's attachment of
-- expression-of-interest training, which every command that creates a partnership runs.

-- P-33: a new partnership takes every EOI period of its school, lead provider and cohort, whatever
-- their dates; the periods keep them and that they began as EOI. P-27 rule 2 and P-36: the
-- partnership's first attachment and stamp; R-14: the teachers; P-37: the school's cohort stamp.
-- Q-11: the teachers' rows are locked before their periods', the order of the school actions, so
-- the two never wait on each other in a cycle. With no EOI period found, nothing is locked or
-- written. Returns the ids of the periods attached.
CREATE FUNCTION partnership_attach_eoi_training(
  p_partnership uuid, p_school uuid, p_lead_provider uuid, p_cohort integer, p_now timestamptz
) RETURNS uuid[] LANGUAGE plpgsql AS $$
DECLARE
  eoi_teachers uuid[];
  attached_ids uuid[];
  attached_teachers uuid[];
BEGIN
  SELECT array_agg(teacher_id) INTO eoi_teachers FROM training_periods
  WHERE school_id = p_school AND lead_provider_id = p_lead_provider AND cohort_year = p_cohort
    AND training_programme = 'provider_led' AND partnership_id IS NULL;
  IF eoi_teachers IS NULL THEN
    RETURN '{}';
  END IF;
  UPDATE teachers SET updated_at = p_now WHERE id = ANY (eoi_teachers);
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
  INSERT INTO school_cohort_stamps (school_id, cohort_year, updated_at) VALUES (p_school, p_cohort, p_now)
  ON CONFLICT (school_id, cohort_year) DO UPDATE SET updated_at = excluded.updated_at;
  RETURN attached_ids;
END $$;

-- P-52 … P-53 after the checks: the partnership row (every column, as jsonb) unless a P-6
-- constraint already holds such a row (a concurrent creation won: false, nothing written); its
-- event (C-81), unless null because the transaction holds its events; P-33; and P-37, the school's
-- cohort stamp, after the teachers' rows as the school actions take them (Q-11).
CREATE FUNCTION partnership_create(p_row jsonb, p_event jsonb) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  created partnerships;
BEGIN
  INSERT INTO partnerships SELECT * FROM jsonb_populate_record(NULL::partnerships, p_row)
  ON CONFLICT DO NOTHING
  RETURNING * INTO created;
  IF created.id IS NULL THEN
    RETURN false;
  END IF;
  IF p_event IS NOT NULL THEN
    INSERT INTO events (occurred_at, author, lead_provider_id, action, subject_type, subject_id, data)
    SELECT occurred_at, author, lead_provider_id, action, subject_type, subject_id, data
    FROM jsonb_populate_record(NULL::events, p_event);
  END IF;
  PERFORM partnership_attach_eoi_training(created.id, created.school_id, created.lead_provider_id, created.cohort_year, created.updated_at);
  INSERT INTO school_cohort_stamps (school_id, cohort_year, updated_at)
  VALUES (created.school_id, created.cohort_year, created.updated_at)
  ON CONFLICT (school_id, cohort_year) DO UPDATE SET updated_at = excluded.updated_at;
  RETURN true;
END $$;
