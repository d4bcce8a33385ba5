-- P-33: the EOI periods of the school, lead provider and cohort that are visible now are attached
-- to the partnership; they keep their dates and that they began as EOI. P-27 rule 2 and P-36: the
-- partnership's first attachment and stamp; R-14: the teachers. No statement runs when there is
-- none: an UPDATE of no row still runs its statement triggers. Returns the ids attached.
CREATE OR REPLACE FUNCTION partnership_take_eoi_periods(
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
