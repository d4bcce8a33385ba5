// the constraint violations a race can still hit after the friendly checks — an
// exclusion (23P01), a unique index (23505), or a deferred R-10 trigger (23514) — become the same
// 422 as the slow path. The deferred triggers are forced to run inside the savepoint
// (SET CONSTRAINTS ALL IMMEDIATE) so that their failure is caught here and not at COMMIT.
import { sql } from 'kysely'
import type { Tx } from '../../db/transaction.ts'
import { InvalidError, type Problem } from '../../errors.ts'

const RACE_CODES = new Set(['23P01', '23505', '23514'])

/** The constraint named by a violation a race can hit, else null. PGlite and pg both set it. */
export function raceConstraint(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown }
    if (typeof code === 'string' && RACE_CODES.has(code)) return typeof constraint === 'string' ? constraint : code
  }
  return null
}

let savepoints = 0

/**
 * Runs the writes of a command and checks every deferred constraint at once. On a violation,
 * rolls back to before the writes and throws the 422 that `explain` gives for it: the command's
 * checks run again (they now see the concurrent winner's rows), else a fixed problem.
 */
export async function writeGuarded(tx: Tx, write: () => Promise<void>, explain: (constraint: string) => Promise<Problem[]>): Promise<void> {
  const name = sql.id(`participant_guard_${++savepoints}`)
  await sql`SAVEPOINT ${name}`.execute(tx)
  try {
    await write()
    await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(tx)
  } catch (error) {
    const constraint = raceConstraint(error)
    if (constraint === null) throw error
    await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(tx)
    throw new InvalidError(await explain(constraint))
  }
  await sql`SET CONSTRAINTS ALL DEFERRED`.execute(tx)
  await sql`RELEASE SAVEPOINT ${name}`.execute(tx)
}
