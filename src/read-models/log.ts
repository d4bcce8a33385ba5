// Reading the invalidation log (0016, dependencies.ts): consuming it before a build, and the
// pending keys a reader counts as stale documents.
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../db/connect.ts'
import type { DocumentKind } from './dependencies.ts'

/**
 * How many keys one consumption takes; a build with more pending says it has more to do. Few
 * enough that a page waiting to consume its own keys (consumeKeys) waits a moment, not seconds.
 */
const CONSUME_AT_ONCE = 2_000

/**
 * Marks the documents the pending keys name stale and adds the members they call for, in a
 * statement of its own. `more` when keys were left (too many, or another consumer was at it).
 */
export async function consumeInvalidations(db: Db): Promise<{ consumed: number; more: boolean; busy: boolean }> {
  const { rows } = await sql<{ n: number }>`SELECT document_invalidations_consume(${CONSUME_AT_ONCE}) AS n`.execute(db)
  const n = Number(rows[0]!.n)
  return n < 0 ? { consumed: 0, more: true, busy: true } : { consumed: n, more: n >= CONSUME_AT_ONCE, busy: false }
}

/** How many times a reader asks for the log while another consumer holds it. */
const CONSUME_TRIES = 20

/**
 * The log consumed as far as a reader needs: until no key was left, waiting a little while another
 * consumer holds it (its statement is short) rather than counting its keys as stale.
 */
export async function consumeAll(db: Db): Promise<void> {
  for (let i = 0; i < CONSUME_TRIES; i++) {
    const log = await consumeInvalidations(db)
    if (!log.more) return
    if (log.busy) await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/**
 * Feed.pageScoped: only these keys of the kind consumed (their documents marked, members added),
 * the rest of the log left to the warm-up; waits while another consumer holds the log.
 */
export async function consumeKeys(db: Db, kind: DocumentKind, ids: string[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT document_invalidations_consume_keys(${kind}, ${ids}::uuid[]) AS n`.execute(db)
  return Number(rows[0]!.n)
}

/** A pending key of the kind, for one document (`id`), one cohort's school documents, or any. */
export function pending(kind: DocumentKind, scope: { id?: string; cohortYear?: number } = {}): RawBuilder<boolean> {
  const id = scope.id === undefined ? sql`` : sql` AND id = ${scope.id}::uuid`
  const cohort = scope.cohortYear === undefined ? sql`` : sql` AND (cohort_year = ${scope.cohortYear}::integer OR cohort_year IS NULL)`
  return sql<boolean>`EXISTS (SELECT 1 FROM document_invalidations WHERE kind = ${kind}${id}${cohort})`
}
