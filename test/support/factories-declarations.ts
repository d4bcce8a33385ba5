// Scenes for declarations and statements: a teacher training with a lead provider on a confirmed
// partnership, plus statements; rows straight into the test database (the schedules come with the
// cohort factory, D-36).
import { randomUUID } from 'node:crypto'
import type { Db } from '../../src/db/connect.ts'
import type { Role, StatementStatus } from '../../src/db/schema.ts'
import * as f from './factories.ts'
import * as p from './factories-participants.ts'

export type Provider = Awaited<ReturnType<typeof f.leadProvider>>

export async function statement(
  db: Db,
  fields: { lead_provider_id: string; cohort: number; year: number; month: 1 | 4 | 8 | 11; cut_off_date: string; payment_date: string; status?: StatementStatus; created_at?: string },
) {
  const id = randomUUID()
  const at = new Date(fields.created_at ?? '2025-07-01T10:00:12Z')
  await db
    .insertInto('statements')
    .values({
      id,
      lead_provider_id: fields.lead_provider_id,
      cohort_year: fields.cohort,
      year: fields.year,
      month: fields.month,
      cut_off_date: fields.cut_off_date,
      payment_date: fields.payment_date,
      status: fields.status ?? 'open',
      marked_as_paid_at: fields.status === 'paid' ? at : null,
      created_at: at,
      updated_at: at,
    })
    .execute()
  return { id }
}

/** A lead provider with a delivery partner paired in the cohort. */
export async function provider(db: Db, cohort: number, name?: string) {
  const lp = await f.leadProvider(db, name ? { name } : {})
  const dp = await f.deliveryPartner(db)
  await f.pairing(db, lp.id, dp.id, cohort)
  return { ...lp, deliveryPartnerId: dp.id }
}

export type Trainee = { teacherId: string; periodId: string; trainingId: string; schoolId: string; partnershipId: string }

/**
 * A teacher in `role` at a new school from `started_on`, trained by `lp` on a confirmed
 * partnership in `cohort` (schedule `ecf-standard-september` unless given).
 */
export async function trainee(
  db: Db,
  lp: { id: string; deliveryPartnerId: string },
  fields: {
    cohort: number
    role?: Role
    started_on: string
    finished_on?: string | null
    schedule_identifier?: string
    teacher_id?: string
    school_id?: string
    partnership_id?: string
    mentor_eligible?: boolean
  },
): Promise<Trainee> {
  const role = fields.role ?? 'ect'
  const schoolId = fields.school_id ?? (await f.school(db)).id
  const partnershipId =
    fields.partnership_id ?? (await p.partnership(db, { school_id: schoolId, lead_provider_id: lp.id, delivery_partner_id: lp.deliveryPartnerId, cohort: fields.cohort })).id
  const teacherId = fields.teacher_id ?? (await p.teacher(db, { created_at: '2025-06-01T09:00:00Z' })).id
  if (role === 'mentor' && fields.mentor_eligible !== false) {
    await db.updateTable('teachers').set({ mentor_eligible_for_funding_at: new Date('2025-06-01T09:00:00Z') }).where('id', '=', teacherId).execute()
  }
  const period = await p.atSchoolPeriod(db, { teacher_id: teacherId, school_id: schoolId, role, started_on: fields.started_on, finished_on: fields.finished_on ?? null })
  const training = await p.trainingPeriod(db, period, {
    cohort: fields.cohort,
    lead_provider_id: lp.id,
    partnership_id: partnershipId,
    started_on: fields.started_on,
    finished_on: fields.finished_on ?? null,
    schedule_identifier: fields.schedule_identifier ?? 'ecf-standard-september',
  })
  return { teacherId, periodId: period.id, trainingId: training.id, schoolId, partnershipId }
}

/** The v3 POST body of D-43. */
export function declarationBody(attributes: Record<string, unknown>) {
  return { data: { type: 'participant-declaration', attributes } }
}
