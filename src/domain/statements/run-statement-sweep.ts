// D-62, S-7 (decided): the payable sweep, run at start-up and daily at 00:05 Europe/London on the
// real clock. One idempotent UPDATE per table, so several instances may run it at once: a second
// sweep waits on the first's row locks, then finds nothing left to move.
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { recordEvent } from '../events.ts'
import { markDeclarationsPayable, markStatementsPayable } from './store.ts'

export type SweepResult = { statements: number; declarations: number }

export async function runStatementSweep(tx: Tx, clock: Clock): Promise<SweepResult> {
  const statements = await markStatementsPayable(tx, clock.now, clock.today)
  const declarations = await markDeclarationsPayable(tx, clock.now)
  if (statements + declarations > 0) {
    await recordEvent(tx, clock, { author: 'system', action: 'statements.swept', subject_type: 'statement', subject_id: null, data: { statements, declarations } })
  }
  return { statements, declarations }
}
