
      SELECT z.bytes, z.digest, z.piece AS piece FROM (
        SELECT p.piece, p.g, min(p.g) OVER () AS first, max(p.g) OVER () AS last, bool_and(p.fresh) OVER () AS good,
          (sum(octet_length(p.piece)) OVER () + count(*) OVER () - 1 + 0)::int8 AS bytes, md5(string_agg(p.stamps, ',') OVER (ORDER BY p.g ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) AS digest
        FROM (SELECT string_agg(x.body, ',' ORDER BY x.n) AS piece, bool_and(x.fresh) AS fresh, (x.n - 1) / 40 AS g, string_agg(x.stamp, ',' ORDER BY x.n) AS stamps
          FROM (SELECT cut.*, row_number() OVER (ORDER BY cut.sort_0 asc, cut.sort_tie asc) AS n FROM ((select d.body as "body", (d.valid_from <= $1::date AND d.valid_until > $2::date
    AND (NOT EXISTS (SELECT 1 FROM document_invalidations WHERE kind = $3)
      OR NOT EXISTS (SELECT 1 FROM document_invalidations i WHERE i.kind = $4 AND i.id = d.teacher_id OFFSET 0))) as "fresh", d.teacher_id::text || ':' || d.xmin::text as "stamp", d.created_at as "sort_0", d.teacher_id as "sort_tie" from "participant_documents" as "d" where "d"."lead_provider_id" = $5 and NOT EXISTS (
    SELECT 1 FROM document_invalidations i JOIN training_periods tp ON tp.teacher_id = i.id
    WHERE i.kind = 'participant' AND i.member AND tp.lead_provider_id = $6 AND tp.partnership_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM participant_documents m WHERE m.lead_provider_id = $7 AND m.teacher_id = i.id)) order by d.created_at asc, d.teacher_id asc limit $8 offset $9)) cut) x GROUP BY (x.n - 1) / 40) p) z
      WHERE z.good ORDER BY z.g;

SELECT NOT EXISTS (
    SELECT 1 FROM document_invalidations i JOIN training_periods tp ON tp.teacher_id = i.id
    WHERE i.kind = 'participant' AND i.member AND tp.lead_provider_id = $1 AND tp.partnership_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM participant_documents m WHERE m.lead_provider_id = $2 AND m.teacher_id = i.id)) AND NOT EXISTS ((select 1 as "one" from "participant_documents" as "d" where "d"."lead_provider_id" = $3 order by d.created_at asc, d.teacher_id asc limit $4 offset $5)) AS empty;


    SELECT w.key, w.valid_from <= $1::date AND w.valid_until > $2::date AS built,
      EXISTS (SELECT 1 FROM document_invalidations i WHERE i.kind = $3 AND i.id = w.key OFFSET 0) AS logged,
      EXISTS (
    SELECT 1 FROM document_invalidations i JOIN training_periods tp ON tp.teacher_id = i.id
    WHERE i.kind = 'participant' AND i.member AND tp.lead_provider_id = $4 AND tp.partnership_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM participant_documents m WHERE m.lead_provider_id = $5 AND m.teacher_id = i.id)) AS members
    FROM (SELECT cut.*, row_number() OVER (ORDER BY cut.sort_0 asc, cut.sort_tie asc) AS n FROM ((select d.teacher_id as "key", "d"."valid_from", "d"."valid_until", d.created_at as "sort_0", d.teacher_id as "sort_tie" from "participant_documents" as "d" where "d"."lead_provider_id" = $6 order by d.created_at asc, d.teacher_id asc limit $7 offset $8)) cut) w;

SELECT document_invalidations_consume_keys($1, $2::uuid[]) AS n;

select "teacher_id", "version", valid_from <= $1::date AND valid_until > $2::date as "built" from "participant_documents" where "lead_provider_id" = $3 and "teacher_id" = ANY($4::uuid[]);

