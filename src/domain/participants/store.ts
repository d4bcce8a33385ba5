// Reads and writes of teachers, at-school periods, training periods and mentorships for the school
// actions (R-15 … ). SQL only; the decisions are in rules.ts and the commands.
import { sql, type Insertable, type Kysely } from 'kysely'
import type { AtSchoolPeriodsTable, Database, MentorshipsTable, Role, TeachersTable, TrainingPeriodsTable } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'

type Reader = Kysely<Database>

export function findSchoolByUrn(db: Reader, urn: string) {
  return db.selectFrom('schools').selectAll().where('urn', '=', urn).executeTakeFirst()
}

export type SchoolRow = NonNullable<Awaited<ReturnType<typeof findSchoolByUrn>>>

/** R-15 step 2: the teacher's latest at-school period (by started_on) in the role at the school. */
export function latestPeriodAtSchool(db: Reader, teacherId: string, role: Role, schoolId: string) {
  return db
    .selectFrom('at_school_periods')
    .selectAll()
    .where('teacher_id', '=', teacherId)
    .where('role', '=', role)
    .where('school_id', '=', schoolId)
    .orderBy('started_on', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export type PeriodRow = NonNullable<Awaited<ReturnType<typeof latestPeriodAtSchool>>>

export function findTeacher(db: Reader, id: string) {
  return db.selectFrom('teachers').selectAll().where('id', '=', id).executeTakeFirst()
}

/** one action per teacher at a time; the checks that follow see the winner's rows. */
export function lockTeacher(tx: Tx, id: string) {
  return tx.selectFrom('teachers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export function lockTeacherByTrn(tx: Tx, trn: string) {
  return tx.selectFrom('teachers').selectAll().where('trn', '=', trn).forUpdate().executeTakeFirst()
}

export type TeacherRow = NonNullable<Awaited<ReturnType<typeof lockTeacher>>>

/** creates the teacher unless the TRN exists (a concurrent creation waits, then does nothing). */
export async function insertTeacherIfAbsent(tx: Tx, row: Insertable<TeachersTable>): Promise<boolean> {
  const inserted = await tx.insertInto('teachers').values(row).onConflict((oc) => oc.column('trn').doNothing()).returning('id').executeTakeFirst()
  return inserted !== undefined
}

/** Every at-school period of the teacher in the role, any school, oldest first, with the school's name. */
export function periodsInRole(tx: Tx, teacherId: string, role: Role) {
  return tx
    .selectFrom('at_school_periods as p')
    .innerJoin('schools as s', 's.id', 'p.school_id')
    .selectAll('p')
    .select('s.name as school_name')
    .where('p.teacher_id', '=', teacherId)
    .where('p.role', '=', role)
    .orderBy('p.started_on')
    .execute()
}

export function trainingOfPeriod(tx: Tx, periodId: string) {
  return tx.selectFrom('training_periods').selectAll().where('at_school_period_id', '=', periodId).orderBy('started_on').orderBy('created_at').execute()
}

export type TrainingRow = Awaited<ReturnType<typeof trainingOfPeriod>>[number]

/** The period's mentorships: as mentee for an ECT period, as mentor for a mentor period. */
export function mentorshipsOfPeriod(tx: Tx, periodId: string, role: Role) {
  return tx
    .selectFrom('mentorships')
    .selectAll()
    .where(role === 'ect' ? 'ect_period_id' : 'mentor_period_id', '=', periodId)
    .orderBy('started_on')
    .execute()
}

export async function setTrainingDates(tx: Tx, id: string, startedOn: string, finishedOn: string | null, now: Date): Promise<void> {
  await tx.updateTable('training_periods').set({ started_on: startedOn, finished_on: finishedOn, updated_at: now }).where('id', '=', id).execute()
}

export async function deleteTrainingPeriods(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await tx.deleteFrom('training_periods').where('id', 'in', [...ids]).execute()
}

export async function setMentorshipDates(tx: Tx, id: string, finishedOn: string, now: Date): Promise<void> {
  await tx.updateTable('mentorships').set({ finished_on: finishedOn, updated_at: now }).where('id', '=', id).execute()
}

export async function deleteMentorships(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await tx.deleteFrom('mentorships').where('id', 'in', [...ids]).execute()
}

/** R-31, T-14: the period finishes on F; `leaving_recorded_at` keeps the first instant (T-11). */
export async function finishPeriod(tx: Tx, id: string, finishedOn: string, now: Date): Promise<void> {
  await tx
    .updateTable('at_school_periods')
    .set({ finished_on: finishedOn, leaving_recorded_at: sql`COALESCE(leaving_recorded_at, ${now}::timestamptz)`, updated_at: now })
    .where('id', '=', id)
    .execute()
}

export async function setReportedLeaving(tx: Tx, id: string, leavingOn: string, now: Date): Promise<void> {
  await tx.updateTable('at_school_periods').set({ reported_leaving_on: leavingOn, updated_at: now }).where('id', '=', id).execute()
}

export async function touchPeriod(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.updateTable('at_school_periods').set({ updated_at: now }).where('id', '=', id).execute()
}

/** an unfinished at-school period (either role) of another teacher with this email. */
export async function emailInUse(tx: Tx, email: string, exceptTeacherId: string | null, today: string): Promise<boolean> {
  let query = tx
    .selectFrom('at_school_periods')
    .select('id')
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where((eb) => eb.or([eb('finished_on', 'is', null), eb('finished_on', '>', today)]))
  if (exceptTeacherId !== null) query = query.where('teacher_id', '!=', exceptTeacherId)
  return (await query.limit(1).executeTakeFirst()) !== undefined
}

export function allCohorts(tx: Tx) {
  return tx.selectFrom('cohorts').select(['year', 'starts_on', 'ends_on', 'payments_frozen_on']).orderBy('year').execute()
}

export function findLeadProvider(tx: Tx, id: string) {
  return tx.selectFrom('lead_providers').select(['id', 'name']).where('id', '=', id).executeTakeFirst()
}

/** P-2: a lead provider is available in a cohort when it has a pairing in it. */
export async function leadProviderAvailable(tx: Tx, leadProviderId: string, cohortYear: number): Promise<boolean> {
  const row = await tx
    .selectFrom('lead_provider_delivery_partners')
    .select('id')
    .where('lead_provider_id', '=', leadProviderId)
    .where('cohort_year', '=', cohortYear)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/** R-20 `partnership_id`: a partnership of this school, lead provider and cohort. */
export async function partnershipMatches(tx: Tx, id: string, schoolId: string, leadProviderId: string, cohortYear: number): Promise<boolean> {
  const row = await tx
    .selectFrom('partnerships')
    .select('id')
    .where('id', '=', id)
    .where('school_id', '=', schoolId)
    .where('lead_provider_id', '=', leadProviderId)
    .where('cohort_year', '=', cohortYear)
    .executeTakeFirst()
  return row !== undefined
}

/** R-21 rule 1, D-37 rule 2: the teacher's latest provider-led training in the role, any school. */
export function latestProviderLedTraining(tx: Tx, teacherId: string, role: Role) {
  return tx
    .selectFrom('training_periods')
    .select(['cohort_year', 'schedule_identifier'])
    .where('teacher_id', '=', teacherId)
    .where('role', '=', role)
    .where('training_programme', '=', 'provider_led')
    .orderBy('started_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/**
 * D-37 rule 3: the mentor has no `mentor_ineligible_for_funding_on`, and an ECT they mentor on or
 * after `day` is provider-led then and already has a non-voided declaration naming another mentor.
 */
export async function mentorsReplacedMentee(tx: Tx, mentorTeacherId: string, day: string): Promise<boolean> {
  const row = await tx
    .selectFrom('mentorships as ms')
    .innerJoin('teachers as t', 't.id', 'ms.mentor_teacher_id')
    .select('ms.id')
    .where('t.id', '=', mentorTeacherId)
    .where('t.mentor_ineligible_for_funding_on', 'is', null)
    .where((eb) => eb.or([eb('ms.finished_on', 'is', null), eb('ms.finished_on', '>', day)]))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('training_periods as tp')
          .select('tp.id')
          .whereRef('tp.at_school_period_id', '=', 'ms.ect_period_id')
          .where('tp.training_programme', '=', 'provider_led')
          .where((eb) => eb.or([eb('tp.finished_on', 'is', null), eb('tp.finished_on', '>', day)])),
      ),
    )
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('declarations as d')
          .select('d.id')
          .whereRef('d.teacher_id', '=', 'ms.ect_teacher_id')
          .where('d.role', '=', 'ect')
          .where('d.payment_status', '<>', 'voided')
          .whereRef('d.mentor_teacher_id', '<>', 't.id'),
      ),
    )
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

export async function insertPeriod(tx: Tx, row: Insertable<AtSchoolPeriodsTable>): Promise<void> {
  await tx.insertInto('at_school_periods').values(row).execute()
}

export async function insertTraining(tx: Tx, row: Insertable<TrainingPeriodsTable>): Promise<void> {
  await tx.insertInto('training_periods').values(row).execute()
}

export async function insertMentorship(tx: Tx, row: Insertable<MentorshipsTable>): Promise<void> {
  await tx.insertInto('mentorships').values(row).execute()
}

/** the eligible instant of a role, set when still unset; true when this call set it. */
export async function setEligibleForFunding(tx: Tx, teacherId: string, role: Role, now: Date): Promise<boolean> {
  const column = role === 'ect' ? 'ect_eligible_for_funding_at' : 'mentor_eligible_for_funding_at'
  const result = await tx.updateTable('teachers').set({ [column]: now }).where('id', '=', teacherId).where(column, 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** P-36: partnerships with one of the teacher's confirmed training periods. */
export async function partnershipsOfTeacher(tx: Tx, teacherId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('training_periods')
    .select('partnership_id')
    .distinct()
    .where('teacher_id', '=', teacherId)
    .where('partnership_id', 'is not', null)
    .execute()
  return rows.map((r) => r.partnership_id!)
}

export function findPeriod(tx: Tx, id: string) {
  return tx.selectFrom('at_school_periods').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

/** locks the period's teacher, then reads the period as it is under the lock. */
export async function lockParticipant(tx: Tx, periodId: string) {
  const { teacher_id } = await findPeriod(tx, periodId)
  const teacher = (await lockTeacher(tx, teacher_id))!
  return { teacher, period: await findPeriod(tx, periodId) }
}

/** R-11 for actions on two teachers: locked in id order, so two such actions cannot deadlock. */
export async function lockTeachers(tx: Tx, ids: readonly string[]): Promise<void> {
  await tx.selectFrom('teachers').select('id').where('id', 'in', [...new Set(ids)]).orderBy('id').forUpdate().execute()
}

/** The ECT period's mentorships with each mentor's name. */
export function mentorshipsWithMentor(tx: Tx, ectPeriodId: string) {
  return tx
    .selectFrom('mentorships as m')
    .innerJoin('teachers as t', 't.id', 'm.mentor_teacher_id')
    .select(['m.id', 'm.mentor_teacher_id', 'm.started_on', 'm.finished_on', 't.first_name', 't.last_name'])
    .where('m.ect_period_id', '=', ectPeriodId)
    .orderBy('m.started_on')
    .execute()
}
