// D-84: the operator marks an open statement whose cut-off has passed payable, as the sweep would.
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { InvalidError, NotFoundError } from '../../errors.ts'
import { recordEvent } from '../events.ts'
import { payableProblems } from './rules.ts'
import { lockStatement, markDeclarationsPayable, markStatementsPayable } from './store.ts'

export async function markStatementPayable(tx: Tx, clock: Clock, id: string): Promise<{ declarations: number }> {
  const statement = await lockStatement(tx, id)
  if (!statement) throw new NotFoundError()
  const problems = payableProblems(statement, clock.today)
  if (problems.length > 0) throw new InvalidError(problems.map(([attribute, detail]) => ({ attribute, detail })))
  await markStatementsPayable(tx, clock.now, clock.today, id)
  const declarations = await markDeclarationsPayable(tx, clock.now, id)
  await recordEvent(tx, clock, { author: 'operator', action: 'statement.payable', subject_type: 'statement', subject_id: id, data: { declarations } })
  return { declarations }
}
