// Constraint violations a command expects (STYLE: transactions and invariants; ): the
// write runs under a savepoint so that, when a concurrent request won the race, the transaction
// is still usable and the command can re-run its checks, which now see the winner's rows. A race
// can hit an exclusion (23P01), a unique index (23505), or a deferred R-10 trigger, which raises
// a check violation (23514) naming its rule.
import { sql } from 'kysely'
import { InvalidError, type Problem } from '../errors.ts'
import type { Tx } from './transaction.ts'

const RACE_CODES = new Set(['23505', '23P01', '23514'])

/**
 * The constraint named by a violation a race can hit (its SQLSTATE when it names none), else
 * null. PGlite and pg both set it, on the error or on one of its causes.
 */
export function violatedConstraint(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown }
    if (typeof code === 'string' && RACE_CODES.has(code)) return typeof constraint === 'string' ? constraint : code
  }
  return null
}

let savepoints = 0

type Expected = readonly string[] | 'any'

/**
 * Runs `write` under a savepoint; when it violates an `expected` constraint ('any': every
 * constraint a race can hit), rolls back to before it and returns that constraint's name. Any
 * other failure is rethrown untouched. With `deferred`, the deferred constraints (the R-10
 * triggers) are checked inside the savepoint (SET CONSTRAINTS ALL IMMEDIATE), so that their
 * failure is caught here and not at COMMIT, and deferred again afterwards.
 */
export async function writeOrConflict(
  tx: Tx,
  expected: Expected,
  write: () => Promise<unknown>,
  { deferred = false }: { deferred?: boolean } = {},
): Promise<string | null> {
  const name = sql.id(`guard_${++savepoints}`)
  await sql`SAVEPOINT ${name}`.execute(tx)
  try {
    await write()
    if (deferred) await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(tx)
  } catch (error) {
    const constraint = violatedConstraint(error)
    if (constraint === null || (expected !== 'any' && !expected.includes(constraint))) throw error
    await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(tx)
    return constraint
  }
  if (deferred) await sql`SET CONSTRAINTS ALL DEFERRED`.execute(tx)
  await sql`RELEASE SAVEPOINT ${name}`.execute(tx)
  return null
}

/**
 * The participant commands' form (R-11): every constraint a race can hit, deferred ones
 * included; on a violation, throws the 422 that `explain` gives for it — the command's checks
 * run again (they now see the concurrent winner's rows), else a fixed problem.
 */
export async function writeGuarded(tx: Tx, write: () => Promise<void>, explain: (constraint: string) => Promise<Problem[]>): Promise<void> {
  const constraint = await writeOrConflict(tx, 'any', write, { deferred: true })
  if (constraint !== null) throw new InvalidError(await explain(constraint))
}

/** What a command does when the re-run checks still find nothing to report: a plain failure. */
export function unexplainedConflict(constraint: string): Error {
  return new Error(`constraint ${constraint} was violated but the re-check found no problem`)
}
