// D-49: after a mentor's `completed` declaration is created, voided or clawed back, the teacher's
// mentor funding facts and the mentor's TP with that lead provider follow what remains.
import { newId } from '../ids.ts'
import { londonDate, type Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { trainingStatusOf } from '../participants-feed/rules.ts'
import { bumpPartnerships } from '../stamps.ts'
import { completionFinish } from './rules.ts'
import { findTargetTraining, insertContinuation, latestMentorCompletion, periodOfTraining, setMentorFunding, setTrainingFinish } from './store.ts'

export async function applyMentorCompletion(tx: Tx, clock: Clock, teacherId: string, leadProviderId: string): Promise<void> {
  const { now, today } = clock
  const latest = await latestMentorCompletion(tx, teacherId)
  const tp = await findTargetTraining(tx, leadProviderId, teacherId, 'mentor')
  // D-5, R-14: a funding fact changes, so the teacher is bumped (setMentorFunding writes updated_at).
  await setMentorFunding(tx, teacherId, latest ? londonDate(latest.declaration_date) : null, now)
  if (!tp) return

  if (latest) {
    if (tp.finished_on !== null && tp.finished_on <= today) return
    const finish = completionFinish(londonDate(latest.declaration_date), tp.started_on)
    // Never lengthen a TP that already finishes earlier (it must stay inside its school period).
    if (tp.finished_on !== null && finish >= tp.finished_on) return
    await setTrainingFinish(tx, tp.id, finish, now)
    await bumpPartnerships(tx, now, [tp.partnership_id])
    return
  }

  // None remains: a finished TP continues while the mentor is still at the school. Not when the
  // TP was withdrawn or deferred (resuming is D-14's), nor when later training in the role exists
  // (the continuation would overlap it, R-10).
  if (tp.finished_on === null || tp.finished_on > today || trainingStatusOf(tp) !== 'active') return
  const { period, laterTraining } = await periodOfTraining(tx, tp)
  const covers = period.started_on <= today && (period.finished_on === null || today < period.finished_on)
  if (!covers || laterTraining) return
  await insertContinuation(
    tx,
    newId(tx, 'training-period'),
    {
      at_school_period_id: tp.at_school_period_id,
      teacher_id: tp.teacher_id,
      role: tp.role,
      school_id: tp.school_id,
      lead_provider_id: tp.lead_provider_id!,
      cohort_year: tp.cohort_year,
      partnership_id: tp.partnership_id!,
      schedule_identifier: tp.schedule_identifier!,
    },
    tp.finished_on,
    period.finished_on,
    now,
  )
  await bumpPartnerships(tx, now, [tp.partnership_id])
}
