// D-86 (decided): DfE's funding decision for one role of a participant, made by the operator.
import type { Clock } from '../../clock.ts'
import type { Role } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'
import { NotFoundError } from '../../errors.ts'
import { recordEvent } from '../events.ts'
import type { Problems } from '../problems.ts'
import { makeDeclarationsEligible } from './make-declarations-eligible.ts'
import { hasPeriodInRole, lockTeacherFunding, setEligibleForFundingAt } from './store.ts'

export const NEVER_IN_ROLE = 'This participant has never been registered in that role.'

export type FundingDecision = { role: Role; eligible: boolean }

/** `problems` holds what the wire reading found (C-76); the role check is added to it. */
export async function setFundingEligibility(
  tx: Tx,
  clock: Clock,
  teacherId: string,
  decision: Partial<FundingDecision>,
  problems: Problems,
): Promise<{ eligible_for_funding_at: Date | null; declarations_made_eligible: number }> {
  const teacher = await lockTeacherFunding(tx, teacherId)
  if (!teacher) throw new NotFoundError()
  if (decision.role !== undefined && !problems.has('course_identifier') && !(await hasPeriodInRole(tx, teacherId, decision.role))) {
    problems.add('course_identifier', NEVER_IN_ROLE)
  }
  problems.throwIfAny()
  const { role, eligible } = decision as FundingDecision
  const column = role === 'ect' ? 'ect_eligible_for_funding_at' : 'mentor_eligible_for_funding_at'
  const current = teacher[column]
  const at = eligible ? (current ?? clock.now) : null
  // the teacher is bumped whatever the value was.
  await setEligibleForFundingAt(tx, teacherId, column, at, clock.now)
  const made = eligible ? await makeDeclarationsEligible(tx, clock, teacherId, role) : 0
  await recordEvent(tx, clock, {
    author: 'operator',
    action: 'participant.funding_eligibility_set',
    subject_type: 'teacher',
    subject_id: teacherId,
    data: { role, eligible, declarations_made_eligible: made },
  })
  return { eligible_for_funding_at: at, declarations_made_eligible: made }
}
