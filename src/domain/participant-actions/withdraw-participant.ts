// D-12: the lead provider withdraws a participant from the target TP; no new TP.
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { throwIfProblems } from '../../errors.ts'
import { finishedByToday, withdrawProblems } from './rules.ts'
import { updateTraining } from './store.ts'
import { asTarget, finish, loadScene } from './target.ts'

export type WithdrawInput = { reason: string | null; course_identifier: string | null }

export async function withdrawParticipant(tx: Tx, clock: Clock, leadProviderId: string, participantId: string, input: WithdrawInput): Promise<void> {
  const scene = await loadScene(tx, leadProviderId, participantId, input.course_identifier)
  throwIfProblems(withdrawProblems({ role: scene.role, tp: asTarget(scene.tp), reason: input.reason, today: clock.today }))
  const tp = scene.tp!
  const finishedOn = finishedByToday(tp.finished_on, clock.today)
  await updateTraining(tx, tp.id, { withdrawn_at: clock.now, withdrawal_reason: input.reason, finished_on: finishedOn, updated_at: clock.now })
  await finish(tx, clock, leadProviderId, { ...scene, tp }, {
    action: 'participant.withdrawn',
    data: { reason: input.reason },
    partnerships: finishedOn !== tp.finished_on ? [tp.partnership_id] : [],
    cohorts: finishedOn !== tp.finished_on ? [tp.cohort_year] : [],
  })
}
