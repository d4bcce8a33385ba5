// D-14: the old TP stays withdrawn or deferred; a new TP on the same at-school period,
// partnership and schedule starts today.
import { newId } from '../ids.ts'
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { throwIfProblems } from '../../errors.ts'
import { resumeProblems } from './rules.ts'
import { insertTraining, nextTrainingStart, otherTrainingCovers } from './store.ts'
import { asTarget, finish, loadScene } from './target.ts'

export type ResumeInput = { course_identifier: string | null }

export async function resumeParticipant(tx: Tx, clock: Clock, leadProviderId: string, participantId: string, input: ResumeInput): Promise<{ trainingPeriodId: string }> {
  const { today, now } = clock
  const scene = await loadScene(tx, leadProviderId, participantId, input.course_identifier)
  const tp = scene.tp
  const otherCoversToday = tp !== null && (await otherTrainingCovers(tx, tp.at_school_period_id, tp.id, today))
  const schoolPeriod = tp === null ? null : { started_on: tp.period_started_on, finished_on: tp.period_finished_on }
  throwIfProblems(resumeProblems({ role: scene.role, tp: asTarget(tp), otherCoversToday, schoolPeriod, today }))
  const old = tp!
  // (decided) A TP of the period already planned to start later keeps its place: the resumed one
  // stops where it starts, instead of overlapping it.
  const next = await nextTrainingStart(tx, old.at_school_period_id, today)
  const finishedOn = next ?? old.period_finished_on
  const id = newId(tx, 'training-period')
  await insertTraining(tx, {
    id,
    at_school_period_id: old.at_school_period_id,
    teacher_id: old.teacher_id,
    role: old.role,
    school_id: old.school_id,
    training_programme: 'provider_led',
    lead_provider_id: old.lead_provider_id,
    cohort_year: old.cohort_year,
    partnership_id: old.partnership_id,
    schedule_identifier: old.schedule_identifier,
    began_as_eoi: false,
    started_on: today,
    finished_on: finishedOn,
    withdrawn_at: null,
    withdrawal_reason: null,
    deferred_at: null,
    deferral_reason: null,
    created_at: now,
    updated_at: now,
  })
  await finish(tx, clock, leadProviderId, { ...scene, tp: old }, {
    action: 'participant.resumed',
    data: { resumed_training_period_id: id },
    partnerships: [old.partnership_id],
    cohorts: [old.cohort_year],
  })
  return { trainingPeriodId: id }
}
