// Change stamps (C-56 … C-59): every command sets the stored stamp of each resource it affects to
// the request's "now", in its own transaction. The calendar part of updated_at is computed on read
// (calendarStamp) from the dates on which a derived attribute can change.
import { sql, type Expression, type RawBuilder } from 'kysely'
import type { Tx } from '../db/transaction.ts'

/**
 * Row locks on the rows a stamp moves, taken in key order before the UPDATE. An UPDATE of several
 * rows locks them in the order its plan visits them, which for two commands over the same rows
 * can differ (a bitmap scan visits them in their physical order, which moves as rows are
 * rewritten): with two partnerships each waiting for the other's, PostgreSQL aborted one command
 * as a deadlock (Q-11's concentrated load, 5 in 600 s). In key order, one waits and none cycle.
 */
async function lockInKeyOrder(tx: Tx, table: 'teachers' | 'partnerships', which: RawBuilder<boolean>): Promise<void> {
  await sql`SELECT id FROM ${sql.table(table)} WHERE ${which} ORDER BY id FOR NO KEY UPDATE`.execute(tx)
}

/** teachers whose periods, training or mentorships (as mentee) a command touched. */
export async function bumpTeachers(tx: Tx, now: Date, teacherIds: readonly string[]): Promise<void> {
  if (teacherIds.length === 0) return
  const ids = [...new Set(teacherIds)]
  if (ids.length > 1) await lockInKeyOrder(tx, 'teachers', sql`id = ANY(${ids}::uuid[])`)
  await tx.updateTable('teachers').set({ updated_at: now }).where('id', 'in', ids).execute()
}

/** R-14, C-57: every teacher with a training period at the school (its uplift flags changed, R-34). */
export async function bumpTeachersTrainingAtSchool(tx: Tx, now: Date, schoolId: string): Promise<void> {
  const training = sql<boolean>`id IN (SELECT teacher_id FROM training_periods WHERE school_id = ${schoolId})`
  await lockInKeyOrder(tx, 'teachers', training)
  await tx.updateTable('teachers').set({ updated_at: now }).where(training).execute()
}

/** R-14, C-57: every teacher with a training period in the cohort (its `uplift_fees_enabled` changed, R-34). */
export async function bumpTeachersTrainingInCohort(tx: Tx, now: Date, cohortYear: number): Promise<void> {
  const training = sql<boolean>`id IN (SELECT teacher_id FROM training_periods WHERE cohort_year = ${cohortYear})`
  await lockInKeyOrder(tx, 'teachers', training)
  await tx.updateTable('teachers').set({ updated_at: now }).where(training).execute()
}

/**
 * P-36: partnerships whose shown facts or derived inputs changed; those in `attached` had a
 * training period created on them, which P-27 rule 2 remembers for good (first_attached_at).
 */
export async function bumpPartnerships(tx: Tx, now: Date, partnershipIds: readonly (string | null)[], attached: readonly string[] = []): Promise<void> {
  const ids = [...new Set(partnershipIds.filter((id): id is string => id !== null))]
  if (ids.length === 0) return
  if (ids.length > 1) await lockInKeyOrder(tx, 'partnerships', sql`id = ANY(${ids}::uuid[])`)
  const firstAttached = attached.length === 0
    ? sql<Date | null>`first_attached_at`
    : sql<Date | null>`CASE WHEN id = ANY(${attached}::uuid[]) THEN COALESCE(first_attached_at, ${now}::timestamptz) ELSE first_attached_at END`
  await tx.updateTable('partnerships').set({ updated_at: now, first_attached_at: firstAttached }).where('id', 'in', ids).execute()
}

/** P-36: every partnership of a school (its induction tutor or contact email changed). */
export async function bumpPartnershipsOfSchool(tx: Tx, now: Date, schoolId: string): Promise<void> {
  await lockInKeyOrder(tx, 'partnerships', sql`school_id = ${schoolId}`)
  await tx.updateTable('partnerships').set({ updated_at: now }).where('school_id', '=', schoolId).execute()
}

/** P-37, for every cohort: the school row's own stamp. */
export async function bumpSchool(tx: Tx, now: Date, schoolId: string): Promise<void> {
  await tx.updateTable('schools').set({ updated_at: now }).where('id', '=', schoolId).execute()
}

/** P-37, for one cohort only. */
export async function bumpSchoolCohort(tx: Tx, now: Date, schoolId: string, cohortYear: number): Promise<void> {
  await tx
    .insertInto('school_cohort_stamps')
    .values({ school_id: schoolId, cohort_year: cohortYear, updated_at: now })
    .onConflict((oc) => oc.columns(['school_id', 'cohort_year']).doUpdateSet({ updated_at: now }))
    .execute()
}

/** 00:00 Europe/London of a calendar date, as an instant (C-58). */
export function londonMidnightSql(date: Expression<unknown>): RawBuilder<Date> {
  return sql<Date>`(${date}::timestamp AT TIME ZONE 'Europe/London')`
}

/**
 * C-58: the calendar stamp over some date expressions — 00:00 Europe/London of the latest one
 * that is ≤ today, or null. Use inside a query; `today` is the request clock's London date.
 */
export function calendarStamp(dates: Expression<unknown>[], today: string): RawBuilder<Date | null> {
  const candidates = dates.map((d) => sql`CASE WHEN ${d} <= ${today}::date THEN ${d} END`)
  return londonMidnightSql(sql`GREATEST(${sql.join(candidates)})`) as RawBuilder<Date | null>
}

/** C-59: the shown updated_at, the later of the stored and calendar stamps. */
export function shownUpdatedAt(stored: Expression<unknown>, calendar: Expression<unknown>): RawBuilder<Date> {
  return sql<Date>`GREATEST(${stored}, ${calendar})`
}
