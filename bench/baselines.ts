// The two raw-SQL baselines of each benchmarked list page, timed through pg beside the row.
//
// BASELINES (Q-3, the derivation): one hand-written query that derives the same page (same rows,
// same attributes) as JSON text with json_agg. The stored documents made it a ceiling, not the
// limit. Parameters: $1 the lead provider, $2 today, $3 per_page.
//
// FLOORS (the storage floor): PostgreSQL handing over that page's stored document text — the
// same table, scope, member rows, default order and limit the feed reads (src/read-models/), joined
// into one string in SQL. A server that only pipes stored bytes sits near it. Parameters: $1 the
// lead provider (the caller), $2 per_page.

const wire = (e: string) => `to_char(${e} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`

export const BASELINES = {
  partnerships: `
    SELECT json_agg(json_build_object('id', x.id, 'type', 'partnership', 'attributes', json_build_object(
      'cohort', x.cohort_year::text, 'urn', s.urn, 'school_id', x.school_id,
      'delivery_partner_id', x.delivery_partner_id, 'delivery_partner_name', dp.name,
      'induction_tutor_name', s.induction_tutor_name, 'induction_tutor_email', COALESCE(s.induction_tutor_email, s.contact_email),
      'participants_currently_training', (SELECT count(*) FROM training_periods tp WHERE tp.partnership_id = x.id
        AND tp.started_on <= $2::date AND (tp.finished_on IS NULL OR tp.finished_on > $2::date)),
      'created_at', ${wire('x.created_at')}, 'updated_at', ${wire('x.updated_at')})) ORDER BY x.created_at, x.id)::text AS body
    FROM (SELECT * FROM partnerships WHERE lead_provider_id = $1 ORDER BY created_at, id LIMIT $3) x
    JOIN schools s ON s.id = x.school_id
    JOIN delivery_partners dp ON dp.id = x.delivery_partner_id`,

  schools: `
    SELECT json_agg(json_build_object('id', s.id, 'type', 'school', 'attributes', json_build_object(
      'name', s.name, 'urn', s.urn, 'cohort', '2025',
      'in_partnership', EXISTS (SELECT 1 FROM partnerships p WHERE p.school_id = s.id AND p.cohort_year = 2025),
      'induction_programme_choice', COALESCE((SELECT CASE WHEN bool_or(tp.training_programme = 'provider_led') THEN 'provider_led' ELSE 'school_led' END
        FROM training_periods tp WHERE tp.school_id = s.id AND tp.cohort_year = 2025), 'not_yet_known'),
      'expression_of_interest', EXISTS (SELECT 1 FROM partnerships p WHERE p.school_id = s.id AND p.cohort_year = 2025
        AND p.lead_provider_id = $1 AND p.first_attached_at IS NOT NULL),
      'induction_tutor_name', s.induction_tutor_name, 'induction_tutor_email', COALESCE(s.induction_tutor_email, s.contact_email),
      'created_at', ${wire('s.created_at')}, 'updated_at', ${wire('s.updated_at')})) ORDER BY s.created_at, s.id)::text AS body
    FROM (SELECT * FROM schools s WHERE $2::date IS NOT NULL AND (s.eligible
      OR EXISTS (SELECT 1 FROM partnerships p WHERE p.school_id = s.id AND p.cohort_year = 2025))
      ORDER BY s.created_at, s.id LIMIT $3) s`,

  participants: `
    WITH page AS (
      SELECT t.* FROM teachers t
      WHERE EXISTS (SELECT 1 FROM training_periods tp JOIN partnerships p ON p.id = tp.partnership_id
        WHERE tp.teacher_id = t.id AND p.lead_provider_id = $1)
      ORDER BY t.created_at, t.id LIMIT $3)
    SELECT json_agg(json_build_object('id', page.id, 'type', 'participant', 'attributes', json_build_object(
      'full_name', page.first_name || ' ' || page.last_name, 'teacher_reference_number', page.trn,
      'ecf_enrolments', (
        SELECT json_agg(json_build_object(
          'training_record_id', CASE e.role WHEN 'ect' THEN page.ect_training_record_id ELSE page.mentor_training_record_id END,
          'email', asp.email,
          'mentor_id', (SELECT ms.mentor_teacher_id FROM mentorships ms WHERE ms.ect_period_id = e.at_school_period_id
            AND (ms.finished_on IS NULL OR ms.finished_on > $2::date) ORDER BY ms.started_on LIMIT 1),
          'school_urn', s.urn, 'participant_type', e.role, 'working_pattern', asp.working_pattern,
          'cohort', e.cohort_year::text,
          'training_status', CASE WHEN e.withdrawn_at IS NOT NULL THEN 'withdrawn' WHEN e.deferred_at IS NOT NULL THEN 'deferred' ELSE 'active' END,
          'participant_status', CASE WHEN e.finished_on IS NULL THEN CASE WHEN e.started_on > $2::date THEN 'joining' ELSE 'active' END
            WHEN e.finished_on > $2::date THEN 'leaving' ELSE 'left' END,
          'eligible_for_funding', page.ect_eligible_for_funding_at IS NOT NULL OR page.mentor_eligible_for_funding_at IS NOT NULL,
          'pupil_premium_uplift', s.pupil_premium_uplift, 'sparsity_uplift', s.sparsity_uplift,
          'schedule_identifier', e.schedule_identifier, 'delivery_partner_id', p.delivery_partner_id,
          'withdrawal', CASE WHEN e.withdrawn_at IS NOT NULL THEN json_build_object('reason', e.withdrawal_reason, 'date', ${wire('e.withdrawn_at')}) END,
          'deferral', CASE WHEN e.deferred_at IS NOT NULL THEN json_build_object('reason', e.deferral_reason, 'date', ${wire('e.deferred_at')}) END,
          'created_at', ${wire('asp.created_at')},
          'induction_end_date', page.induction_completed_on, 'most_recent_induction_period_end_date', page.latest_induction_period_finished_on,
          'overall_induction_start_date', page.induction_started_on, 'mentor_funding_end_date', page.mentor_ineligible_for_funding_on,
          'cohort_changed_after_payments_frozen', false, 'mentor_ineligible_for_funding_reason', page.mentor_ineligible_for_funding_reason
        ) ORDER BY e.role)
        FROM (SELECT DISTINCT ON (tp.role) tp.* FROM training_periods tp JOIN partnerships pp ON pp.id = tp.partnership_id
              WHERE tp.teacher_id = page.id AND pp.lead_provider_id = $1 ORDER BY tp.role, tp.started_on DESC) e
        JOIN at_school_periods asp ON asp.id = e.at_school_period_id
        JOIN partnerships p ON p.id = e.partnership_id
        JOIN schools s ON s.id = p.school_id),
      'participant_id_changes', COALESCE((SELECT json_agg(json_build_object('from_participant_id', ch.from_participant_id,
        'to_participant_id', ch.to_participant_id, 'changed_at', ${wire('ch.changed_at')})) FROM participant_id_changes ch
        WHERE ch.teacher_id = page.id), '[]'),
      'updated_at', ${wire('page.updated_at')})) ORDER BY page.created_at, page.id)::text AS body
    FROM page`,

  transfers: `
    WITH page AS (
      SELECT t.* FROM teachers t
      WHERE EXISTS (SELECT 1 FROM training_periods tp JOIN partnerships p ON p.id = tp.partnership_id
        WHERE tp.teacher_id = t.id AND p.lead_provider_id = $1)
        AND EXISTS (SELECT 1 FROM at_school_periods sp WHERE sp.teacher_id = t.id AND sp.finished_on IS NOT NULL)
      ORDER BY t.created_at, t.id LIMIT $3)
    SELECT json_agg(json_build_object('id', page.id, 'type', 'participant-transfer', 'attributes', json_build_object(
      'transfers', (
        SELECT json_agg(json_build_object(
          'training_record_id', CASE c.role WHEN 'ect' THEN page.ect_training_record_id ELSE page.mentor_training_record_id END,
          'transfer_type', CASE WHEN n.id IS NULL THEN 'unknown' WHEN lp.id = jp.id THEN 'new_school' ELSE 'new_provider' END,
          'status', CASE WHEN c.finished_on > $2::date OR n.started_on > $2::date THEN 'incomplete' ELSE 'complete' END,
          'created_at', ${wire('COALESCE(c.leaving_recorded_at, c.updated_at)')},
          'leaving', json_build_object('school_urn', ls.urn, 'provider', lp.name, 'date', c.finished_on),
          'joining', CASE WHEN n.id IS NOT NULL THEN json_build_object('school_urn', ns.urn, 'provider', jp.name, 'date', n.started_on) END
        ) ORDER BY c.started_on, c.role)
        FROM at_school_periods c
        JOIN schools ls ON ls.id = c.school_id
        LEFT JOIN LATERAL (SELECT * FROM at_school_periods x WHERE x.teacher_id = c.teacher_id AND x.role = c.role
          AND x.started_on >= c.finished_on ORDER BY x.started_on LIMIT 1) n ON true
        LEFT JOIN schools ns ON ns.id = n.school_id
        LEFT JOIN LATERAL (SELECT l.* FROM training_periods tp JOIN lead_providers l ON l.id = tp.lead_provider_id
          WHERE tp.at_school_period_id = c.id ORDER BY tp.started_on DESC LIMIT 1) lp ON true
        LEFT JOIN LATERAL (SELECT l.* FROM training_periods tp JOIN lead_providers l ON l.id = tp.lead_provider_id
          WHERE tp.at_school_period_id = n.id ORDER BY tp.started_on LIMIT 1) jp ON true
        WHERE c.teacher_id = page.id AND c.finished_on IS NOT NULL),
      'updated_at', ${wire('page.updated_at')})) ORDER BY page.created_at, page.id)::text AS body
    FROM page`,
} satisfies Record<string, string>

