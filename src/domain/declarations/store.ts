// Reads and writes the declaration commands need (D-40 … D-56). SQL only; decisions are rules.ts.
import { sql, type Insertable, type Kysely } from 'kysely'
import type { Database, DeclarationsTable, DeclarationType, Role } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'
import type { Dated, Mentorship, Milestone } from './rules.ts'

type Reader = Kysely<Database>

/** D-47: the constraint a concurrent identical POST runs into. */
export const DUPLICATE_CONSTRAINT = 'declarations_d47_one_billable_per_type'

export function findTeacher(db: Reader, id: string) {
  return db
    .selectFrom('teachers')
    .select(['id', 'ect_eligible_for_funding_at', 'mentor_eligible_for_funding_at', 'mentor_ineligible_for_funding_on', 'mentor_ineligible_for_funding_reason'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/**
 * D-1, R-33: the caller's target TP in the role — confirmed on one of its partnerships, greatest
 * `started_on` (ties: non-empty first, then latest created) — with its cohort, partnership and
 * school facts.
 */
export function findTargetTraining(db: Reader, leadProviderId: string, teacherId: string, role: Role) {
  return db
    .selectFrom('training_periods as tp')
    .innerJoin('partnerships as p', 'p.id', 'tp.partnership_id')
    .innerJoin('cohorts as c', 'c.year', 'tp.cohort_year')
    .innerJoin('schools as s', 's.id', 'tp.school_id')
    .select([
      'tp.id', 'tp.at_school_period_id', 'tp.teacher_id', 'tp.role', 'tp.school_id', 'tp.cohort_year', 'tp.schedule_identifier', 'tp.partnership_id',
      'tp.lead_provider_id', 'tp.started_on', 'tp.finished_on', 'tp.withdrawn_at', 'tp.deferred_at',
      'p.delivery_partner_id', 'c.mentor_funding_enabled', 'c.detailed_evidence_types_enabled', 'c.uplift_fees_enabled',
      's.pupil_premium_uplift', 's.sparsity_uplift',
    ])
    .where('tp.teacher_id', '=', teacherId)
    .where('tp.role', '=', role)
    .where('p.lead_provider_id', '=', leadProviderId)
    .orderBy('tp.started_on', 'desc')
    .orderBy(sql`(tp.finished_on IS NOT NULL AND tp.finished_on = tp.started_on)`, 'asc')
    .orderBy('tp.created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export type TargetRow = NonNullable<Awaited<ReturnType<typeof findTargetTraining>>>

/** the teacher has a TP in the role (or either role) confirmed on one of the caller's partnerships. */
export async function confirmedWithCaller(db: Reader, leadProviderId: string, teacherId: string, role: Role | null): Promise<boolean> {
  let query = db
    .selectFrom('training_periods as tp')
    .innerJoin('partnerships as p', 'p.id', 'tp.partnership_id')
    .select('tp.id')
    .where('tp.teacher_id', '=', teacherId)
    .where('p.lead_provider_id', '=', leadProviderId)
  if (role !== null) query = query.where('tp.role', '=', role)
  return (await query.limit(1).executeTakeFirst()) !== undefined
}

export async function findMilestone(db: Reader, cohortYear: number, schedule: string, type: DeclarationType): Promise<Milestone | null> {
  const row = await db
    .selectFrom('milestones')
    .select(['start_date', 'milestone_date'])
    .where('cohort_year', '=', cohortYear)
    .where('schedule_identifier', '=', schedule as never)
    .where('declaration_type', '=', type)
    .executeTakeFirst()
  return row ?? null
}

/** D-41, D-46, D-47: the teacher's billable-or-changeable declarations in the role, any lead provider. */
export function billableDeclarations(db: Reader, teacherId: string, role: Role): Promise<Dated[]> {
  return db
    .selectFrom('declarations')
    .select(['declaration_type', 'declaration_date'])
    .where('teacher_id', '=', teacherId)
    .where('role', '=', role)
    .where('payment_status', '<>', 'voided')
    .where('clawback_status', '=', 'none')
    .execute()
}

/** D-44 #17: the cohort of the teacher's TP in the role covering today, when payments-frozen today. */
export async function frozenCohortCoveringToday(db: Reader, teacherId: string, role: Role, today: string): Promise<number | null> {
  const row = await db
    .selectFrom('training_periods as tp')
    .innerJoin('cohorts as c', 'c.year', 'tp.cohort_year')
    .select('c.year')
    .where('tp.teacher_id', '=', teacherId)
    .where('tp.role', '=', role)
    .where('tp.started_on', '<=', today)
    .where((eb) => eb.or([eb('tp.finished_on', 'is', null), eb('tp.finished_on', '>', today)]))
    .where('c.payments_frozen_on', '<=', today)
    .limit(1)
    .executeTakeFirst()
  return row?.year ?? null
}

/** D-63: the lead provider's open statement in the cohort with the earliest cut-off ≥ today. */
export async function attachableStatement(db: Reader, leadProviderId: string, cohortYear: number, today: string): Promise<string | null> {
  const row = await db
    .selectFrom('statements')
    .select('id')
    .where('lead_provider_id', '=', leadProviderId)
    .where('cohort_year', '=', cohortYear)
    .where('status', '=', 'open')
    .where('cut_off_date', '>=', today)
    .orderBy('cut_off_date')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()
  return row?.id ?? null
}

/** D-48: the mentorships of an ECT at-school period. */
export function mentorshipsOf(db: Reader, ectPeriodId: string): Promise<Mentorship[]> {
  return db
    .selectFrom('mentorships')
    .select(['mentor_teacher_id', 'started_on', 'finished_on'])
    .where('ect_period_id', '=', ectPeriodId)
    .orderBy('started_on')
    .execute()
}

export async function insertDeclaration(tx: Tx, row: Insertable<DeclarationsTable>): Promise<void> {
  await tx.insertInto('declarations').values(row).execute()
}

/** D-51: the declaration if it is on a TP of the caller's own partnership; locked for the change. */
export function lockOwnDeclaration(tx: Tx, leadProviderId: string, id: string) {
  return tx
    .selectFrom('declarations as d')
    .innerJoin('training_periods as tp', 'tp.id', 'd.training_period_id')
    .selectAll('d')
    .select('tp.cohort_year')
    .where('d.id', '=', id)
    .where('d.lead_provider_id', '=', leadProviderId)
    .where('tp.partnership_id', 'is not', null)
    .forUpdate('d')
    .executeTakeFirst()
}

export type OwnDeclarationRow = NonNullable<Awaited<ReturnType<typeof lockOwnDeclaration>>>

export async function markVoided(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.updateTable('declarations').set({ payment_status: 'voided', voided_at: now, updated_at: now }).where('id', '=', id).execute()
}

export async function markAwaitingClawback(tx: Tx, id: string, statementId: string, now: Date): Promise<void> {
  await tx
    .updateTable('declarations')
    .set({ clawback_status: 'awaiting-clawback', clawback_statement_id: statementId, updated_at: now })
    .where('id', '=', id)
    .execute()
}

/** D-49: the latest billable-or-changeable mentor `completed` declaration of the teacher. */
export function latestMentorCompletion(db: Reader, teacherId: string) {
  return db
    .selectFrom('declarations')
    .select(['id', 'declaration_date'])
    .where('teacher_id', '=', teacherId)
    .where('role', '=', 'mentor')
    .where('declaration_type', '=', 'completed')
    .where('payment_status', '<>', 'voided')
    .where('clawback_status', '=', 'none')
    .orderBy('declaration_date', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** D-49: the at-school period of a TP and whether another TP of the teacher in the role starts later. */
export async function periodOfTraining(db: Reader, tp: { id: string; at_school_period_id: string; teacher_id: string; role: Role; started_on: string }) {
  const period = await db.selectFrom('at_school_periods').select(['id', 'started_on', 'finished_on']).where('id', '=', tp.at_school_period_id).executeTakeFirstOrThrow()
  const later = await db
    .selectFrom('training_periods')
    .select('id')
    .where('teacher_id', '=', tp.teacher_id)
    .where('role', '=', tp.role)
    .where('id', '<>', tp.id)
    .where('started_on', '>=', tp.started_on)
    .limit(1)
    .executeTakeFirst()
  return { period, laterTraining: later !== undefined }
}

export async function setMentorFunding(tx: Tx, teacherId: string, on: string | null, now: Date): Promise<void> {
  await tx
    .updateTable('teachers')
    .set({ mentor_ineligible_for_funding_on: on, mentor_ineligible_for_funding_reason: on === null ? null : 'completed_declaration_received', updated_at: now })
    .where('id', '=', teacherId)
    .execute()
}

export async function setTrainingFinish(tx: Tx, id: string, finishedOn: string, now: Date): Promise<void> {
  await tx.updateTable('training_periods').set({ finished_on: finishedOn, updated_at: now }).where('id', '=', id).execute()
}

/** D-49: a continuation of a finished mentor TP, same partnership and schedule, from its finish. */
export async function insertContinuation(
  tx: Tx,
  id: string,
  from: { at_school_period_id: string; teacher_id: string; role: Role; school_id: string; lead_provider_id: string; cohort_year: number; partnership_id: string; schedule_identifier: string },
  startedOn: string,
  finishedOn: string | null,
  now: Date,
): Promise<void> {
  await tx
    .insertInto('training_periods')
    .values({
      id,
      ...from,
      training_programme: 'provider_led',
      began_as_eoi: false,
      started_on: startedOn,
      finished_on: finishedOn,
      withdrawn_at: null,
      withdrawal_reason: null,
      deferred_at: null,
      deferral_reason: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
}

/** D-50: the teacher's `submitted` declarations in the role, any lead provider, with their TP's cohort. */
export function submittedDeclarations(tx: Tx, teacherId: string, role: Role) {
  return tx
    .selectFrom('declarations as d')
    .innerJoin('training_periods as tp', 'tp.id', 'd.training_period_id')
    .select(['d.id', 'd.lead_provider_id', 'tp.cohort_year'])
    .where('d.teacher_id', '=', teacherId)
    .where('d.role', '=', role)
    .where('d.payment_status', '=', 'submitted')
    .orderBy('d.created_at')
    .forUpdate('d')
    .execute()
}

export async function markEligible(tx: Tx, id: string, statementId: string, now: Date): Promise<void> {
  await tx.updateTable('declarations').set({ payment_status: 'eligible', statement_id: statementId, updated_at: now }).where('id', '=', id).execute()
}

/** D-86: the teacher's funding instants, locked so two decisions run one after the other. */
export function lockTeacherFunding(tx: Tx, id: string) {
  return tx.selectFrom('teachers').select(['id', 'ect_eligible_for_funding_at', 'mentor_eligible_for_funding_at']).where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function hasPeriodInRole(db: Reader, teacherId: string, role: Role): Promise<boolean> {
  const row = await db.selectFrom('at_school_periods').select('id').where('teacher_id', '=', teacherId).where('role', '=', role).limit(1).executeTakeFirst()
  return row !== undefined
}

export async function setEligibleForFundingAt(
  tx: Tx,
  teacherId: string,
  column: 'ect_eligible_for_funding_at' | 'mentor_eligible_for_funding_at',
  at: Date | null,
  now: Date,
): Promise<void> {
  await tx.updateTable('teachers').set({ [column]: at, updated_at: now }).where('id', '=', teacherId).execute()
}
