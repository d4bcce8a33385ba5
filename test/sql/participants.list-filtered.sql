with "members" as (select "t"."id", "t"."created_at", GREATEST(t.updated_at, ((SELECT max(d) FROM (
      SELECT started_on AS d FROM training_periods WHERE teacher_id = t.id AND started_on <= $1::date
      UNION ALL SELECT finished_on FROM training_periods WHERE teacher_id = t.id AND finished_on <= $2::date
      UNION ALL SELECT finished_on FROM mentorships WHERE ect_teacher_id = t.id AND finished_on <= $3::date) AS dates)::timestamp AT TIME ZONE 'Europe/London')) as "updated_at", "ect"."cohort_year" as "ect_cohort", "ect"."training_status" as "ect_training_status", "mentor"."cohort_year" as "mentor_cohort", "mentor"."training_status" as "mentor_training_status" from "teachers" as "t" left join lateral (select "tp"."id", "tp"."cohort_year", CASE
    WHEN "tp"."withdrawn_at" IS NULL AND "tp"."deferred_at" IS NULL THEN 'active'
    WHEN "tp"."deferred_at" IS NULL OR "tp"."withdrawn_at" >= "tp"."deferred_at" THEN 'withdrawn'
    ELSE 'deferred' END as "training_status" from "training_periods" as "tp" where "tp"."teacher_id" = "t"."id" and "tp"."role" = $4 and "tp"."lead_provider_id" = $5 and "tp"."partnership_id" is not null order by tp.started_on DESC, tp.finished_on IS NOT DISTINCT FROM tp.started_on, tp.created_at DESC, tp.id DESC limit $6) as "ect" on true left join lateral (select "tp"."id", "tp"."cohort_year", CASE
    WHEN "tp"."withdrawn_at" IS NULL AND "tp"."deferred_at" IS NULL THEN 'active'
    WHEN "tp"."deferred_at" IS NULL OR "tp"."withdrawn_at" >= "tp"."deferred_at" THEN 'withdrawn'
    ELSE 'deferred' END as "training_status" from "training_periods" as "tp" where "tp"."teacher_id" = "t"."id" and "tp"."role" = $7 and "tp"."lead_provider_id" = $8 and "tp"."partnership_id" is not null order by tp.started_on DESC, tp.finished_on IS NOT DISTINCT FROM tp.started_on, tp.created_at DESC, tp.id DESC limit $9) as "mentor" on true where "t"."id" in (select "m"."teacher_id" from "training_periods" as "m" where "m"."lead_provider_id" = $10 and "m"."partnership_id" is not null)), "page" as (select * from "members" where ("ect_cohort" in ($11) or "mentor_cohort" in ($12)) and ("ect_training_status" = $13 or "mentor_training_status" = $14) order by members.updated_at desc, members.id asc limit $15 offset $16) select "page"."id", "t"."trn", "t"."first_name", "t"."last_name", "t"."induction_started_on", "t"."induction_completed_on", "t"."latest_induction_period_finished_on", "t"."mentor_ineligible_for_funding_on", "t"."mentor_ineligible_for_funding_reason", GREATEST(t.updated_at, ((SELECT max(d) FROM (
      SELECT started_on AS d FROM training_periods WHERE teacher_id = t.id AND started_on <= $17::date
      UNION ALL SELECT finished_on FROM training_periods WHERE teacher_id = t.id AND finished_on <= $18::date
      UNION ALL SELECT finished_on FROM mentorships WHERE ect_teacher_id = t.id AND finished_on <= $19::date) AS dates)::timestamp AT TIME ZONE 'Europe/London')) as "updated_at", (
  SELECT coalesce(json_agg(json_build_object(
  'role', tp.role,
  'training_record_id', CASE tp.role WHEN 'ect' THEN t.ect_training_record_id ELSE t.mentor_training_record_id END,
  'email', asp.email,
  'mentor_id', CASE tp.role WHEN 'ect' THEN (
    SELECT ms.mentor_teacher_id FROM mentorships ms
    WHERE ms.ect_period_id = tp.at_school_period_id AND (ms.finished_on IS NULL OR ms.finished_on > $20::date)
    ORDER BY ms.started_on LIMIT 1) END,
  'school_urn', s.urn,
  'working_pattern', CASE tp.role WHEN 'ect' THEN (
    SELECT latest.working_pattern FROM at_school_periods latest
    WHERE latest.teacher_id = t.id AND latest.role = 'ect' ORDER BY latest.started_on DESC LIMIT 1) END,
  'cohort', tp.cohort_year::text,
  'training_status', CASE
    WHEN "tp"."withdrawn_at" IS NULL AND "tp"."deferred_at" IS NULL THEN 'active'
    WHEN "tp"."deferred_at" IS NULL OR "tp"."withdrawn_at" >= "tp"."deferred_at" THEN 'withdrawn'
    ELSE 'deferred' END,
  'started_on', tp.started_on,
  'finished_on', tp.finished_on,
  'pupil_premium_uplift', c.uplift_fees_enabled AND s.pupil_premium_uplift,
  'sparsity_uplift', c.uplift_fees_enabled AND s.sparsity_uplift,
  'schedule_identifier', tp.schedule_identifier,
  'delivery_partner_id', p.delivery_partner_id,
  'withdrawal_reason', tp.withdrawal_reason,
  'withdrawn_at', to_char(tp.withdrawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
  'deferral_reason', tp.deferral_reason,
  'deferred_at', to_char(tp.deferred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
  'created_at', (
    SELECT to_char(first.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') FROM at_school_periods first
    WHERE first.teacher_id = t.id AND first.role = tp.role ORDER BY first.started_on, first.created_at LIMIT 1),
  'eligible_on', (CASE tp.role WHEN 'ect' THEN t.ect_eligible_for_funding_at ELSE t.mentor_eligible_for_funding_at END
    AT TIME ZONE 'Europe/London')::date,
  'ineligible_on', CASE tp.role WHEN 'ect' THEN t.ect_ineligible_for_funding_on ELSE t.mentor_ineligible_for_funding_on END,
  'payments_frozen', (CASE tp.role WHEN 'ect' THEN t.ect_payments_frozen_year ELSE t.mentor_payments_frozen_year END) IS NOT NULL
) ORDER BY tp.role), '[]')
  FROM training_periods tp
  JOIN at_school_periods asp ON asp.id = tp.at_school_period_id
  JOIN partnerships p ON p.id = tp.partnership_id
  JOIN schools s ON s.id = p.school_id
  JOIN cohorts c ON c.year = tp.cohort_year
  WHERE tp.id IN (ect.id, mentor.id)) as "enrolments", (
  SELECT coalesce(json_agg(json_build_object(
    'from_participant_id', ch.from_participant_id,
    'to_participant_id', ch.to_participant_id,
    'changed_at', to_char(ch.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) ORDER BY ch.changed_at, ch.id), '[]')
  FROM participant_id_changes ch WHERE ch.teacher_id = page.id) as "participant_id_changes" from "page" inner join "teachers" as "t" on "t"."id" = "page"."id" left join lateral (select "tp"."id", "tp"."cohort_year", CASE
    WHEN "tp"."withdrawn_at" IS NULL AND "tp"."deferred_at" IS NULL THEN 'active'
    WHEN "tp"."deferred_at" IS NULL OR "tp"."withdrawn_at" >= "tp"."deferred_at" THEN 'withdrawn'
    ELSE 'deferred' END as "training_status" from "training_periods" as "tp" where "tp"."teacher_id" = "t"."id" and "tp"."role" = $21 and "tp"."lead_provider_id" = $22 and "tp"."partnership_id" is not null order by tp.started_on DESC, tp.finished_on IS NOT DISTINCT FROM tp.started_on, tp.created_at DESC, tp.id DESC limit $23) as "ect" on true left join lateral (select "tp"."id", "tp"."cohort_year", CASE
    WHEN "tp"."withdrawn_at" IS NULL AND "tp"."deferred_at" IS NULL THEN 'active'
    WHEN "tp"."deferred_at" IS NULL OR "tp"."withdrawn_at" >= "tp"."deferred_at" THEN 'withdrawn'
    ELSE 'deferred' END as "training_status" from "training_periods" as "tp" where "tp"."teacher_id" = "t"."id" and "tp"."role" = $24 and "tp"."lead_provider_id" = $25 and "tp"."partnership_id" is not null order by tp.started_on DESC, tp.finished_on IS NOT DISTINCT FROM tp.started_on, tp.created_at DESC, tp.id DESC limit $26) as "mentor" on true order by page.updated_at desc, "page"."id";