export type BaselineName = keyof typeof BASELINES

/** The stored text of one page of a document table in its feed's default order (created_at, then the key). */
const floor = (table: string, key: string, text: string, where: string) => `
    SELECT string_agg(body, ',' ORDER BY created_at, ${key}) AS body
    FROM (SELECT ${text} AS body, created_at, ${key} FROM ${table} d
          WHERE ${where} ORDER BY created_at, ${key} LIMIT $2) d`

export const FLOORS: Record<BaselineName, string> = {
  participants: floor('participant_documents', 'teacher_id', 'd.body', 'd.lead_provider_id = $1'),
  // T-23: the member rows are those with a transfer the caller sees.
  transfers: floor('participant_documents', 'teacher_id', 'd.transfers_body', 'd.lead_provider_id = $1 AND d.transfers_body IS NOT NULL'),
  partnerships: floor('partnership_documents', 'partnership_id', 'd.body', 'd.lead_provider_id = $1'),
  // P-43's listed schools of cohort 2025, each in the text for the caller (P-27, P-31).
  schools: floor('school_documents', 'school_id', 'CASE WHEN $1::uuid = ANY(d.eoi_lead_provider_ids) THEN d.body_eoi ELSE d.body END',
    'd.cohort_year = 2025 AND d.listed'),
}