with "members" as (select "t"."id", "t"."created_at" from "teachers" as "t" where "t"."id" in (select "m"."teacher_id" from "training_periods" as "m" where "m"."lead_provider_id" = $1 and "m"."partnership_id" is not null) and t.id = ANY($2::uuid[])), "page" as (select * from "members" order by members.created_at asc, members.id asc limit $3 offset $4) select "page"."id", "t"."trn", "t"."first_name", "t"."last_name", "t"."induction_started_on", "t"."induction_completed_on", "t"."latest_induction_period_finished_on", "t"."mentor_ineligible_for_funding_on", "t"."mentor_ineligible_for_funding_reason", GREATEST(t.updated_at, ((SELECT max(d) FROM (
      SELECT started_on AS d FROM training_periods WHERE teacher_id = t.id AND started_on <= $5::date
      UNION ALL SELECT finished_on FROM training_periods WHERE teacher_id = t.id AND finished_on <= $6::date
      UNION ALL SELECT finished_on FROM mentorships WHERE ect_teacher_id = t.id AND finished_on <= $7::date) AS dates)::timestamp AT TIME ZONE 'Europe/London')) as "updated_at", (
  SELECT coalesce(json_agg(json_build_object(
  'role', tp.role,
  'training_record_id', CASE tp.role WHEN 'ect' THEN t.ect_training_record_id ELSE t.mentor_training_record_id END,
  'email', asp.email,
  'mentor_id', CASE tp.role WHEN 'ect' THEN (
    SELECT ms.mentor_teacher_id FROM mentorships ms
    WHERE ms.ect_period_id = tp.at_school_period_id AND (ms.finished_on IS NULL OR ms.finished_on > $8::date)
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
    ELSE 'deferred' END as "training_status" from "training_periods" as "tp" where "tp"."teacher_id" = "t"."id" and "tp"."role" = $9 and "tp"."lead_provider_id" = $10 and "tp"."partnership_id" is not null order by tp.started_on DESC, tp.finished_on IS NOT DISTINCT FROM tp.started_on, tp.created_at DESC, tp.id DESC limit $11) as "ect" on true left join lateral (select "tp"."id", "tp"."cohort_year", CASE
    WHEN "tp"."withdrawn_at" IS NULL AND "tp"."deferred_at" IS NULL THEN 'active'
    WHEN "tp"."deferred_at" IS NULL OR "tp"."withdrawn_at" >= "tp"."deferred_at" THEN 'withdrawn'
    ELSE 'deferred' END as "training_status" from "training_periods" as "tp" where "tp"."teacher_id" = "t"."id" and "tp"."role" = $12 and "tp"."lead_provider_id" = $13 and "tp"."partnership_id" is not null order by tp.started_on DESC, tp.finished_on IS NOT DISTINCT FROM tp.started_on, tp.created_at DESC, tp.id DESC limit $14) as "mentor" on true order by "page"."created_at" asc, "page"."id";


    WITH feed AS (
      -- T-6 implies R-32: only teachers in the caller's feed can have a transfer it sees (a
      -- period's lead_provider_id is its partnership's, training_periods_r10_partnership_matches);
      -- T-2: only those with a finished at-school period have a candidate.
      SELECT t.id, t.created_at
      FROM teachers t
      -- IS TRUE keeps both tests filters (hashed sets, or index probes for one teacher) rather than
      -- semi-joins, so the feed is walked in teachers_by_created_at order and stops when the page is full.
      WHERE (EXISTS (SELECT 1 FROM at_school_periods f WHERE f.teacher_id = t.id AND f.finished_on IS NOT NULL)) IS TRUE
        AND (EXISTS (
          SELECT 1 FROM training_periods tp
          WHERE tp.lead_provider_id = $1 AND tp.partnership_id IS NOT NULL AND tp.teacher_id = t.id)) IS TRUE
        
        AND t.id = ANY($2::uuid[])
        
    ),
    paged AS (
      -- T-23, T-25: the page's teachers, each with at least one transfer the caller sees.
      
      SELECT f.id, f.created_at, NULL::timestamptz AS updated_at
      FROM feed f
      WHERE (SELECT bool_or(tr.visible) FROM (
    SELECT
      c.role, c.started_on AS pi_started_on,
      CASE c.role WHEN 'ect' THEN t.ect_training_record_id ELSE t.mentor_training_record_id END AS training_record_id,
      CASE
        WHEN n.id IS NULL THEN 'unknown'
        WHEN l.provider IS NOT NULL AND l.provider = j.provider THEN 'new_school'
        ELSE 'new_provider'
      END AS transfer_type,
      CASE WHEN c.finished_on > $3::date OR n.started_on > $4::date THEN 'incomplete' ELSE 'complete' END AS status,
      COALESCE(c.leaving_recorded_at, c.updated_at) AS created_at,
      ls.urn AS leaving_urn, l.provider AS leaving_provider, c.finished_on AS leaving_date,
      ns.urn AS joining_urn, j.provider AS joining_provider, n.started_on AS joining_date,
      (l.confirmed_with = $5 OR j.confirmed_with = $6) IS TRUE AS visible,
      GREATEST(
        c.updated_at, n.updated_at, l.updated_at, j.updated_at,
        (GREATEST(CASE WHEN c.finished_on <= $7::date THEN c.finished_on END, CASE WHEN n.started_on <= $8::date THEN n.started_on END)::timestamp AT TIME ZONE 'Europe/London')
      ) AS stamp
    FROM (
      SELECT sp.*, lead(sp.id) OVER (PARTITION BY sp.role ORDER BY sp.started_on) AS next_id
      FROM at_school_periods sp
      WHERE sp.teacher_id = f.id
    ) c
    JOIN teachers t ON t.id = c.teacher_id
    JOIN schools ls ON ls.id = c.school_id
    LEFT JOIN at_school_periods n ON n.id = c.next_id
    LEFT JOIN schools ns ON ns.id = n.school_id
    LEFT JOIN LATERAL (
    SELECT tp.updated_at, p.lead_provider_id AS confirmed_with, lp.name AS provider
    FROM training_periods tp
    LEFT JOIN partnerships p ON p.id = tp.partnership_id
    LEFT JOIN lead_providers lp ON lp.id = COALESCE(p.lead_provider_id, tp.lead_provider_id)
    WHERE tp.at_school_period_id = c.id
      AND (tp.finished_on IS NULL OR tp.finished_on > tp.started_on)
    ORDER BY tp.started_on DESC, tp.created_at DESC
    LIMIT 1) l ON true
    LEFT JOIN LATERAL (
    SELECT tp.updated_at, p.lead_provider_id AS confirmed_with, lp.name AS provider
    FROM training_periods tp
    LEFT JOIN partnerships p ON p.id = tp.partnership_id
    LEFT JOIN lead_providers lp ON lp.id = COALESCE(p.lead_provider_id, tp.lead_provider_id)
    WHERE tp.at_school_period_id = n.id
      AND (tp.finished_on IS NULL OR tp.finished_on > tp.started_on)
    ORDER BY tp.started_on ASC, tp.created_at ASC
    LIMIT 1) j ON true
    WHERE c.finished_on IS NOT NULL
      AND (n.id IS NULL OR n.school_id <> c.school_id)                              -- T-3 rule 1
      AND NOT (c.role = 'ect' AND n.id IS NULL AND t.induction_completed_on IS NOT NULL) -- T-3 rule 2
  ) tr)
      ORDER BY f.created_at ASC, f.id
      
    )
    -- The JSON only for the page (T-1): the caller's transfers and the T-21 stamp over all of them.
    SELECT p.id, r.transfers, r.updated_at
    FROM paged p
    CROSS JOIN LATERAL (
      SELECT
        json_agg(json_build_object(
          'training_record_id', tr.training_record_id,
          'transfer_type', tr.transfer_type,
          'status', tr.status,
          'created_at', to_char(tr.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
          'leaving', json_build_object('school_urn', tr.leaving_urn, 'provider', tr.leaving_provider, 'date', tr.leaving_date),
          'joining', CASE WHEN tr.joining_urn IS NULL THEN NULL
                     ELSE json_build_object('school_urn', tr.joining_urn, 'provider', tr.joining_provider, 'date', tr.joining_date) END
        ) ORDER BY tr.pi_started_on, tr.role) FILTER (WHERE tr.visible) AS transfers,
        max(tr.stamp) AS updated_at
      FROM (
    SELECT
      c.role, c.started_on AS pi_started_on,
      CASE c.role WHEN 'ect' THEN t.ect_training_record_id ELSE t.mentor_training_record_id END AS training_record_id,
      CASE
        WHEN n.id IS NULL THEN 'unknown'
        WHEN l.provider IS NOT NULL AND l.provider = j.provider THEN 'new_school'
        ELSE 'new_provider'
      END AS transfer_type,
      CASE WHEN c.finished_on > $9::date OR n.started_on > $10::date THEN 'incomplete' ELSE 'complete' END AS status,
      COALESCE(c.leaving_recorded_at, c.updated_at) AS created_at,
      ls.urn AS leaving_urn, l.provider AS leaving_provider, c.finished_on AS leaving_date,
      ns.urn AS joining_urn, j.provider AS joining_provider, n.started_on AS joining_date,
      (l.confirmed_with = $11 OR j.confirmed_with = $12) IS TRUE AS visible,
      GREATEST(
        c.updated_at, n.updated_at, l.updated_at, j.updated_at,
        (GREATEST(CASE WHEN c.finished_on <= $13::date THEN c.finished_on END, CASE WHEN n.started_on <= $14::date THEN n.started_on END)::timestamp AT TIME ZONE 'Europe/London')
      ) AS stamp
    FROM (
      SELECT sp.*, lead(sp.id) OVER (PARTITION BY sp.role ORDER BY sp.started_on) AS next_id
      FROM at_school_periods sp
      WHERE sp.teacher_id = p.id
    ) c
    JOIN teachers t ON t.id = c.teacher_id
    JOIN schools ls ON ls.id = c.school_id
    LEFT JOIN at_school_periods n ON n.id = c.next_id
    LEFT JOIN schools ns ON ns.id = n.school_id
    LEFT JOIN LATERAL (
    SELECT tp.updated_at, p.lead_provider_id AS confirmed_with, lp.name AS provider
    FROM training_periods tp
    LEFT JOIN partnerships p ON p.id = tp.partnership_id
    LEFT JOIN lead_providers lp ON lp.id = COALESCE(p.lead_provider_id, tp.lead_provider_id)
    WHERE tp.at_school_period_id = c.id
      AND (tp.finished_on IS NULL OR tp.finished_on > tp.started_on)
    ORDER BY tp.started_on DESC, tp.created_at DESC
    LIMIT 1) l ON true
    LEFT JOIN LATERAL (
    SELECT tp.updated_at, p.lead_provider_id AS confirmed_with, lp.name AS provider
    FROM training_periods tp
    LEFT JOIN partnerships p ON p.id = tp.partnership_id
    LEFT JOIN lead_providers lp ON lp.id = COALESCE(p.lead_provider_id, tp.lead_provider_id)
    WHERE tp.at_school_period_id = n.id
      AND (tp.finished_on IS NULL OR tp.finished_on > tp.started_on)
    ORDER BY tp.started_on ASC, tp.created_at ASC
    LIMIT 1) j ON true
    WHERE c.finished_on IS NOT NULL
      AND (n.id IS NULL OR n.school_id <> c.school_id)                              -- T-3 rule 1
      AND NOT (c.role = 'ect' AND n.id IS NULL AND t.induction_completed_on IS NOT NULL) -- T-3 rule 2
  ) tr
    ) r
    ORDER BY p.created_at ASC, p.id
  ;


    SELECT t.id,
      coalesce(max(dates.d) FILTER (WHERE dates.d <= $1::date), '-infinity'::date) AS valid_from,
      coalesce(min(dates.d) FILTER (WHERE dates.d > $2::date), 'infinity'::date) AS valid_until
    FROM teachers t CROSS JOIN LATERAL (
      SELECT d FROM (
      SELECT started_on AS d FROM training_periods WHERE teacher_id = t.id AND true
      UNION ALL SELECT finished_on FROM training_periods WHERE teacher_id = t.id AND true
      UNION ALL SELECT finished_on FROM mentorships WHERE ect_teacher_id = t.id AND true) AS r38
      -- T-8, T-21: the transfers kept beside the document change on at-school period dates.
      UNION ALL SELECT started_on FROM at_school_periods WHERE teacher_id = t.id
      UNION ALL SELECT finished_on FROM at_school_periods WHERE teacher_id = t.id) AS dates
    WHERE t.id = ANY($3::uuid[])
    GROUP BY t.id;


    WITH v AS (SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::timestamptz[], $5::date[], $6::date[], $7::text[], $8::integer[], $9::text[], $10::integer[], $11::text[], $12::text[], $13::timestamptz[])
      AS v(teacher_id, version, body, updated_at, valid_from, valid_until, from_participant_ids, ect_cohort, ect_training_status, mentor_cohort, mentor_training_status, transfers_body, transfers_updated_at)),
    mine AS (
      SELECT v.* FROM participant_documents d JOIN v ON v.teacher_id = d.teacher_id
      WHERE d.lead_provider_id = $14 AND d.version = v.version
      FOR UPDATE OF d SKIP LOCKED)
    UPDATE participant_documents d SET
      body = v.body,
      updated_at = v.updated_at,
      valid_from = v.valid_from,
      valid_until = v.valid_until,
      from_participant_ids = v.from_participant_ids::uuid[],
      ect_cohort = v.ect_cohort,
      ect_training_status = v.ect_training_status,
      mentor_cohort = v.mentor_cohort,
      mentor_training_status = v.mentor_training_status,
      transfers_body = v.transfers_body,
      transfers_updated_at = v.transfers_updated_at
    FROM mine v
    WHERE d.lead_provider_id = $15 AND d.teacher_id = v.teacher_id AND d.version = v.version;


      SELECT z.bytes, z.piece AS piece FROM (
        SELECT p.piece, p.g, min(p.g) OVER () AS first, max(p.g) OVER () AS last, bool_and(p.fresh) OVER () AS good,
          (sum(octet_length(p.piece)) OVER () + count(*) OVER () - 1 + 0)::int8 AS bytes
        FROM (SELECT string_agg(x.body, ',' ORDER BY x.n) AS piece, bool_and(x.fresh) AS fresh, (x.n - 1) / 40 AS g
          FROM (SELECT cut.*, row_number() OVER (ORDER BY cut.sort_0 asc, cut.sort_tie asc) AS n FROM ((select d.body as "body", (d.valid_from <= $1::date AND d.valid_until > $2::date
    AND (NOT EXISTS (SELECT 1 FROM document_invalidations WHERE kind = $3)
      OR NOT EXISTS (SELECT 1 FROM document_invalidations i WHERE i.kind = $4 AND i.id = d.teacher_id OFFSET 0))) as "fresh", d.created_at as "sort_0", d.teacher_id as "sort_tie" from "participant_documents" as "d" where "d"."lead_provider_id" = $5 and NOT EXISTS (
    SELECT 1 FROM document_invalidations i JOIN training_periods tp ON tp.teacher_id = i.id
    WHERE i.kind = 'participant' AND i.member AND tp.lead_provider_id = $6 AND tp.partnership_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM participant_documents m WHERE m.lead_provider_id = $7 AND m.teacher_id = i.id)) order by d.created_at asc, d.teacher_id asc limit $8 offset $9)) cut) x GROUP BY (x.n - 1) / 40) p) z
      WHERE z.good ORDER BY z.g;
