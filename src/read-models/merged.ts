// A list read while a few of its scope's documents are stale (schools and lead providers writing:
// each write leaves a key in the log, Q-4's mixed row): rather than wait for a build, the read
// derives those few itself, on the same snapshot as the documents it reads, and reads the page
// from the scope's documents with the derived ones in place of the stale. The answer is the
// derivation's on that snapshot; nothing is stored (the warm-up, woken, builds them).
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../db/connect.ts'
import { arrayOf, name, unnested, type DocumentTable } from './build.ts'
import { coalescer, type Coalescer } from './coalesce.ts'
import { EMPTY, listPieces, ordered, pageQuery, piecesOf, scopeValue, type DocumentsAnswer, type Feed, type ListRequest } from './page-query.ts'

/**
 * How many stale documents a read derives on its own snapshot; with more, it builds or derives
 * the page (documents.ts). Tests lower it. Under the mixed row's 50 writes/s a lead provider had
 * more than 100 stale between two runs of the warm-up (about a second each) in 26 of 42 reads,
 * and each of those built: poll p95 2.6 s and 756 ms with 100, 371 and 133 ms with 300 (A/B).
 */
export const merging = { atMost: 300 }

/**
 * The keys of the scope's documents not built for `today` and the keys of the kind pending in the
 * log (any lead provider's: the derivation tells which are the scope's members), up to `limit`
 * rows. UNION ALL, so the limit stops the scan (UNION read every stale document first): a key may
 * come twice, so `limit` rows may stand for fewer keys, and the caller counts rows, not keys.
 */
async function staleKeys<S>(db: Db, t: DocumentTable<S>, scope: S, today: string, limit: number): Promise<string[]> {
  const [table, key, scoped] = [name(t.table), name(t.key), name(t.scope)]
  // A school key names one cohort's documents or every cohort's.
  const cohort = t.scope === 'cohort_year' ? sql` AND (cohort_year = ${scope}::integer OR cohort_year IS NULL)` : sql``
  const { rows } = await sql<{ key: string }>`
    SELECT ${key} AS key FROM ${table} WHERE ${scoped} = ${scopeValue(t, scope)} AND valid_until <= ${today}::date
    UNION ALL SELECT ${key} FROM ${table} WHERE ${scoped} = ${scopeValue(t, scope)} AND valid_from > ${today}::date
    UNION ALL SELECT id FROM document_invalidations WHERE kind = ${t.kind}${cohort}
    LIMIT ${limit}`.execute(db)
  return rows.map((r) => r.key)
}

/**
 * The scope's documents as a relation with the scope, the key, the member row's own columns and
 * the built `columns` the feed reads, the stale ones derived for `today` in their place; null when
 * more than merging.atMost are stale. Run every statement of the read on one snapshot (repeatable
 * read): then the documents kept are those built and not pending in it, and the derived ones are
 * its own. Only those columns are derived: a participants page derives neither the transfers kept
 * beside each document nor the days it holds for (two of a participant derivation's three statements).
 */
export async function mergedDocuments<S, C extends string>(db: Db, t: DocumentTable<S, C>, scope: S, today: string, columns: readonly C[]): Promise<RawBuilder<unknown> | null> {
  const rows = await staleKeys(db, t, scope, today, merging.atMost + 1)
  if (rows.length > merging.atMost) return null
  const keys = [...new Set(rows)]
  const [table, key, scoped] = [name(t.table), name(t.key), name(t.scope)]
  const built = [...columns]
  const own = Object.keys(t.memberRows.columns)
  const selected = sql.join([scoped, key, ...own.map(name), ...built.map(name)])
  const kept = sql`SELECT ${selected} FROM ${table} WHERE ${scoped} = ${scopeValue(t, scope)} AND NOT (${key} = ANY(${keys}::uuid[]))`
  // A key the derivation leaves out is no member of the scope (any more): not on the page.
  const derived = keys.length === 0 ? [] : await t.derive(db, scope, today, keys, built)
  if (derived.length === 0) return sql`(${kept})`
  const values = sql.join([
    arrayOf('uuid', derived.map((d) => d.key)),
    ...built.map((c) => arrayOf(t.columns[c], derived.map((d) => d.values[c]))),
  ])
  return sql`(${kept}
    UNION ALL
    SELECT ${scopeValue(t, scope)}, v.${key}, ${sql.join([...own.map((c) => sql`m.${name(c)}`), ...built.map((c) => unnested(t.columns[c], c))])}
    FROM unnest(${values}) AS v(${sql.join([key, ...built.map(name)])})
    JOIN (${t.memberRows.rows(derived.map((d) => d.key))}) m ON m.${key} = v.${key})`
}

/**
 * A list page while a few of its scope's documents are stale: on one snapshot, those few derived
 * and the page read from the documents with them in place (mergedDocuments), without waiting for
 * a build. 'too many' when more are stale. Either way the process's warm-up is woken to build them.
 * Identical requests that arrive together share one such read (coalesce.ts).
 */
export async function readMerged<S, Q extends { today: string }, F, K extends string>(
  db: Db,
  feed: Feed<S, Q, F, K>,
  caller: string,
  request: ListRequest<Q, F, K>,
): Promise<DocumentsAnswer | 'too many'> {
  const t = feed.documents
  const merge = () => db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (trx) => {
    const from = await mergedDocuments(trx, t, feed.scopeOf(caller, request), request.today, feed.columns)
    if (from === null) return 'too many' as const
    const query = pageQuery(trx, feed, caller, request, from)
    if (query === 'empty') return { body: [EMPTY] }
    const pieces = await piecesOf(trx, sql`${ordered(query, (m) => m.select(query.body.as('body')))}`)
    return { body: listPieces(pieces) }
  })
  const answer = await mergesOf(db, feed)(`${caller} ${JSON.stringify(request)}`, merge)
  wakers.get(db)?.()
  return answer
}

/** Per database and feed, the merged reads under way (coalesce.ts). */
const merges = new WeakMap<Db, WeakMap<object, Coalescer<DocumentsAnswer | 'too many'>>>()

function mergesOf(db: Db, feed: object): Coalescer<DocumentsAnswer | 'too many'> {
  let feeds = merges.get(db)
  if (feeds === undefined) merges.set(db, (feeds = new WeakMap()))
  let c = feeds.get(feed)
  if (c === undefined) feeds.set(feed, (c = coalescer()))
  return c
}

/** Per database, what wakes its process's warm-up (serve-start.ts). */
const wakers = new WeakMap<Db, () => void>()

/** `wake` is called when a read found documents stale and answered without building them. */
export function whenDocumentsStale(db: Db, wake: () => void): void {
  wakers.set(db, wake)
}

/** Whether a warm-up builds the database's stale documents in this process (documents.ts merges only then). */
export function hasWarmUp(db: Db): boolean {
  return wakers.has(db)
}
