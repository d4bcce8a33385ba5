// D-13: the lead provider defers a participant on the target TP; no new TP.
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { throwIfProblems } from '../../errors.ts'
import { deferProblems, finishedByToday } from './rules.ts'
import { updateTraining } from './store.ts'
import { asTarget, finish, loadScene } from './target.ts'

export type DeferInput = { reason: string | null; course_identifier: string | null }

export async function deferParticipant(tx: Tx, clock: Clock, leadProviderId: string, participantId: string, input: DeferInput): Promise<void> {
  const scene = await loadScene(tx, leadProviderId, participantId, input.course_identifier)
  throwIfProblems(deferProblems({ role: scene.role, tp: asTarget(scene.tp), reason: input.reason, today: clock.today }))
  const tp = scene.tp!
  const finishedOn = finishedByToday(tp.finished_on, clock.today)
  await updateTraining(tx, tp.id, { deferred_at: clock.now, deferral_reason: input.reason, finished_on: finishedOn, updated_at: clock.now })
  await finish(tx, clock, leadProviderId, { ...scene, tp }, {
    action: 'participant.deferred',
    data: { reason: input.reason },
    partnerships: finishedOn !== tp.finished_on ? [tp.partnership_id] : [],
    cohorts: finishedOn !== tp.finished_on ? [tp.cohort_year] : [],
  })
}
