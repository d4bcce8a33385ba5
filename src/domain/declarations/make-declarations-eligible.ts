// D-50: when a role becomes funding-eligible (R-22 step 5, D-86), every `submitted` declaration of
// that teacher and role, from any lead provider, becomes `eligible` on its lead provider's earliest
// open statement of the declaration's cohort with a cut-off ≥ today. (decided) Without one it
// stays `submitted`.
import type { Clock } from '../../clock.ts'
import type { Role } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'
import { recordEvent } from '../events.ts'
import { attachableStatement, markEligible, submittedDeclarations } from './store.ts'

/** Returns how many declarations became eligible. */
export async function makeDeclarationsEligible(tx: Tx, clock: Clock, teacherId: string, role: Role): Promise<number> {
  let count = 0
  for (const declaration of await submittedDeclarations(tx, teacherId, role)) {
    const statementId = await attachableStatement(tx, declaration.lead_provider_id, declaration.cohort_year, clock.today)
    if (statementId === null) continue
    await markEligible(tx, declaration.id, statementId, clock.now)
    await recordEvent(tx, clock, {
      author: 'system',
      lead_provider_id: declaration.lead_provider_id,
      action: 'declaration.eligible',
      subject_type: 'declaration',
      subject_id: declaration.id,
      data: { statement_id: statementId },
    })
    count++
  }
  return count
}
