// What the participants feed tests share: requests as one lead provider on a date, and the
// enrolment a factory placement shows before a test changes it.
import type { TestApp } from './app.ts'
import type { Placement, Provider } from './participants-scene.ts'

export const TODAY = '2025-11-12'
export const NOT_FOUND = { errors: [{ title: 'Resource not found', detail: 'Nothing could be found for the provided details' }] }
export const PAGE_400 = { errors: [{ title: 'Bad request', detail: "The '#/page[page]' and '#/page[per_page]' parameter values must be a valid positive number" }] }

export function feedRequests(t: TestApp) {
  const get = (lp: Provider, path: string, date = TODAY) => t.request('GET', `/api/v3${path}`, { token: lp.token, date })
  const show = async (lp: Provider, id: string, date = TODAY) => (await get(lp, `/participants/${id}`, date)).body
  const enrolments = async (lp: Provider, id: string, date = TODAY) => (await show(lp, id, date)).data.attributes.ecf_enrolments
  return { get, show, enrolments }
}

export const ids = (body: { data: { id: string }[] }) => body.data.map((d) => d.id)

/** The enrolment a factory placement shows, before any test changes it. */
export function enrolmentOf(pl: Placement, lp: Provider, overrides: Record<string, unknown> = {}) {
  const ect = pl.period.role === 'ect'
  return {
    training_record_id: ect ? pl.teacher.ect_training_record_id : pl.teacher.mentor_training_record_id,
    email: `${pl.periodId.slice(0, 8)}@example.sch.uk`,
    mentor_id: null,
    school_urn: pl.school.urn,
    participant_type: pl.period.role,
    working_pattern: ect ? 'full_time' : null,
    cohort: '2025',
    training_status: 'active',
    participant_status: 'active',
    eligible_for_funding: ect ? true : null,
    pupil_premium_uplift: false,
    sparsity_uplift: false,
    schedule_identifier: 'ecf-standard-september',
    delivery_partner_id: lp.deliveryPartnerId,
    withdrawal: null,
    deferral: null,
    created_at: '2025-06-01T09:00:00Z',
    induction_end_date: null,
    most_recent_induction_period_end_date: null,
    overall_induction_start_date: null,
    mentor_funding_end_date: null,
    cohort_changed_after_payments_frozen: false,
    mentor_ineligible_for_funding_reason: null,
    ...overrides,
  }
}
