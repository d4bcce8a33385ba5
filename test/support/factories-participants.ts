// Factories for partnerships, teachers and their periods: rows straight into the test database,
// so read-side tests can set a scene before (or without) the school actions that create them.
import { randomUUID } from 'node:crypto'
import type { Db } from '../../src/db/connect.ts'
import type { Role, WorkingPattern } from '../../src/db/schema.ts'
import * as f from './factories.ts'

const at = (iso?: string) => new Date(iso ?? '2025-06-01T09:00:00Z')
// Default TRNs count up from 8000001: unique within a file's database by construction (a random
// part once let two teachers of one file collide), and apart from the seed's 29… and the tests' own.
let trn = 8_000_000

export async function partnership(
  db: Db,
  fields: { school_id: string; lead_provider_id: string; delivery_partner_id: string; cohort: number; additional?: boolean; created_by?: 'lead_provider' | 'operator' | 'carry_forward'; created_at?: string; first_attached_at?: string | null },
) {
  const id = randomUUID()
  await db
    .insertInto('partnerships')
    .values({
      id,
      school_id: fields.school_id,
      lead_provider_id: fields.lead_provider_id,
      delivery_partner_id: fields.delivery_partner_id,
      cohort_year: fields.cohort,
      additional: fields.additional ?? false,
      created_by: fields.created_by ?? 'lead_provider',
      carried_from_partnership_id: null,
      first_attached_at: fields.first_attached_at ? at(fields.first_attached_at) : null,
      created_at: at(fields.created_at),
      updated_at: at(fields.created_at),
    })
    .execute()
  return { id }
}

export async function teacher(db: Db, fields: Partial<{ trn: string; first_name: string; last_name: string; created_at: string; induction_completed_on: string | null; mentor_ineligible_for_funding_on: string | null }> = {}) {
  const id = randomUUID()
  const value = fields.trn ?? String(++trn)
  await db
    .insertInto('teachers')
    .values({
      id,
      trn: value,
      first_name: fields.first_name ?? 'Test',
      last_name: fields.last_name ?? `Teacher ${value}`,
      date_of_birth: '1995-01-01',
      ect_training_record_id: randomUUID(),
      mentor_training_record_id: randomUUID(),
      ect_eligible_for_funding_at: at(fields.created_at),
      mentor_eligible_for_funding_at: null,
      ect_ineligible_for_funding_on: null,
      mentor_ineligible_for_funding_on: fields.mentor_ineligible_for_funding_on ?? null,
      mentor_ineligible_for_funding_reason: null,
      ect_payments_frozen_year: null,
      mentor_payments_frozen_year: null,
      induction_started_on: null,
      induction_completed_on: fields.induction_completed_on ?? null,
      latest_induction_period_finished_on: null,
      created_at: at(fields.created_at),
      updated_at: at(fields.created_at),
    })
    .execute()
  return { id, trn: value }
}

export async function atSchoolPeriod(
  db: Db,
  fields: { teacher_id: string; school_id: string; role?: Role; started_on: string; finished_on?: string | null; email?: string; working_pattern?: WorkingPattern; created_at?: string },
) {
  const id = randomUUID()
  const role = fields.role ?? 'ect'
  await db
    .insertInto('at_school_periods')
    .values({
      id,
      teacher_id: fields.teacher_id,
      role,
      school_id: fields.school_id,
      started_on: fields.started_on,
      finished_on: fields.finished_on ?? null,
      email: fields.email ?? `${id.slice(0, 8)}@example.sch.uk`,
      working_pattern: role === 'ect' ? (fields.working_pattern ?? 'full_time') : null,
      reported_leaving_on: null,
      leaving_recorded_at: null,
      created_at: at(fields.created_at),
      updated_at: at(fields.created_at),
    })
    .execute()
  return { id, role, teacher_id: fields.teacher_id, school_id: fields.school_id }
}

export async function trainingPeriod(
  db: Db,
  period: { id: string; teacher_id: string; role: Role; school_id: string },
  fields: { cohort: number; lead_provider_id?: string | null; partnership_id?: string | null; school_led?: boolean; started_on: string; finished_on?: string | null; schedule_identifier?: string; began_as_eoi?: boolean; created_at?: string },
) {
  const id = randomUUID()
  const schoolLed = fields.school_led ?? false
  await db
    .insertInto('training_periods')
    .values({
      id,
      at_school_period_id: period.id,
      teacher_id: period.teacher_id,
      role: period.role,
      school_id: period.school_id,
      training_programme: schoolLed ? 'school_led' : 'provider_led',
      lead_provider_id: schoolLed ? null : (fields.lead_provider_id ?? null),
      cohort_year: fields.cohort,
      partnership_id: fields.partnership_id ?? null,
      schedule_identifier: schoolLed ? null : (fields.schedule_identifier ?? 'ecf-standard-september'),
      began_as_eoi: fields.began_as_eoi ?? false,
      started_on: fields.started_on,
      finished_on: fields.finished_on ?? null,
      withdrawn_at: null,
      withdrawal_reason: null,
      deferred_at: null,
      deferral_reason: null,
      created_at: at(fields.created_at),
      updated_at: at(fields.created_at),
    })
    .execute()
  return { id }
}

export async function mentorship(
  db: Db,
  fields: { ect_period: { id: string; teacher_id: string; school_id: string }; mentor_period: { id: string; teacher_id: string }; started_on: string; finished_on?: string | null },
) {
  const id = randomUUID()
  await db
    .insertInto('mentorships')
    .values({
      id,
      ect_period_id: fields.ect_period.id,
      ect_teacher_id: fields.ect_period.teacher_id,
      mentor_period_id: fields.mentor_period.id,
      mentor_teacher_id: fields.mentor_period.teacher_id,
      school_id: fields.ect_period.school_id,
      started_on: fields.started_on,
      finished_on: fields.finished_on ?? null,
      created_at: at(),
      updated_at: at(),
    })
    .execute()
  return { id }
}

/**
 * A lead provider partnered for 2025 with a school through a delivery partner, and a teacher at
 * that school training with it (R-32: a member of the lead provider's participants) since 2025-09-01.
 */
export async function partneredTrainee(db: Db) {
  const lp = await f.leadProvider(db)
  const dp = await f.deliveryPartner(db)
  await f.pairing(db, lp.id, dp.id, 2025)
  const school = await f.school(db)
  const partnered = await partnership(db, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: dp.id, cohort: 2025 })
  const trainee = await teacher(db)
  const period = await atSchoolPeriod(db, { teacher_id: trainee.id, school_id: school.id, started_on: '2025-09-01' })
  await trainingPeriod(db, period, { cohort: 2025, lead_provider_id: lp.id, partnership_id: partnered.id, started_on: '2025-09-01' })
  return { lp, dp, school, partnership: partnered, teacher: trainee, period }
}
