// D-51: the owning lead provider voids a declaration; a paid one is clawed back instead.
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { NotFoundError, throwIfProblems, type Problem } from '../../errors.ts'
import { recordEvent } from '../events.ts'
import { applyMentorCompletion } from './mentor-completion.ts'
import { attachableStatement, lockOwnDeclaration, markAwaitingClawback, markVoided } from './store.ts'

const TITLE = 'participant_declaration_id'

export const VOID_TEXT = {
  refunded: 'The declaration will or has been refunded',
  // As upstream: no full stop (D-51).
  noStatement: (year: number) =>
    `You cannot submit or void declarations for the ${year} cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us`,
  voided: 'The declaration has already been voided.',
}

export async function voidDeclaration(tx: Tx, clock: Clock, leadProviderId: string, id: string): Promise<{ id: string }> {
  // The row lock makes two voids of one declaration run one after the other.
  const declaration = await lockOwnDeclaration(tx, leadProviderId, id)
  if (!declaration) throw new NotFoundError()
  const problems: Problem[] = []
  let action: 'declaration.voided' | 'declaration.clawback_requested'

  if (declaration.payment_status === 'paid') {
    if (declaration.clawback_status !== 'none') problems.push({ attribute: TITLE, detail: VOID_TEXT.refunded })
    const statementId = await attachableStatement(tx, leadProviderId, declaration.cohort_year, clock.today)
    if (statementId === null) problems.push({ attribute: TITLE, detail: VOID_TEXT.noStatement(declaration.cohort_year) })
    throwIfProblems(problems)
    await markAwaitingClawback(tx, id, statementId!, clock.now)
    action = 'declaration.clawback_requested'
  } else {
    if (declaration.payment_status === 'voided') problems.push({ attribute: TITLE, detail: VOID_TEXT.voided })
    throwIfProblems(problems)
    await markVoided(tx, id, clock.now)
    action = 'declaration.voided'
  }

  await recordEvent(tx, clock, { author: 'lead_provider', lead_provider_id: leadProviderId, action, subject_type: 'declaration', subject_id: id })
  if (declaration.role === 'mentor' && declaration.declaration_type === 'completed') {
    await applyMentorCompletion(tx, clock, declaration.teacher_id, leadProviderId)
  }
  return { id }
}
