// Q-4 … Q-6: every document table's stale documents for a date, built by `rect serve` in the
// background (serve-start.ts) and by the bench before it measures.
import { sql } from 'kysely'
import type { App } from '../app.ts'
import { systemClock } from '../clock.ts'
import { poolOf, type Db } from '../db/connect.ts'
import { runRepeatedly } from '../server.ts'
import { buildDocuments, name, type DocumentTable } from './build.ts'
import { whenDocumentsStale } from './merged.ts'
import { pageBuildsDone } from './page-builds.ts'
import { unbuilt } from './page-query.ts'
import { consumeInvalidations } from './log.ts'
import { participantDocuments } from './participants.ts'
import { partnershipDocuments } from './partnerships.ts'
import { schoolDocuments } from './schools.ts'
import { buildWhenWriting } from './write-through.ts'

/** How many documents one warm-up step builds. */
const BUILD_IN_STEP = 2000

/** Builds one scope's stale documents for `today`, step by step, until `signal` aborts; returns how many it built. */
async function warmScope<S>(db: Db, t: DocumentTable<S>, scope: S, today: string, signal?: AbortSignal): Promise<number> {
  return withoutParallelWorkers(db, async (one) => {
    let built = 0
    for (;;) {
      await pageBuildsDone()
      if (signal?.aborted) return built
      const step = await buildDocuments(one, t, scope, today, BUILD_IN_STEP)
      built += step.built
      if (!step.more || step.built === 0) return built
    }
  })
}

/**
 * Over PostgreSQL, `use` on one connection of the pool with parallel query off: a build's
 * derivation of 2,000 documents otherwise scans teachers with two parallel workers, three
 * processes for one statement, which on two cores takes them from the other build and from
 * requests (EXPLAIN ANALYZE, national data: 750 ms with the workers, 500 ms without).
 */
async function withoutParallelWorkers<T>(db: Db, use: (db: Db) => Promise<T>): Promise<T> {
  if (poolOf(db) === undefined) return use(db)
  return db.connection().execute(async (one) => {
    await sql`SET max_parallel_workers_per_gather = 0`.execute(one)
    try {
      return await use(one)
    } finally {
      await sql`RESET max_parallel_workers_per_gather`.execute(one)
    }
  })
}

/** Builds the table's stale documents for `today`, scope by scope, until `signal` aborts; returns how many it built. */
export async function warmDocuments<S>(db: Db, t: DocumentTable<S>, today: string, signal?: AbortSignal): Promise<number> {
  let built = 0
  for (const scope of await t.scopes(db)) built += await warmScope(db, t, scope, today, signal)
  return built
}

/**
 * The log consumed (its keys' documents marked stale, their new members added) until it is empty
 * or another consumer holds it, so the documents alone tell which scopes have stale ones.
 */
async function consumeLog(db: Db, signal?: AbortSignal): Promise<void> {
  while (!signal?.aborted) {
    await pageBuildsDone()
    const log = await consumeInvalidations(db)
    if (!log.more || log.busy) return
  }
}

/** Those of `scopes` with a document not built for `today`, in their order: one statement per table. */
export async function staleScopes<S>(db: Db, t: DocumentTable<S>, scopes: S[], today: string): Promise<S[]> {
  if (scopes.length === 0) return []
  const { rows } = await sql<{ scope: S }>`
    SELECT u.scope FROM unnest(${scopes}::${name(t.scope === 'cohort_year' ? 'integer[]' : 'uuid[]')}) WITH ORDINALITY AS u(scope, n)
    WHERE ${unbuilt(t, sql.ref('u.scope'), today)}
    ORDER BY u.n`.execute(db)
  return rows.map((r) => r.scope)
}

/**
 * Every table's stale documents, scope by scope, `workers` scopes at a time (two scopes never pick
 * the same documents; a process on two cores builds about twice as fast with two); stops between
 * steps once `signal` aborts (a closing server). The log is consumed first and only the scopes
 * with stale documents are visited: under a steady stream of writes a run builds the few each
 * write left, and visiting every scope of every table made it several times longer.
 */
export async function warmAllDocuments(
  db: Db,
  today: string,
  signal?: AbortSignal,
  workers = 2,
): Promise<{ participants: number; partnerships: number; schools: number }> {
  const built = { participants: 0, partnerships: 0, schools: 0 }
  const tables = [['participants', participantDocuments], ['partnerships', partnershipDocuments], ['schools', schoolDocuments]] as const
  const jobs: (() => Promise<void>)[] = []
  await consumeLog(db, signal)
  for (const [label, t] of tables) {
    const table = t as DocumentTable<unknown>
    for (const scope of await staleScopes(db, table, await table.scopes(db), today)) {
      // Not `built[label] += await …`: that reads built[label] before the await and loses the other worker's count.
      jobs.push(async () => {
        const n = await warmScope(db, table, scope, today, signal)
        built[label] += n
      })
    }
  }
  const worker = async () => {
    for (let job = jobs.shift(); job !== undefined && !signal?.aborted; job = jobs.shift()) await job()
  }
  await Promise.all(Array.from({ length: Math.max(1, workers) }, worker))
  return built
}

/** How soon a read that found documents stale (and derived them itself) brings the warm-up forward. */
const WAKE_AFTER_MS = 60

/**
 * Q-4 … Q-6: the stale documents built in the background for the real clock's date, first after
 * `firstAfterMs`, then `everyMs` after each run, and WAKE_AFTER_MS after a read finds some stale
 * (documents.ts), so reads under a steady stream of writes find them built again; and the
 * participant documents a command changes built in its own transaction (write-through.ts).
 */
export function warmDocumentsInBackground(app: App, db: Db, { firstAfterMs, everyMs }: { firstAfterMs: number; everyMs: number }): void {
  const { wake } = runRepeatedly(app, { firstAfterMs, everyMs, wakeAfterMs: WAKE_AFTER_MS }, async (signal) => {
    const built = await warmAllDocuments(db, systemClock().today, signal)
    // A bulk rebuild (a migration, a new day) is worth a line; the few each write leaves are not.
    const n = built.participants + built.partnerships + built.schools
    if (n > 0) app.log[n >= 1000 ? 'info' : 'debug']({ built }, 'documents built')
  }, 'documents warm-up')
  whenDocumentsStale(db, wake)
  // And the participant documents a command's writes change are built in its transaction.
  buildWhenWriting(db, () => systemClock().today)
}
