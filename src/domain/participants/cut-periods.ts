// cutting an at-school period's training and mentorships at a date F. The plans are
// pure (unit-tested with properties); applyCut writes them and notes what moved for the stamps.
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import type { Dated } from './rules.ts'
import { deleteMentorships, deleteTrainingPeriods, finishPeriod, mentorshipsOfPeriod, setMentorshipDates, setTrainingDates, trainingOfPeriod } from './store.ts'
import type { Touched } from './touched.ts'

export type CutTraining = Dated & { id: string; confirmed: boolean; awaiting: boolean }
export type TrainingStep =
  | { id: string; action: 'keep' }
  | { id: string; action: 'finish' | 'empty'; started_on: string; finished_on: string }
  | { id: string; action: 'delete' }

/**
 * R-12 at F. `deleteAwaiting`: a change of training withdraws an awaiting-partnership
 * period that runs past F instead of finishing it.
 */
export function planTrainingCut(periods: readonly CutTraining[], F: string, options: { deleteAwaiting: boolean }): TrainingStep[] {
  return periods.map((p): TrainingStep => {
    // Case 1: finished on or before F.
    if (p.finished_on !== null && p.finished_on <= F) return { id: p.id, action: 'keep' }
    // Case 2: started before F, running past it.
    if (p.started_on < F) {
      if (p.awaiting && options.deleteAwaiting) return { id: p.id, action: 'delete' }
      return { id: p.id, action: 'finish', started_on: p.started_on, finished_on: F }
    }
    // Case 3: starting on or after F: a confirmed one is kept as [F, F), any other deleted.
    if (p.confirmed) return { id: p.id, action: 'empty', started_on: F, finished_on: F }
    return { id: p.id, action: 'delete' }
  })
}

export type CutMentorship = Dated & { id: string }
export type MentorshipStep = { id: string; action: 'keep' } | { id: string; action: 'finish'; finished_on: string } | { id: string; action: 'delete' }

/** R-13 at F: mentorships starting on or after F are deleted; the one running past F finishes on F. */
export function planMentorshipCut(mentorships: readonly CutMentorship[], F: string): MentorshipStep[] {
  return mentorships.map((m): MentorshipStep => {
    if (m.started_on >= F) return { id: m.id, action: 'delete' }
    if (m.finished_on === null || m.finished_on > F) return { id: m.id, action: 'finish', finished_on: F }
    return { id: m.id, action: 'keep' }
  })
}

export type PeriodRef = { id: string; teacher_id: string; role: 'ect' | 'mentor'; school_id: string }

/** R-12 on the period's training at F; writes the plan and notes teachers, partnerships and cohorts. */
export async function cutTraining(tx: Tx, clock: Clock, period: PeriodRef, F: string, deleteAwaiting: boolean, touched: Touched): Promise<void> {
  const rows = await trainingOfPeriod(tx, period.id)
  const byId = new Map(rows.map((r) => [r.id, r]))
  const plan = planTrainingCut(
    rows.map((r) => ({
      id: r.id,
      started_on: r.started_on,
      finished_on: r.finished_on,
      confirmed: r.partnership_id !== null,
      awaiting: r.training_programme === 'provider_led' && r.partnership_id === null,
    })),
    F,
    { deleteAwaiting },
  )
  const deleted: string[] = []
  for (const step of plan) {
    if (step.action === 'keep') continue
    const row = byId.get(step.id)!
    touched.teacher(row.teacher_id).partnership(row.partnership_id).schoolCohort(row.school_id, row.cohort_year)
    if (step.action === 'delete') deleted.push(step.id)
    else await setTrainingDates(tx, step.id, step.started_on, step.finished_on, clock.now)
  }
  await deleteTrainingPeriods(tx, deleted)
}

/** R-13 on the period's mentorships (as mentee for an ECT period, as mentor for a mentor period). */
export async function cutMentorships(tx: Tx, clock: Clock, period: PeriodRef, F: string, touched: Touched): Promise<void> {
  const rows = await mentorshipsOfPeriod(tx, period.id, period.role)
  const byId = new Map(rows.map((r) => [r.id, r]))
  const deleted: string[] = []
  for (const step of planMentorshipCut(rows, F)) {
    if (step.action === 'keep') continue
    // the mentee's teacher moves, whichever side was cut; D-73: so does the mentor's, whose
    // unfunded-mentor stamp cannot read a deleted mentorship's.
    const row = byId.get(step.id)!
    touched.teacher(row.ect_teacher_id).teacher(row.mentor_teacher_id)
    if (step.action === 'delete') deleted.push(step.id)
    else await setMentorshipDates(tx, step.id, step.finished_on, clock.now)
  }
  await deleteMentorships(tx, deleted)
}

/**
 * R-31 and T-14: the period ends on F — its training and mentorships are cut at F,
 * `finished_on := F`, and `leaving_recorded_at` is set if it was null.
 */
export async function endPeriod(tx: Tx, clock: Clock, period: PeriodRef, F: string, touched: Touched): Promise<void> {
  await cutTraining(tx, clock, period, F, false, touched)
  await cutMentorships(tx, clock, period, F, touched)
  await finishPeriod(tx, period.id, F, clock.now)
  touched.teacher(period.teacher_id)
}
