// the operator records an ECT's induction facts; absent fields keep their value, null
// clears. The teacher and every partnership of their confirmed training (P-36) move.
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { recordEvent } from '../events.ts'
import { Problems } from '../problems.ts'
import { bumpPartnerships, bumpTeachers } from '../stamps.ts'
import { text } from './rules.ts'
import { lockTeacher, partnershipsOfTeacher, type TeacherRow } from './store.ts'

export const INDUCTION_FIELDS = ['induction_started_on', 'induction_completed_on', 'latest_induction_period_finished_on'] as const

type Fact = (typeof INDUCTION_FIELDS)[number]
export type InductionInput = Partial<Record<Fact, string | null>>

export async function recordInduction(
  tx: Tx,
  clock: Clock,
  teacherId: string,
  input: InductionInput,
  problems: Problems = new Problems(INDUCTION_FIELDS),
): Promise<{ id: string }> {
  const teacher = (await lockTeacher(tx, teacherId))!
  const next = { ...pick(teacher, INDUCTION_FIELDS), ...input }
  if (problems.allValid('induction_started_on', 'induction_completed_on')) {
    const { induction_started_on: started, induction_completed_on: completed } = next
    if (started && completed && completed < started) problems.add('induction_completed_on', text.inductionOrder)
  }
  problems.throwIfAny()
  await updateFacts(tx, clock, teacher, input, 'teacher.induction_recorded')
  return { id: teacherId }
}

export function pick<K extends keyof TeacherRow>(teacher: TeacherRow, keys: readonly K[]): Pick<TeacherRow, K> {
  return Object.fromEntries(keys.map((k) => [k, teacher[k]])) as Pick<TeacherRow, K>
}

/** Writes the facts that differ from the stored ones and moves the stamps (R-14, P-36). */
export async function updateFacts(tx: Tx, clock: Clock, teacher: TeacherRow, changes: Partial<TeacherRow>, action: string): Promise<void> {
  const changed = Object.entries(changes).filter(([key, value]) => value !== undefined && teacher[key as keyof TeacherRow] !== value)
  if (changed.length === 0) return
  await tx.updateTable('teachers').set(Object.fromEntries(changed)).where('id', '=', teacher.id).execute()
  await bumpTeachers(tx, clock.now, [teacher.id])
  await bumpPartnerships(tx, clock.now, await partnershipsOfTeacher(tx, teacher.id))
  await recordEvent(tx, clock, { author: 'operator', action, subject_type: 'teacher', subject_id: teacher.id, data: Object.fromEntries(changed) })
}
