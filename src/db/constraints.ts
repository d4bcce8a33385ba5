// Constraint violations a command expects (STYLE: transactions and invariants, Q-10): the write
// runs under a savepoint so that, when a concurrent request won the race, the transaction is
// still usable and the command can re-run its checks, which now see the winner's row.
import { sql } from 'kysely'
import type { Tx } from './transaction.ts'

const UNIQUE_VIOLATION = '23505'
const EXCLUSION_VIOLATION = '23P01'

/** The constraint a unique or exclusion violation names, else null. PGlite and pg both set it. */
export function violatedConstraint(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown }
    if ((code === UNIQUE_VIOLATION || code === EXCLUSION_VIOLATION) && typeof constraint === 'string') return constraint
  }
  return null
}

let savepoints = 0

/**
 * Runs `write`; when it violates one of `expected`, rolls back to before it and returns that
 * constraint's name. Any other failure is rethrown untouched.
 */
export async function writeOrConflict(tx: Tx, expected: readonly string[], write: () => Promise<unknown>): Promise<string | null> {
  const name = sql.id(`guard_${++savepoints}`)
  await sql`SAVEPOINT ${name}`.execute(tx)
  try {
    await write()
  } catch (error) {
    const constraint = violatedConstraint(error)
    if (constraint === null || !expected.includes(constraint)) throw error
    await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(tx)
    return constraint
  }
  await sql`RELEASE SAVEPOINT ${name}`.execute(tx)
  return null
}

/** What a command does when the re-run checks still find nothing to report: a plain failure. */
export function unexplainedConflict(constraint: string): Error {
  return new Error(`constraint ${constraint} was violated but the re-check found no problem`)
}
