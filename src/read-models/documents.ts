// The stored documents (participant_documents 0008 with the transfers of 0010,
// partnership_documents 0009, school_documents 0012), each table described once (participants.ts,
// partnerships.ts, schools.ts) and read and checked for staleness here the same way (built in build.ts).
//
// A page is answered from the documents only when, in the statement's own snapshot, every
// document of its scope (the lead provider's, or the cohort's for schools) is built for the
// request's date: then it is exactly what the derivation (the feed's query.ts and serialize.ts)
// gives on that snapshot. Otherwise the stale ones are built first — by the request itself when
// there are few, else by the warm-up (warm-up.ts) while the derivation answers (respond.ts). A
// request with X-With-Server-Date builds them for its own date; the next request on another date
// builds them back (sandbox only, where they are few).
import type { Readable } from 'node:stream'
import { sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely'
import { poolOf, type Db } from '../db/connect.ts'
import { copyRows, inlineParameters } from '../db/copy-out.ts'
import { isLostRace } from '../db/faults.ts'
import { orderAndPage } from '../db/fragments.ts'
import type { Page } from '../api/common/paging.ts'
import type { SortKey } from '../api/common/sort.ts'
import type { DocumentKind } from './dependencies.ts'
import { consumeAll, consumeKeys, pending } from './log.ts'
import { buildDocuments, name, type DocumentTable } from './build.ts'
import { coalescer, type Coalescer } from './coalesce.ts'
import { mergedDocuments } from './merged.ts'

export type { ColumnType, DocumentTable, Step } from './build.ts'

/**
 * A response body's JSON text in pieces of a few dozen documents, so a page of 3,000 is written
 * out without ever being one string (Q-7), or over PostgreSQL a large page's bytes as they come
 * (copy-out.ts) with their length; 'stale' when a document it depends on is not built for the
 * request's date; 'not found' for a show whose id is not the caller's.
 */
export type DocumentsAnswer = { body: string[] } | { stream: Readable; bytes: number } | 'stale' | 'not found'

/** A feed served from a document table: the scope its request reads, its filters, its order and the text it serves. */
export type Feed<S, Q extends { today: string }, F, K extends string> = {
  documents: DocumentTable<S, any>
  /** The documents a request of the caller (a lead provider) reads. */
  scopeOf: (caller: string, request: Q) => S
  /** The rows of the table the feed lists (alias `d`); all of the scope when absent. */
  member?: RawBuilder<boolean>
  /** A document's text for the caller. */
  text: (caller: string) => RawBuilder<string | null>
  /** The built columns its member, text, filters and sort read (besides the member row's own): all a merged read derives (merged.ts). */
  columns: readonly string[]
  sortColumns: Record<K, Expression<unknown>>
  defaultSort: SortKey<K>[]
  /** The request's filters over the row (alias `d`); null when they can match nothing. */
  filters: (request: F) => RawBuilder<boolean>[] | null
  /**
   * Its members and their created_at order are the member rows alone, whatever the documents say:
   * an unfiltered page in created_at order is good when its own documents are, so it is served
   * while others of the scope are stale (a lead provider renamed, a migration), and a request
   * builds only its page's (Q-4 during a rebuild). Needs the table's pendingMembers.
   */
  pageScoped?: true
}

export type ListRequest<Q, F, K extends string> = Q & F & { sort: SortKey<K>[]; page: Page }
export type ShowRequest<Q> = Q & { id: string }

/** A show asks for one id; a list page never has one. */
export function isShow<Q extends { today: string }>(request: ListRequest<Q, unknown, string> | ShowRequest<Q>): request is ShowRequest<Q> {
  return 'id' in request
}

/** How many stale documents a request builds itself before it reads again; more wait for the warm-up. */
const BUILD_IN_REQUEST = 500
/** How many times a request builds and reads again before the derivation answers. */
const BUILD_ATTEMPTS = 3
const DOCUMENTS_PER_PIECE = 40
/**
 * Pages of at least `from` documents are read over PostgreSQL as bytes (copy-out.ts), in pieces
 * of `perPiece`; tests lower both.
 */
export const streaming = { from: 500, perPiece: DOCUMENTS_PER_PIECE }
const EMPTY = '{"data":[]}'

/** A pending key in the log that may name a document of the scope (or the one document `id`). */
function pendingOf<S>(t: DocumentTable<S>, scope: S, id?: string): RawBuilder<boolean> {
  // A school key names one cohort's documents or every cohort's; the other kinds' keys name a
  // document of every lead provider.
  const cohort = t.scope === 'cohort_year' ? { cohortYear: Number(scope) } : {}
  return pending(t.kind, id === undefined ? cohort : { id, ...cohort })
}

/** Any of the scope's documents not built for `today` (stale, built for another window, or a key pending). */
export function anyStale<S>(t: DocumentTable<S>, scope: S, today: string): RawBuilder<boolean> {
  return sql<boolean>`(
    ${pendingOf(t, scope)}
    OR EXISTS (SELECT 1 FROM ${name(t.table)} WHERE ${name(t.scope)} = ${scope} AND valid_until <= ${today}::date)
    OR EXISTS (SELECT 1 FROM ${name(t.table)} WHERE ${name(t.scope)} = ${scope} AND valid_from > ${today}::date))`
}

/** A list page (R-39, T-23, P-49, P-43) or a show (R-40, T-22, P-50, P-47) of the feed for the caller, from the documents. */
export function readDocuments<S, Q extends { today: string }, F, K extends string>(
  db: Db,
  feed: Feed<S, Q, F, K>,
  caller: string,
  request: ListRequest<Q, F, K> | ShowRequest<Q>,
): Promise<DocumentsAnswer> {
  return isShow<Q>(request) ? readOne(db, feed, caller, request) : readList(db, feed, caller, request)
}

async function readOne<S, Q extends { today: string }, F, K extends string>(db: Db, feed: Feed<S, Q, F, K>, caller: string, request: ShowRequest<Q>): Promise<DocumentsAnswer> {
  const t = feed.documents
  const scope = feed.scopeOf(caller, request)
  const { today, id } = request
  const { rows: [row] } = await sql<{ pending: boolean; found: boolean; built: boolean; shown: boolean | null; body: string | null }>`
    SELECT ${pendingOf(t, scope, id)} AS pending, d.${name(t.key)} IS NOT NULL AS found,
      d.valid_from <= ${today}::date AND d.valid_until > ${today}::date AS built,
      ${feed.member ?? sql`true`} AS shown, ${feed.text(caller)} AS body
    FROM (VALUES (1)) AS one (x)
    LEFT JOIN ${name(t.table)} d ON d.${name(t.scope)} = ${scope} AND d.${name(t.key)} = ${id}`.execute(db)
  if (row!.pending) return 'stale'
  // With no key pending the table holds every member of the scope (R-32, P-49, P-43): no row, not the caller's.
  if (!row!.found) return 'not found'
  if (!row!.built) return 'stale'
  // Built, but not in the feed: no transfer the caller sees (T-22), a school P-43 does not list (P-47).
  return row!.shown === true && row!.body !== null ? { body: [`{"data":${row!.body}}`] } : 'not found'
}

function readList<S, Q extends { today: string }, F, K extends string>(db: Db, feed: Feed<S, Q, F, K>, caller: string, request: ListRequest<Q, F, K>): Promise<DocumentsAnswer> {
  const query = pageQuery(db, feed, caller, request)
  return query === 'empty' ? Promise.resolve({ body: [EMPTY] }) : readPage(db, query)
}

/** A list request's page as readPage reads it; 'empty' when it can hold nothing. */
function pageQuery<S, Q extends { today: string }, F, K extends string>(
  db: Db,
  feed: Feed<S, Q, F, K>,
  caller: string,
  request: ListRequest<Q, F, K>,
  from?: RawBuilder<unknown>,
): PageQuery<K> | 'empty' {
  const filters = feed.filters(request)
  if (request.page.beyondEnd || filters === null) return 'empty'
  const t = feed.documents
  const scope = feed.scopeOf(caller, request)
  // The table is a descriptor's, so the builder is untyped here; the SQL is test/sql's snapshots.
  // `from`: the scope's documents with a few stale ones derived in their place (merged.ts).
  const k = db as unknown as Kysely<any>
  let members = (from === undefined ? k.selectFrom(`${t.table} as d`) : k.selectFrom(from.as('d'))).where(`d.${t.scope}`, '=', scope)
  if (feed.member !== undefined) members = members.where(feed.member)
  for (const filter of filters) members = members.where(filter)
  const inCreatedOrder = request.sort.every((k) => k.key === 'created_at')
  const byPage = feed.pageScoped === true && t.pendingMembers !== undefined && filters.length === 0 && inCreatedOrder
  return {
    members,
    body: feed.text(caller),
    key: sql`d.${name(t.key)}`,
    stale: byPage ? { page: request.today, kind: t.kind, members: t.pendingMembers!(scope) } : anyStale(t, scope, request.today),
    sort: request.sort,
    columns: feed.sortColumns,
    tieBreaker: sql`d.${name(t.key)}`,
    page: request.page,
    defaultSort: feed.defaultSort,
  }
}

/**
 * `{"data":[…]}` around the page's pieces, each piece its own string: prefixing one would make a
 * rope that every write flattens, a copy of the page (A/B: participants 3000 p95 +15 %).
 */
function listPieces(pieces: string[]): string[] {
  if (pieces.length === 0) return [EMPTY]
  const out = ['{"data":[', pieces[0]!]
  for (let i = 1; i < pieces.length; i++) out.push(',', pieces[i]!)
  out.push(']}')
  return out
}

/** The page's own documents are what is checked (Feed.pageScoped): built for `page`, none pending. */
type PageStale = { page: string; kind: DocumentKind; members: RawBuilder<boolean> }

/** A list page of a document table, as its reader filters and orders it. */
type PageQuery<K extends string> = {
  /** The table (alias `d`) with the filters of the request, nothing selected yet. */
  members: SelectQueryBuilder<any, any, object>
  /** A document's text for the caller. */
  body: RawBuilder<string | null>
  /** A document's key in its scope (alias `d`). */
  key: RawBuilder<string>
  /** True when a document the page may hold is not built for the request's date; or the page's own check. */
  stale: RawBuilder<boolean> | PageStale
  sort: SortKey<K>[]
  columns: Record<K, Expression<unknown>>
  tieBreaker: Expression<unknown>
  page: Page
  defaultSort: SortKey<K>[]
}

/** A page of the query's members, in the request's order with the tie-breaker last, each row numbered. */
function ordered<K extends string>(q: PageQuery<K>, selection: (members: SelectQueryBuilder<any, any, object>) => SelectQueryBuilder<any, any, object>) {
  const keys = q.sort.length > 0 ? q.sort : q.defaultSort
  const order = sql.join([...keys.map((k) => sql`${q.columns[k.key]} ${sql.raw(k.direction)}`), sql`${q.tieBreaker} asc`])
  const numbered = selection(q.members).select(sql<number>`row_number() OVER (ORDER BY ${order})`.as('n'))
  return orderAndPage(numbered, q.sort, q.columns, q.tieBreaker, q.page, q.defaultSort)
}

/**
 * The page's rows as `(body, n)` in order — with `fresh`, whether the row's document is good, when
 * the page is judged by its own documents (Feed.pageScoped) — read only when none the page may
 * hold is stale (a one-time filter); and whether the page is good and empty, which tells an empty
 * page from a stale one when no row came.
 */
function goodRows<K extends string>(q: PageQuery<K>): { rows: RawBuilder<unknown>; empty: RawBuilder<{ empty: boolean | null }>; byRow: boolean } {
  if (!('page' in q.stale)) {
    const stale = q.stale
    const rows = ordered(q, (m) => m.select(q.body.as('body')).where(sql<boolean>`NOT ${stale}`))
    const page = orderAndPage(q.members.select(sql`1`.as('one')), q.sort, q.columns, q.tieBreaker, q.page, q.defaultSort)
    return { rows: sql`${rows}`, byRow: false, empty: sql`
    SELECT CASE WHEN ${stale} THEN NULL ELSE NOT EXISTS (${page}) END AS empty` }
  }
  // Feed.pageScoped: each row's document built for the date with no key pending for it; and no
  // key pending for a member the scope does not hold yet. Read in one pass with the texts.
  const { page: today, kind, members } = q.stale
  // The log is looked up per row only when it holds a key of the kind at all (evaluated once).
  const fresh = sql<boolean>`(d.valid_from <= ${today}::date AND d.valid_until > ${today}::date
    AND (NOT EXISTS (SELECT 1 FROM document_invalidations WHERE kind = ${kind})
      OR NOT EXISTS (SELECT 1 FROM document_invalidations i WHERE i.kind = ${kind} AND i.id = ${q.key})))`
  const rows = ordered(q, (m) => m.select([q.body.as('body'), fresh.as('fresh')]).where(sql<boolean>`NOT ${members}`))
  const page = orderAndPage(q.members.select(sql`1`.as('one')), q.sort, q.columns, q.tieBreaker, q.page, q.defaultSort)
  return { rows: sql`${rows}`, byRow: true, empty: sql`SELECT NOT ${members} AND NOT EXISTS (${page}) AS empty` }
}

/** Feed.pageScoped: the page's keys, whether each is built for its date and pending in the log, and whether a new member is pending. */
async function keysOfPage<K extends string>(db: Db, q: PageQuery<K>): Promise<{ key: string; built: boolean; logged: boolean; members: boolean }[]> {
  if (!('page' in q.stale)) return []
  const { page: today, kind, members } = q.stale
  const window = ordered(q, (m) => m.select([q.key.as('key'), 'd.valid_from', 'd.valid_until']))
  const { rows } = await sql<{ key: string; built: boolean; logged: boolean; members: boolean }>`
    SELECT w.key, w.valid_from <= ${today}::date AND w.valid_until > ${today}::date AS built,
      EXISTS (SELECT 1 FROM document_invalidations i WHERE i.kind = ${kind} AND i.id = w.key) AS logged,
      ${members} AS members
    FROM (${window}) w`.execute(db)
  return rows
}

/**
 * A list page from a document table. PostgreSQL joins the page's documents, in order, into pieces
 * of DOCUMENTS_PER_PIECE (Q-4: 75 strings reach Node for a page of 3,000 rather than 3,000 rows;
 * a page's Node CPU fell from 12 to 4 ms, BENCHMARKS.md). They are read only if none is stale in
 * that statement's snapshot, so pieces mean the page is good. None means an empty page or a stale
 * document, which one more statement tells apart (an empty page is rare and cheap).
 */
async function readPage<K extends string>(db: Db, q: PageQuery<K>): Promise<DocumentsAnswer> {
  const { rows, empty, byRow } = goodRows(q)
  const pool = poolOf(db)
  const stream = pool !== undefined && q.page.perPage >= streaming.from
  if (stream || byRow) {
    // The page in pieces of DOCUMENTS_PER_PIECE, kept only when every row is fresh (a window over
    // the pieces). Streamed, PostgreSQL writes the body's brackets and commas too, and its length
    // comes with the first piece: the process only copies bytes from one socket to the other.
    const per = sql.lit(streaming.perPiece)
    // A page's row numbers count from its offset, so its first piece is the one with the least g.
    const framed = stream
      ? sql`CASE WHEN z.g = z.first THEN '{"data":[' ELSE ',' END || z.piece || CASE WHEN z.g = z.last THEN ']}' ELSE '' END`
      : sql`z.piece`
    const query = sql<{ bytes: number; piece: string }>`
      SELECT z.bytes, ${framed} AS piece FROM (
        SELECT p.piece, p.g, min(p.g) OVER () AS first, max(p.g) OVER () AS last, bool_and(p.fresh) OVER () AS good,
          (sum(octet_length(p.piece)) OVER () + count(*) OVER () - 1 + ${sql.lit(stream ? EMPTY.length : 0)})::int8 AS bytes
        FROM (SELECT string_agg(x.body, ',' ORDER BY x.n) AS piece, ${byRow ? sql`bool_and(x.fresh)` : sql`true`} AS fresh, (x.n - 1) / ${per} AS g
          FROM (${rows}) x GROUP BY (x.n - 1) / ${per}) p) z
      WHERE z.good ORDER BY z.g`
    if (stream) {
      const compiled = query.compile(db)
      const answer = await copyRows(pool, inlineParameters(compiled.sql, compiled.parameters))
      if (answer !== null) return { stream: answer.stream, bytes: Number(answer.first[0]!.readBigInt64BE()) }
    } else {
      const { rows: pieces } = await query.execute(db)
      if (pieces.length > 0) return { body: listPieces(pieces.map((r) => r.piece)) }
    }
  } else {
    const pieces = await piecesOf(db, rows)
    if (pieces.length > 0) return { body: listPieces(pieces) }
  }
  const { rows: [decided] } = await empty.execute(db)
  return decided?.empty === true ? { body: [EMPTY] } : 'stale'
}

/** The rows `(body, n)` joined in order into pieces of DOCUMENTS_PER_PIECE. */
async function piecesOf(db: Db, rows: RawBuilder<unknown>): Promise<string[]> {
  const { rows: pieces } = await sql<{ piece: string }>`
    SELECT string_agg(x.body, ',' ORDER BY x.n) AS piece FROM (${rows}) x
    GROUP BY (x.n - 1) / ${sql.lit(DOCUMENTS_PER_PIECE)} ORDER BY (x.n - 1) / ${sql.lit(DOCUMENTS_PER_PIECE)}`.execute(db)
  return pieces.map((r) => r.piece)
}

/**
 * A list page while a few of its scope's documents are stale: on one snapshot, those few derived
 * and the page read from the documents with them in place (merged.ts), without waiting for a
 * build. 'too many' when more are stale. Either way the process's warm-up is woken to build them.
 * Identical requests that arrive together share one such read (coalesce.ts).
 */
async function readMerged<S, Q extends { today: string }, F, K extends string>(
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

/**
 * The feed's answer from the documents; when one is stale, builds the scope's stale ones for the
 * request's date if they are few and reads once more. A page of a Feed.pageScoped feed builds its
 * own stale documents instead, however many of the scope's are. Still 'stale' (more than one
 * request builds, or writes or requests on another date marking them stale again meanwhile): the
 * caller derives.
 */
export async function answerFromDocuments<S, Q extends { today: string }, F, K extends string>(
  db: Db,
  feed: Feed<S, Q, F, K>,
  caller: string,
  request: ListRequest<Q, F, K> | ShowRequest<Q>,
): Promise<DocumentsAnswer> {
  const answer = await readDocuments(db, feed, caller, request)
  if (answer !== 'stale') return answer
  try {
    const query = isShow<Q>(request) ? 'empty' : pageQuery(db, feed, caller, request)
    if (query !== 'empty' && 'page' in query.stale) {
      await buildPage(db, feed.documents, feed.scopeOf(caller, request), query)
      return readPage(db, query)
    }
    // With a warm-up to build them (serve-start.ts), a few stale documents are derived by the read
    // itself; without one, the read builds them as below.
    if (query !== 'empty' && wakers.has(db)) {
      const merged = await readMerged(db, feed, caller, request as ListRequest<Q, F, K>)
      if (merged !== 'too many') return merged
    }
    // Writes keep adding keys to the log: a read that finds one pending again after building
    // builds those few too, a bounded number of times, before it leaves the answer to the derivation.
    for (let attempt = 0; attempt < BUILD_ATTEMPTS; attempt++) {
      await consumeAll(db)
      const { more } = await buildDocuments(db, feed.documents, feed.scopeOf(caller, request), request.today, BUILD_IN_REQUEST)
      if (more) return 'stale'
      const again = await readDocuments(db, feed, caller, request)
      if (again !== 'stale') return again
    }
    return 'stale'
  } catch (error) {
    // Building is only a shortcut: a build that lost a race leaves the answer to the derivation.
    if (isLostRace(error)) return 'stale'
    throw error
  }
}

/**
 * A page of more than `small` documents is built after the small pages' builds under way, and its
 * stale documents in up to `parts` parts at once, each of at least `small`; tests lower `small`.
 */
export const pageBuilding = { small: 500, parts: 2 }

/** Page builds under way in this process, so concurrent requests for one page wait for one build. */
const pageBuilds = new Map<string, Promise<void>>()
/** Those of pages of at most pageBuilding.small documents: a larger page's build lets them go first. */
const smallPageBuilds = new Set<Promise<void>>()

/**
 * Resolves once no page build of this process is under way: the warm-up (warm-up.ts) waits for
 * them between its steps, so a request's page is built on cores the warm-up is not also using.
 */
export async function pageBuildsDone(): Promise<void> {
  while (pageBuilds.size > 0) await Promise.allSettled([...pageBuilds.values()])
}

/**
 * Feed.pageScoped: the page's keys in the log consumed (so they are marked), or all of it when a
 * new member is pending (so it is added), then the page's stale documents built.
 */
function buildPage<S, K extends string>(db: Db, t: DocumentTable<S>, scope: S, q: PageQuery<K>): Promise<void> {
  const id = `${t.table} ${String(scope)} ${(q.stale as PageStale).page} ${JSON.stringify([q.page, q.sort])}`
  const running = pageBuilds.get(id)
  if (running !== undefined) return running
  const small = q.page.perPage <= pageBuilding.small
  const build = (async () => {
    // Only the page's own keys are taken from the log (a rename logs every member of the lead
    // provider: consuming them all first cost seconds); all of it when a new member is pending
    // (it may belong on this page) or the page is empty.
    const before = await keysOfPage(db, q)
    // A large page waits for the small ones under way (a page of 100 waits for no page of 3,000).
    if (!small) await Promise.allSettled([...smallPageBuilds])
    const logged = before.filter((r) => r.logged).map((r) => r.key)
    const whole = before.length === 0 || before[0]!.members
    if (whole) await consumeAll(db)
    else if (logged.length > 0) await consumeKeys(db, t.kind, logged)
    // Consuming a key marks its document stale: only the whole log's consumption (new members)
    // can change which rows the page holds.
    const after = whole ? await keysOfPage(db, q) : before
    const keys = after.filter((r) => !r.built || r.logged).map((r) => r.key)
    // A large page's documents in parts at once, over the pool's connections (one build a core).
    const parts = Math.min(pageBuilding.parts, Math.ceil(keys.length / pageBuilding.small))
    const size = Math.ceil(keys.length / Math.max(1, parts))
    const today = (q.stale as PageStale).page
    await Promise.all(Array.from({ length: parts }, (_, i) => keys.slice(i * size, (i + 1) * size))
      .map((part) => buildDocuments(db, t, scope, today, part.length, part)))
  })().finally(() => pageBuilds.delete(id))
  pageBuilds.set(id, build)
  if (small) {
    smallPageBuilds.add(build)
    void build.catch(() => {}).then(() => smallPageBuilds.delete(build))
  }
  return build
}
