
    WITH enrolments AS (
      SELECT DISTINCT ON (tp.teacher_id) tp.teacher_id, tp.at_school_period_id
      FROM training_periods tp
      WHERE tp.role = 'ect' AND tp.lead_provider_id = $1 AND tp.partnership_id IS NOT NULL
      ORDER BY tp.teacher_id, tp.started_on DESC, tp.finished_on IS NOT DISTINCT FROM tp.started_on, tp.created_at DESC, tp.id DESC
    ),
    links AS (
      SELECT m.mentor_teacher_id, m.mentor_period_id
      FROM enrolments e
      CROSS JOIN LATERAL (
        SELECT ms.mentor_teacher_id, ms.mentor_period_id FROM mentorships ms
        WHERE ms.ect_period_id = e.at_school_period_id AND (ms.finished_on IS NULL OR ms.finished_on > $2::date)
        ORDER BY ms.started_on, ms.created_at, ms.id LIMIT 1
      ) m
    ),
    members AS (
      SELECT t.id, t.first_name, t.last_name, t.trn, t.created_at,
        (SELECT mp.email FROM at_school_periods mp WHERE mp.id IN (SELECT l.mentor_period_id FROM links l WHERE l.mentor_teacher_id = t.id)
         ORDER BY mp.started_on DESC, mp.created_at DESC, mp.id DESC LIMIT 1) AS email,
        GREATEST(GREATEST(t.updated_at,
    (SELECT max(mp.updated_at) FROM at_school_periods mp WHERE mp.teacher_id = t.id AND mp.role = 'mentor'),
    (SELECT max(ms.updated_at) FROM mentorships ms WHERE ms.mentor_teacher_id = t.id)), (GREATEST(CASE WHEN (SELECT max(d) FROM (
      SELECT started_on FROM mentorships WHERE mentor_teacher_id = t.id
      UNION ALL SELECT finished_on FROM mentorships WHERE mentor_teacher_id = t.id
    ) AS dates (d) WHERE d <= $3::date) <= $4::date THEN (SELECT max(d) FROM (
      SELECT started_on FROM mentorships WHERE mentor_teacher_id = t.id
      UNION ALL SELECT finished_on FROM mentorships WHERE mentor_teacher_id = t.id
    ) AS dates (d) WHERE d <= $5::date) END)::timestamp AT TIME ZONE 'Europe/London')) AS updated_at
      FROM teachers t
      WHERE t.id IN (SELECT mentor_teacher_id FROM links)
        AND NOT EXISTS (
          SELECT 1 FROM training_periods own JOIN partnerships p ON p.id = own.partnership_id
          WHERE own.teacher_id = t.id AND p.lead_provider_id = $6)
        
    )
    SELECT * FROM members
    
    ORDER BY "members"."created_at" asc, members.id
    LIMIT $7 OFFSET $8;
