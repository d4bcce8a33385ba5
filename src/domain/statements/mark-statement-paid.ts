// D-85: the operator marks a payable statement paid: its payable declarations are paid and those
// awaiting clawback on it are clawed back, in one transaction.
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { InvalidError, NotFoundError } from '../../errors.ts'
import { applyMentorCompletion } from '../declarations/mentor-completion.ts'
import { recordEvent } from '../events.ts'
import { STATEMENT_TEXT } from './rules.ts'
import { lockStatement, markClawedBack, markDeclarationsPaid, markStatementPaid as markPaid } from './store.ts'

export async function markStatementPaid(tx: Tx, clock: Clock, id: string): Promise<{ paid: number; clawed_back: number }> {
  const statement = await lockStatement(tx, id)
  if (!statement) throw new NotFoundError()
  if (statement.status !== 'payable') throw new InvalidError([{ attribute: 'status', detail: STATEMENT_TEXT.notPayable }])
  const paid = await markDeclarationsPaid(tx, id, clock.now)
  const clawedBack = await markClawedBack(tx, id, clock.now)
  await markPaid(tx, id, clock.now)
  // D-49 after a clawback of a mentor's completion.
  for (const d of clawedBack) {
    if (d.role === 'mentor' && d.declaration_type === 'completed') await applyMentorCompletion(tx, clock, d.teacher_id, d.lead_provider_id)
  }
  await recordEvent(tx, clock, { author: 'operator', action: 'statement.paid', subject_type: 'statement', subject_id: id, data: { paid, clawed_back: clawedBack.length } })
  return { paid, clawed_back: clawedBack.length }
}
