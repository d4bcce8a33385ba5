-- After the partnership's row: P-33, then P-37's stamp, then P-33 once more for an EOI period
-- committed meanwhile. P-33 against P-5 under concurrency: both a partnership's creation and a
-- school action that adds an EOI period take the school's cohort stamp (P-37) last, and each looks
-- for the other after it: the creation for EOI periods (here), the school action for the partnership
-- (attach-eoi-training.ts); whichever takes the stamp second waits for the first to commit and then
-- sees it. Q-11: the teachers of the EOI periods are locked first, the order of the school actions
-- (teacher, then periods, then the stamp), so the two never wait on each other in a cycle. With no
-- EOI period found, nothing is locked before the stamp. Returns the ids of the periods attached.
CREATE OR REPLACE FUNCTION partnership_attach_eoi_training(
  p_partnership uuid, p_school uuid, p_lead_provider uuid, p_cohort integer, p_now timestamptz
) RETURNS uuid[] LANGUAGE plpgsql AS $$
DECLARE
  eoi_teachers uuid[];
  attached uuid[];
BEGIN
  SELECT array_agg(teacher_id) INTO eoi_teachers FROM training_periods
  WHERE school_id = p_school AND lead_provider_id = p_lead_provider AND cohort_year = p_cohort
    AND training_programme = 'provider_led' AND partnership_id IS NULL;
  -- None found: nothing to lock or take before the stamp.
  attached := '{}';
  IF eoi_teachers IS NOT NULL THEN
    UPDATE teachers SET updated_at = p_now WHERE id = ANY (eoi_teachers);
    attached := partnership_take_eoi_periods(p_partnership, p_school, p_lead_provider, p_cohort, p_now);
  END IF;
  INSERT INTO school_cohort_stamps (school_id, cohort_year, updated_at) VALUES (p_school, p_cohort, p_now)
  ON CONFLICT (school_id, cohort_year) DO UPDATE SET updated_at = excluded.updated_at;
  RETURN attached || partnership_take_eoi_periods(p_partnership, p_school, p_lead_provider, p_cohort, p_now);
END $$;
