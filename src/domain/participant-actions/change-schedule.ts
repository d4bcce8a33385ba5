// D-20 … D-26: the lead provider moves a participant to another schedule, and possibly cohort.
import { newId } from '../ids.ts'
import type { Clock } from '../../clock.ts'
import type { ScheduleIdentifier } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'
import { throwIfProblems } from '../../errors.ts'
import { changeScheduleProblems, continuationEnd, finishedByToday, isPaymentsFrozen, type ChangeScheduleFacts } from './rules.ts'
import {
  declarationsOnTraining,
  findCohort,
  insertTraining,
  laterProviderLedTraining,
  milestonesOf,
  partnershipFor,
  scheduleExists,
  setPaymentsFrozenYear,
  updateTraining,
  type TargetRow,
} from './store.ts'
import { asTarget, finish, loadScene, type ActionScene } from './target.ts'

export type ChangeScheduleInput = { schedule_identifier: string | null; course_identifier: string | null; cohort: string | null }

export async function changeSchedule(tx: Tx, clock: Clock, leadProviderId: string, participantId: string, input: ChangeScheduleInput): Promise<void> {
  const scene = await loadScene(tx, leadProviderId, participantId, input.course_identifier)
  const facts = await loadFacts(tx, clock, leadProviderId, scene, input)
  throwIfProblems(changeScheduleProblems(facts))
  const tp = scene.tp!
  const target = facts.targetCohort!
  const identifier = input.schedule_identifier as ScheduleIdentifier
  // D-22: the partnership stays unless the cohort changes (CS8 found one then).
  const partnership =
    target.year === tp.cohort_year
      ? { id: tp.partnership_id!, cohort: tp.cohort_year }
      : { id: (await partnershipFor(tx, leadProviderId, tp.school_id, target.year, tp.delivery_partner_id))!.id, cohort: target.year }

  const inPlace = tp.started_on >= clock.today || (tp.role === 'ect' && scene.teacher.induction_completed_on !== null && identifier.startsWith('ecf-reduced-'))
  let newTrainingPeriodId: string | null = null
  if (inPlace) {
    // D-24 (and D-23's exception): schedule, partnership and so cohort replaced on the TP itself.
    await updateTraining(tx, tp.id, { schedule_identifier: identifier, partnership_id: partnership.id, cohort_year: partnership.cohort, updated_at: clock.now })
  } else {
    newTrainingPeriodId = await continueOnNewSchedule(tx, clock, tp, identifier, partnership)
  }
  await frozenCohortBookkeeping(tx, clock, scene, tp, target)
  await finish(tx, clock, leadProviderId, { ...scene, tp }, {
    action: 'participant.schedule_changed',
    data: {
      from: { cohort: tp.cohort_year, schedule_identifier: tp.schedule_identifier },
      to: { cohort: partnership.cohort, schedule_identifier: identifier },
      new_training_period_id: newTrainingPeriodId,
    },
    partnerships: [tp.partnership_id, partnership.id],
    cohorts: [tp.cohort_year, partnership.cohort],
  })
}

/** D-23: the TP finishes today; a new one on the same at-school period starts today. */
async function continueOnNewSchedule(tx: Tx, clock: Clock, tp: TargetRow, identifier: ScheduleIdentifier, partnership: { id: string; cohort: number }): Promise<string> {
  const { today, now } = clock
  await updateTraining(tx, tp.id, { finished_on: finishedByToday(tp.finished_on, today), updated_at: now })
  const id = newId(tx, 'training-period')
  await insertTraining(tx, {
    id,
    at_school_period_id: tp.at_school_period_id,
    teacher_id: tp.teacher_id,
    role: tp.role,
    school_id: tp.school_id,
    training_programme: 'provider_led',
    lead_provider_id: tp.lead_provider_id,
    cohort_year: partnership.cohort,
    partnership_id: partnership.id,
    schedule_identifier: identifier,
    began_as_eoi: false,
    started_on: today,
    finished_on: continuationEnd(tp.finished_on, tp.period_finished_on, today),
    withdrawn_at: null,
    withdrawal_reason: null,
    deferred_at: null,
    deferral_reason: null,
    created_at: now,
    updated_at: now,
  })
  return id
}

/** D-26: leaving a frozen cohort records its year; entering one (CS9 allowed it) clears it. */
async function frozenCohortBookkeeping(tx: Tx, clock: Clock, scene: ActionScene, tp: TargetRow, target: { year: number; payments_frozen_on: string | null }) {
  if (target.year === tp.cohort_year) return
  const from = await findCohort(tx, tp.cohort_year)
  if (isPaymentsFrozen(target, clock.today)) await setPaymentsFrozenYear(tx, scene.teacher.id, tp.role, null)
  else if (from && isPaymentsFrozen(from, clock.today)) await setPaymentsFrozenYear(tx, scene.teacher.id, tp.role, from.year)
}

/** D-20: the target cohort and everything D-21's checks look at. */
async function loadFacts(tx: Tx, clock: Clock, leadProviderId: string, scene: ActionScene, input: ChangeScheduleInput): Promise<ChangeScheduleFacts> {
  const { teacher, role, tp } = scene
  const named = input.cohort !== null && /^\d{1,4}$/.test(input.cohort) ? await findCohort(tx, Number(input.cohort)) : undefined
  const targetCohort = named ?? (tp === null ? null : ((await findCohort(tx, tp.cohort_year)) ?? null))
  const id = input.schedule_identifier
  const targetScheduleExists = targetCohort !== null && id !== null && (await scheduleExists(tx, targetCohort.year, id))
  const needsDeclarations = tp !== null && targetScheduleExists && tp.started_on >= clock.today
  return {
    role,
    tp: asTarget(tp),
    scheduleIdentifier: id,
    targetCohort,
    targetScheduleExists,
    declarations: needsDeclarations ? await declarationsOnTraining(tx, tp.id) : [],
    targetMilestones: needsDeclarations ? await milestonesOf(tx, targetCohort.year, id) : [],
    partnershipInTargetCohort:
      tp !== null && targetCohort !== null && (await partnershipFor(tx, leadProviderId, tp.school_id, targetCohort.year, tp.delivery_partner_id)) !== undefined,
    paymentsFrozenYear: role === 'mentor' ? teacher.mentor_payments_frozen_year : teacher.ect_payments_frozen_year,
    induction_completed_on: teacher.induction_completed_on,
    mentor_ineligible_for_funding_on: teacher.mentor_ineligible_for_funding_on,
    laterTraining: tp !== null && (await laterProviderLedTraining(tx, teacher.id, tp.role, tp.started_on)),
    today: clock.today,
  }
}
