// The one way to open a write transaction: one command, one transaction (STYLE).
import type { Transaction } from 'kysely'
import type { Db } from './connect.ts'
import type { Database } from './schema.ts'

export type Tx = Transaction<Database>

/** PostgreSQL aborted the transaction to break a deadlock, or as a serialization failure. */
const RETRYABLE = new Set(['40P01', '40001'])
const ATTEMPTS = 3

export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && RETRYABLE.has(code)
}

/**
 * Runs `fn` in one transaction. A transaction PostgreSQL aborted as a deadlock victim or a
 * serialization failure wrote nothing, so it is run again (at most three times in all): commands
 * only touch the database, and two commands locking rows in different orders then both succeed
 * instead of one answering 500.
 */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return retried(() =>
    db.transaction().execute(async (tx) => {
      const result = await fn(tx)
      await lastSteps.get(db)?.(tx)
      return result
    }),
  )
}

/** Per database, what every `inTransaction` command runs last, in its transaction (whenCommitting). */
const lastSteps = new WeakMap<Db, (tx: Tx) => Promise<void>>()

/**
 * `step` runs at the end of every command's transaction over `db`, after its writes and before it
 * commits (read-models/write-through.ts: the documents the writes changed, built in the same
 * transaction); null removes it.
 */
export function whenCommitting(db: Db, step: ((tx: Tx) => Promise<void>) | null): void {
  if (step === null) lastSteps.delete(db)
  else lastSteps.set(db, step)
}

/**
 * A command whose every write is one statement, which is its transaction (Q-4: no round trips for
 * BEGIN and COMMIT); its reads before that statement see what they would inside a READ COMMITTED
 * transaction, since they lock nothing. Run again as `inTransaction` is.
 */
export function inOneStatement<T>(db: Db, fn: (db: Db) => Promise<T>): Promise<T> {
  return retried(() => fn(db))
}

async function retried<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error
    }
  }
}
