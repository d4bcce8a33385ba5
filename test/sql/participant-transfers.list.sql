
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
      CASE WHEN c.finished_on > $2::date OR n.started_on > $3::date THEN 'incomplete' ELSE 'complete' END AS status,
      COALESCE(c.leaving_recorded_at, c.updated_at) AS created_at,
      ls.urn AS leaving_urn, l.provider AS leaving_provider, c.finished_on AS leaving_date,
      ns.urn AS joining_urn, j.provider AS joining_provider, n.started_on AS joining_date,
      (l.confirmed_with = $4 OR j.confirmed_with = $5) IS TRUE AS visible,
      GREATEST(
        c.updated_at, n.updated_at, l.updated_at, j.updated_at,
        (GREATEST(CASE WHEN c.finished_on <= $6::date THEN c.finished_on END, CASE WHEN n.started_on <= $7::date THEN n.started_on END)::timestamp AT TIME ZONE 'Europe/London')
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
      LIMIT $8 OFFSET $9
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
      CASE WHEN c.finished_on > $10::date OR n.started_on > $11::date THEN 'incomplete' ELSE 'complete' END AS status,
      COALESCE(c.leaving_recorded_at, c.updated_at) AS created_at,
      ls.urn AS leaving_urn, l.provider AS leaving_provider, c.finished_on AS leaving_date,
      ns.urn AS joining_urn, j.provider AS joining_provider, n.started_on AS joining_date,
      (l.confirmed_with = $12 OR j.confirmed_with = $13) IS TRUE AS visible,
      GREATEST(
        c.updated_at, n.updated_at, l.updated_at, j.updated_at,
        (GREATEST(CASE WHEN c.finished_on <= $14::date THEN c.finished_on END, CASE WHEN n.started_on <= $15::date THEN n.started_on END)::timestamp AT TIME ZONE 'Europe/London')
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
