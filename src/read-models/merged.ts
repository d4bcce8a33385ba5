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
 * come twice, so `limit` rows may stand for fewer keys, and the caller counts rows, not keys. Each
 * key comes with the count of writes to its document this snapshot sees (Derivations), null
 * when the scope has no document for it yet.
 */
async function staleKeys<S>(db: Db, t: DocumentTable<S>, scope: S, today: string, limit: number): Promise<{ rows: number; keys: Map<string, string | null> }> {
  const [table, key, scoped] = [name(t.table), name(t.key), name(t.scope)]
  // A school key names one cohort's documents or every cohort's.
  const cohort = t.scope === 'cohort_year' ? sql` AND (cohort_year = ${scope}::integer OR cohort_year IS NULL)` : sql``
  // Each key's document looked up by its primary key, row by row (a subquery, never a join the
  // planner could turn into a scan of the scope's documents).
  const { rows } = await sql<{ key: string; logged: boolean; count: string | null; table: string }>`
    SELECT s.key, s.logged, (SELECT d.logged FROM ${table} d WHERE d.${scoped} = ${scopeValue(t, scope)} AND d.${key} = s.key) AS count,
      pg_relation_filenode(${t.table}::regclass)::text AS table
    FROM (
      SELECT ${key} AS key, false AS logged FROM ${table} WHERE ${scoped} = ${scopeValue(t, scope)} AND valid_until <= ${today}::date
      UNION ALL SELECT ${key}, false FROM ${table} WHERE ${scoped} = ${scopeValue(t, scope)} AND valid_from > ${today}::date
      UNION ALL SELECT id, true FROM document_invalidations WHERE kind = ${t.kind}${cohort}
      LIMIT ${limit}) s`.execute(db)
  const writes = new Map<string, bigint | null>()
  for (const r of rows) {
    const seen = writes.get(r.key)
    const before = seen === undefined ? (r.count === null ? null : BigInt(r.count)) : seen
    writes.set(r.key, before === null ? null : before + (r.logged ? 1n : 0n))
  }
  // The table's file, which TRUNCATE replaces (a sandbox reset): counts start again from 0 there.
  const file = rows[0]?.table ?? ''
  return { rows: rows.length, keys: new Map([...writes].map(([k, n]) => [k, n === null ? null : `${file}:${n}`])) }
}

/**
 * Documents merged reads derived, each with the count of writes to it the snapshot it was derived
 * on saw: its `logged` (0020) and its keys pending in the log. From a document's insertion on,
 * every write that can change it appends its key to the log in its own transaction, and consuming
 * a key deletes it and adds one to `logged` in one statement: of two snapshots, the later sees
 * every write the earlier sees, so when both count the same they see the same writes, and the
 * derivation for the same date is the same. So under the mixed row's writes a read derives only
 * the documents written since the last read, not every one the warm-up has not built yet (merged
 * reads derived 66 a read at the median, 199 at p95), nor again when the warm-up consumes their
 * keys. A key with no document yet (a new member) is derived every time: its earlier keys may
 * have been consumed unseen. Null: the derivation left the key out (not a member).
 */
export type Derivations = Map<string, { state: string; derived: { key: string; values: Record<string, unknown> } | null }>

/** How many derivations a process keeps (about 1 kB each), the least recently used dropped first. */
export const derivationsKept = { atMost: 5_000 }

/**
 * The scope's documents as a relation with the scope, the key, the member row's own columns and
 * the built `columns` the feed reads, the stale ones derived for `today` in their place; null when
 * more than merging.atMost are stale. Run every statement of the read on one snapshot (repeatable
 * read): then the documents kept are those built and not pending in it, and the derived ones are
 * its own. Only those columns are derived: a participants page derives neither the transfers kept
 * beside each document nor the days it holds for (two of a participant derivation's three statements).
 */
export async function mergedDocuments<S, C extends string>(
  db: Db,
  t: DocumentTable<S, C>,
  scope: S,
  today: string,
  columns: readonly C[],
  derivations: Derivations = new Map(),
): Promise<RawBuilder<unknown> | null> {
  const stale = await staleKeys(db, t, scope, today, merging.atMost + 1)
  if (stale.rows > merging.atMost) return null
  const keys = [...stale.keys.keys()]
  const id = (k: string) => `${String(scope)} ${k} ${today} ${columns.join(',')}`
  const known = new Map<string, { key: string; values: Record<string, unknown> } | null>()
  for (const k of keys) {
    const entry = derivations.get(id(k))
    if (entry === undefined || stale.keys.get(k) === null || entry.state !== stale.keys.get(k)) continue
    // Used again: moved to the end, the most recently used.
    derivations.delete(id(k))
    derivations.set(id(k), entry)
    known.set(k, entry.derived)
  }
  const unknown = keys.filter((k) => !known.has(k))
  const fresh = unknown.length === 0 ? [] : await t.derive(db, scope, today, unknown, columns)
  const found = new Map(fresh.map((d) => [d.key, d]))
  for (const k of unknown) {
    const derived = found.get(k) ?? null
    known.set(k, derived)
    derivations.delete(id(k))
    const state = stale.keys.get(k)
    if (state !== null && state !== undefined) derivations.set(id(k), { state, derived })
  }
  for (const k of derivations.keys()) {
    if (derivations.size <= derivationsKept.atMost) break
    derivations.delete(k)
  }
  // A key the derivation leaves out is no member of the scope (any more): not on the page.
  const derived = [...known.values()].filter((d) => d !== null) as { key: string; values: Record<C, unknown> }[]
  const [table, key, scoped] = [name(t.table), name(t.key), name(t.scope)]
  const built = [...columns]
  const own = Object.keys(t.memberRows.columns)
  const selected = sql.join([scoped, key, ...own.map(name), ...built.map(name)])
  const documents = sql`SELECT ${selected} FROM ${table} WHERE ${scoped} = ${scopeValue(t, scope)} AND NOT (${key} = ANY(${keys}::uuid[]))`
  if (derived.length === 0) return sql`(${documents})`
  const values = sql.join([
    arrayOf('uuid', derived.map((d) => d.key)),
    ...built.map((c) => arrayOf(t.columns[c], derived.map((d) => d.values[c]))),
  ])
  return sql`(${documents}
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
    const from = await mergedDocuments(trx, t, feed.scopeOf(caller, request), request.today, feed.columns, derivationsOf(db))
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

/** Per database, the derivations its merged reads keep. */
const derivationsByDb = new WeakMap<Db, Derivations>()

function derivationsOf(db: Db): Derivations {
  let d = derivationsByDb.get(db)
  if (d === undefined) derivationsByDb.set(db, (d = new Map()))
  return d
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
