// the operator records a mentor's funding end: date and reason, both or neither.
import type { Clock } from '../../clock.ts'
import type { MentorIneligibleReason } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'
import { Problems, say } from '../problems.ts'
import { updateFacts } from './record-induction.ts'
import { lockTeacher } from './store.ts'

export const MENTOR_FUNDING_FIELDS = ['mentor_ineligible_for_funding_on', 'mentor_ineligible_for_funding_reason'] as const

export type MentorFundingInput = { mentor_ineligible_for_funding_on?: string | null; mentor_ineligible_for_funding_reason?: MentorIneligibleReason | null }

export async function recordMentorFunding(
  tx: Tx,
  clock: Clock,
  teacherId: string,
  input: MentorFundingInput,
  problems: Problems = new Problems(MENTOR_FUNDING_FIELDS),
): Promise<{ id: string }> {
  const teacher = (await lockTeacher(tx, teacherId))!
  // Both given or both null: a missing one, or a null beside a value, is "Enter" under it.
  const [on, reason] = [input.mentor_ineligible_for_funding_on, input.mentor_ineligible_for_funding_reason]
  const bothNull = on === null && reason === null
  for (const field of MENTOR_FUNDING_FIELDS) {
    if (problems.has(field) || bothNull) continue
    if (input[field] === undefined || input[field] === null) problems.add(field, say.enter(field))
  }
  problems.throwIfAny()
  await updateFacts(tx, clock, teacher, { mentor_ineligible_for_funding_on: on!, mentor_ineligible_for_funding_reason: reason! }, 'teacher.mentor_funding_recorded')
  return { id: teacherId }
}
