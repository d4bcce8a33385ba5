// Scenes for the participants feed (R-32 … R-42): a lead provider with its own delivery partner
// and pairings, and teachers placed with it through factories, so each test reads only its own.
import type { Selectable, Updateable } from 'kysely'
import type { Db } from '../../src/db/connect.ts'
import type { Role, TeachersTable, TrainingPeriodsTable } from '../../src/db/schema.ts'
import * as f from './factories.ts'
import * as p from './factories-participants.ts'

export type Provider = { id: string; token: string; deliveryPartnerId: string }

export async function provider(db: Db, years: number[] = [2024, 2025]): Promise<Provider> {
  const lp = await f.leadProvider(db)
  const dp = await f.deliveryPartner(db)
  for (const year of years) await f.pairing(db, lp.id, dp.id, year)
  return { id: lp.id, token: lp.token, deliveryPartnerId: dp.id }
}

export type SchoolAt = { id: string; urn: string }

/** The primary partnership of (school, lead provider, cohort), created once. */
export async function partnershipOf(db: Db, lp: Provider, school: SchoolAt, cohort: number): Promise<string> {
  const found = await db
    .selectFrom('partnerships')
    .select('id')
    .where('school_id', '=', school.id)
    .where('lead_provider_id', '=', lp.id)
    .where('cohort_year', '=', cohort)
    .where('additional', '=', false)
    .executeTakeFirst()
  if (found) return found.id
  return (await p.partnership(db, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: lp.deliveryPartnerId, cohort })).id
}

type Dated = { started_on: string; finished_on?: string | null; created_at?: string }

export type Placement = {
  teacherId: string
  periodId: string
  tpId: string
  school: SchoolAt
  period: { id: string; teacher_id: string; role: Role; school_id: string }
  teacher: Selectable<TeachersTable>
}

/**
 * A teacher (new, or `teacherId`) at a school in one role, with one training period confirmed on
 * the provider's partnership for the cohort — or awaiting one, with `awaiting`.
 */
export async function place(
  db: Db,
  lp: Provider,
  options: {
    role?: Role
    teacherId?: string
    school?: SchoolAt
    cohort?: number
    period?: Dated & { email?: string; working_pattern?: 'full_time' | 'part_time' }
    tp?: Dated & { schedule_identifier?: string }
    awaiting?: boolean
  } = {},
): Promise<Placement> {
  const role = options.role ?? 'ect'
  const cohort = options.cohort ?? 2025
  const school = options.school ?? (await f.school(db))
  const teacherId = options.teacherId ?? (await p.teacher(db)).id
  const periodDates = options.period ?? { started_on: '2025-09-01' }
  const period = await p.atSchoolPeriod(db, { teacher_id: teacherId, school_id: school.id, role, ...periodDates })
  const tpDates = options.tp ?? { started_on: periodDates.started_on, finished_on: periodDates.finished_on ?? null }
  const partnershipId = options.awaiting ? null : await partnershipOf(db, lp, school, cohort)
  const tp = await p.trainingPeriod(db, period, { cohort, lead_provider_id: lp.id, partnership_id: partnershipId, ...tpDates })
  const teacher = await db.selectFrom('teachers').selectAll().where('id', '=', teacherId).executeTakeFirstOrThrow()
  return { teacherId, periodId: period.id, tpId: tp.id, school, period, teacher }
}

export async function setTeacher(db: Db, id: string, values: Omit<Updateable<TeachersTable>, 'id'>): Promise<void> {
  await db.updateTable('teachers').set(values).where('id', '=', id).execute()
}

export async function setTrainingPeriod(db: Db, id: string, values: Omit<Updateable<TrainingPeriodsTable>, 'id'>): Promise<void> {
  await db.updateTable('training_periods').set(values).where('id', '=', id).execute()
}
