// Reads and writes of the participant actions (D-10 … D-26). SQL only; decisions are in rules.ts.
import { sql, type Insertable } from 'kysely'
import type { Role, TrainingPeriodsTable } from '../../db/schema.ts'
import { enrolmentPreference } from '../../db/fragments.ts'
import type { Tx } from '../../db/transaction.ts'

/**
 * the teacher when they are one of the caller's participants, locked so that two
 * actions on one participant run one after the other and the second sees the first's periods.
 */
export function lockParticipant(tx: Tx, leadProviderId: string, participantId: string) {
  return tx
    .selectFrom('teachers as t')
    .selectAll('t')
    .where('t.id', '=', participantId)
    .where((eb) =>
      eb.exists(
        eb.selectFrom('training_periods as tp')
          .innerJoin('partnerships as p', 'p.id', 'tp.partnership_id')
          .select(sql.lit(1).as('one'))
          .whereRef('tp.teacher_id', '=', 't.id')
          .where('p.lead_provider_id', '=', leadProviderId),
      ),
    )
    .forUpdate('t')
    .executeTakeFirst()
}

export type ParticipantRow = NonNullable<Awaited<ReturnType<typeof lockParticipant>>>

/**
 * D-1: the caller's confirmed TP in the role with the greatest started_on (ties: a
 * non-empty one, then the latest created), with its at-school period's dates.
 */
export function targetTraining(tx: Tx, leadProviderId: string, teacherId: string, role: Role) {
  return tx
    .selectFrom('training_periods as tp')
    .innerJoin('at_school_periods as asp', 'asp.id', 'tp.at_school_period_id')
    .innerJoin('partnerships as p', 'p.id', 'tp.partnership_id')
    .selectAll('tp')
    .select(['asp.started_on as period_started_on', 'asp.finished_on as period_finished_on', 'p.delivery_partner_id'])
    .where('tp.teacher_id', '=', teacherId)
    .where('tp.role', '=', role)
    .where('tp.lead_provider_id', '=', leadProviderId)
    .where('tp.partnership_id', 'is not', null)
    .orderBy(enrolmentPreference)
    .limit(1)
    .executeTakeFirst()
}

export type TargetRow = NonNullable<Awaited<ReturnType<typeof targetTraining>>>

/** RS2: another TP of the at-school period, any lead provider, covers today. */
export async function otherTrainingCovers(tx: Tx, periodId: string, exceptId: string, today: string): Promise<boolean> {
  const row = await tx
    .selectFrom('training_periods')
    .select('id')
    .where('at_school_period_id', '=', periodId)
    .where('id', '!=', exceptId)
    .where('started_on', '<=', today)
    .where((eb) => eb.or([eb('finished_on', 'is', null), eb('finished_on', '>', today)]))
    .executeTakeFirst()
  return row !== undefined
}

/** The start of the first TP of the period starting after a day (a resumed TP stops there). */
export async function nextTrainingStart(tx: Tx, periodId: string, after: string): Promise<string | null> {
  const row = await tx
    .selectFrom('training_periods')
    .select('started_on')
    .where('at_school_period_id', '=', periodId)
    .where('started_on', '>', after)
    .orderBy('started_on')
    .limit(1)
    .executeTakeFirst()
  return row?.started_on ?? null
}

/** CS13: a provider-led TP of the teacher in the role, any lead provider or school, starting later. */
export async function laterProviderLedTraining(tx: Tx, teacherId: string, role: Role, after: string): Promise<boolean> {
  const row = await tx
    .selectFrom('training_periods')
    .select('id')
    .where('teacher_id', '=', teacherId)
    .where('role', '=', role)
    .where('training_programme', '=', 'provider_led')
    .where('started_on', '>', after)
    .executeTakeFirst()
  return row !== undefined
}

export function findCohort(tx: Tx, year: number) {
  return tx.selectFrom('cohorts').select(['year', 'payments_frozen_on']).where('year', '=', year).executeTakeFirst()
}

export async function scheduleExists(tx: Tx, year: number, identifier: string): Promise<boolean> {
  const row = await tx
    .selectFrom('schedules')
    .select('identifier')
    .where('cohort_year', '=', year)
    .where('identifier', '=', identifier as never)
    .executeTakeFirst()
  return row !== undefined
}

export function milestonesOf(tx: Tx, year: number, identifier: string) {
  return tx
    .selectFrom('milestones')
    .select(['declaration_type', 'start_date', 'milestone_date'])
    .where('cohort_year', '=', year)
    .where('schedule_identifier', '=', identifier as never)
    .execute()
}

/** CS7: every declaration on the TP, in any state. */
export function declarationsOnTraining(tx: Tx, trainingPeriodId: string) {
  return tx.selectFrom('declarations').select(['declaration_type', 'declaration_date']).where('training_period_id', '=', trainingPeriodId).execute()
}

/**
 * D-22, CS8: the caller's partnership at the school in the cohort with the given delivery
 * partner, else the most recently created one.
 */
export function partnershipFor(tx: Tx, leadProviderId: string, schoolId: string, year: number, deliveryPartnerId: string) {
  return tx
    .selectFrom('partnerships')
    .select(['id', 'delivery_partner_id'])
    .where('lead_provider_id', '=', leadProviderId)
    .where('school_id', '=', schoolId)
    .where('cohort_year', '=', year)
    .orderBy(sql`delivery_partner_id = ${deliveryPartnerId}`, 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function updateTraining(tx: Tx, id: string, changes: Partial<Insertable<TrainingPeriodsTable>> & { updated_at: Date }): Promise<void> {
  await tx.updateTable('training_periods').set(changes).where('id', '=', id).execute()
}

export async function insertTraining(tx: Tx, row: Insertable<TrainingPeriodsTable>): Promise<void> {
  await tx.insertInto('training_periods').values(row).execute()
}

/** D-9, D-26: the role's payments-frozen year. */
export async function setPaymentsFrozenYear(tx: Tx, teacherId: string, role: Role, year: number | null): Promise<void> {
  const column = role === 'ect' ? 'ect_payments_frozen_year' : 'mentor_payments_frozen_year'
  await tx.updateTable('teachers').set({ [column]: year }).where('id', '=', teacherId).execute()
}
