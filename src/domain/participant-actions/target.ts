// What every participant action starts from (D-10, D-11): the caller's participant, locked, the
// role the course identifier names (D-2) and the target TP in it (D-1); and what each one ends
// with: the stamps (D-5, D-25) and the event naming the lead provider.
import type { Clock } from '../../clock.ts'
import type { Role } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'
import { NotFoundError } from '../../errors.ts'
import { recordEvent } from '../events.ts'
import { bumpPartnerships, bumpSchoolCohort, bumpTeachers } from '../stamps.ts'
import { roleOf, type TargetTraining } from './rules.ts'
import { lockParticipant, targetTraining, type ParticipantRow, type TargetRow } from './store.ts'

export type ActionScene = { teacher: ParticipantRow; role: Role | null; tp: TargetRow | null }

/** an unknown or foreign participant is the C-28 404, before any check. */
export async function loadScene(tx: Tx, leadProviderId: string, participantId: string, courseIdentifier: string | null): Promise<ActionScene> {
  const teacher = await lockParticipant(tx, leadProviderId, participantId)
  if (!teacher) throw new NotFoundError()
  const role = roleOf(courseIdentifier)
  const tp = role === null ? null : ((await targetTraining(tx, leadProviderId, teacher.id, role)) ?? null)
  return { teacher, role, tp }
}

export function asTarget(tp: TargetRow | null): TargetTraining | null {
  if (tp === null) return null
  return {
    role: tp.role,
    started_on: tp.started_on,
    finished_on: tp.finished_on,
    withdrawn_at: tp.withdrawn_at,
    deferred_at: tp.deferred_at,
    cohort_year: tp.cohort_year,
    schedule_identifier: tp.schedule_identifier ?? '',
  }
}

/**
 * R-14, P-36, P-37: the teacher, the partnerships whose attached periods changed and the school
 * cohorts of the periods; then the audit row with the lead provider as author (D-5).
 */
export async function finish(
  tx: Tx,
  clock: Clock,
  leadProviderId: string,
  scene: ActionScene & { tp: TargetRow },
  event: { action: string; data: Record<string, unknown>; partnerships: (string | null)[]; cohorts: number[] },
): Promise<void> {
  await bumpTeachers(tx, clock.now, [scene.teacher.id])
  await bumpPartnerships(tx, clock.now, event.partnerships)
  for (const year of new Set(event.cohorts)) await bumpSchoolCohort(tx, clock.now, scene.tp.school_id, year)
  await recordEvent(tx, clock, {
    author: 'lead_provider',
    lead_provider_id: leadProviderId,
    action: event.action,
    subject_type: 'participant',
    subject_id: scene.teacher.id,
    data: { training_period_id: scene.tp.id, role: scene.tp.role, ...event.data },
  })
}
