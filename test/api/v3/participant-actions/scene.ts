// Scenes for the participant actions (D-10 … D-26): a lead provider with its own delivery partner
// and pairings, a teacher at a school with a training period confirmed on its partnership.
import type { Role } from '../../../../src/db/schema.ts'
import type { TestApp } from '../../../support/app.ts'
import * as f from '../../../support/factories.ts'
import * as p from '../../../support/factories-participants.ts'

export type Provider = { id: string; token: string; deliveryPartnerId: string }

export async function provider(t: TestApp, years: number[] = [2024, 2025, 2026]): Promise<Provider> {
  const lp = await f.leadProvider(t.db)
  const dp = await f.deliveryPartner(t.db)
  for (const year of years) await f.pairing(t.db, lp.id, dp.id, year)
  return { id: lp.id, token: lp.token, deliveryPartnerId: dp.id }
}

export async function partnershipOf(t: TestApp, lp: Provider, schoolId: string, cohort: number, deliveryPartnerId = lp.deliveryPartnerId) {
  const found = await t.db
    .selectFrom('partnerships')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('lead_provider_id', '=', lp.id)
    .where('cohort_year', '=', cohort)
    .where('delivery_partner_id', '=', deliveryPartnerId)
    .executeTakeFirst()
  if (found) return found.id
  return (await p.partnership(t.db, { school_id: schoolId, lead_provider_id: lp.id, delivery_partner_id: deliveryPartnerId, cohort })).id
}

export type Scene = {
  lp: Provider
  teacherId: string
  school: { id: string; urn: string }
  period: { id: string; teacher_id: string; role: Role; school_id: string }
  periodEmail: string
  tpId: string
  teacher: { ect_training_record_id: string; mentor_training_record_id: string; trn: string; first_name: string; last_name: string }
}

/** A teacher in one role at a school from `started_on`, trained by `lp` (a confirmed TP) in the cohort. */
export async function placed(
  t: TestApp,
  lp: Provider,
  options: {
    role?: Role
    cohort?: number
    period?: { started_on: string; finished_on?: string | null }
    tp?: { started_on: string; finished_on?: string | null; schedule_identifier?: string }
    teacher?: Parameters<typeof p.teacher>[1]
    teacherId?: string
    school?: { id: string; urn: string }
  } = {},
): Promise<Scene> {
  const role = options.role ?? 'ect'
  const cohort = options.cohort ?? 2025
  const school = options.school ?? (await f.school(t.db))
  const teacherId = options.teacherId ?? (await p.teacher(t.db, options.teacher ?? {})).id
  const periodDates = options.period ?? { started_on: '2025-09-01' }
  const period = await p.atSchoolPeriod(t.db, { teacher_id: teacherId, school_id: school.id, role, ...periodDates })
  const partnershipId = await partnershipOf(t, lp, school.id, cohort)
  const tpDates = options.tp ?? { started_on: periodDates.started_on, finished_on: periodDates.finished_on ?? null }
  const tp = await p.trainingPeriod(t.db, period, { cohort, lead_provider_id: lp.id, partnership_id: partnershipId, ...tpDates })
  const teacher = await t.db.selectFrom('teachers').selectAll().where('id', '=', teacherId).executeTakeFirstOrThrow()
  return { lp, teacherId, school, period, periodEmail: `${period.id.slice(0, 8)}@example.sch.uk`, tpId: tp.id, teacher }
}

/** The enrolment a placement shows before an action, with overrides. */
export function enrolment(s: Scene, overrides: Record<string, unknown> = {}) {
  const ect = s.period.role === 'ect'
  return {
    training_record_id: ect ? s.teacher.ect_training_record_id : s.teacher.mentor_training_record_id,
    email: s.periodEmail,
    mentor_id: null,
    school_urn: s.school.urn,
    participant_type: s.period.role,
    working_pattern: ect ? 'full_time' : null,
    cohort: '2025',
    training_status: 'active',
    participant_status: 'active',
    eligible_for_funding: ect ? true : null,
    pupil_premium_uplift: false,
    sparsity_uplift: false,
    schedule_identifier: 'ecf-standard-september',
    delivery_partner_id: s.lp.deliveryPartnerId,
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

export function participant(s: Scene, enrolments: unknown[], updatedAt: string) {
  return {
    data: {
      id: s.teacherId,
      type: 'participant',
      attributes: {
        full_name: `${s.teacher.first_name} ${s.teacher.last_name}`,
        teacher_reference_number: s.teacher.trn,
        ecf_enrolments: enrolments,
        participant_id_changes: [],
        updated_at: updatedAt,
      },
    },
  }
}

export const body = (type: string, attributes: Record<string, unknown>) => ({ data: { type, attributes } })

export const errors = (...pairs: [string, string][]) => ({ errors: pairs.map(([title, detail]) => ({ title, detail })) })

export const NOT_FOUND = errors(['Resource not found', 'Nothing could be found for the provided details'])

export function trainingPeriods(t: TestApp, teacherId: string) {
  return t.db
    .selectFrom('training_periods')
    .select(['id', 'role', 'cohort_year', 'partnership_id', 'schedule_identifier', 'started_on', 'finished_on', 'withdrawn_at', 'withdrawal_reason', 'deferred_at', 'deferral_reason'])
    .where('teacher_id', '=', teacherId)
    .orderBy('started_on')
    .orderBy('created_at')
    .execute()
}

export function put(t: TestApp, lp: Provider, id: string, action: string, payload: unknown, date: string) {
  return t.request('PUT', `/api/v3/participants/${id}/${action}`, { token: lp.token, body: payload, date })
}
