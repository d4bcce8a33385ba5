// A list request over a document table as SQL (documents.ts reads it, merged.ts reads it over a
// few derived documents, page-builds.ts builds its stale ones): the feed's members in the
// request's order, paged, with the staleness check that decides whether the documents can answer.
import type { Readable } from 'node:stream'
import { sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely'
import type { Db } from '../db/connect.ts'
import { orderAndPage } from '../db/fragments.ts'
import type { Page } from '../api/common/paging.ts'
import type { SortKey } from '../api/common/sort.ts'
import type { DocumentKind } from './dependencies.ts'
import { pending } from './log.ts'
import { name, type DocumentTable } from './build.ts'

/**
 * A response body's JSON text in pieces of a few dozen documents, so a page of 3,000 is written
 * out without ever being one string (Q-7), or over PostgreSQL a large page's bytes as they come
 * (copy-out.ts) with their length, or a page's bytes kept from an earlier answer (page-copies.ts);
 * 'stale' when a document it depends on is not built for the request's date; 'not found' for a
 * show whose id is not the caller's. A page judged by its own documents may come with the digest
 * of its rows (page-copies.ts).
 */
export type DocumentsAnswer =
  | { body: string[]; digest?: string }
  | { buffer: Buffer }
  | { stream: Readable; bytes: number; digest?: string }
  | 'stale'
  | 'not found'

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

export const DOCUMENTS_PER_PIECE = 40
export const EMPTY = '{"data":[]}'

/** A scope's value as SQL, typed as its column is. */
export function scopeValue<S>(t: DocumentTable<S>, scope: S): RawBuilder<unknown> {
  return t.scope === 'cohort_year' ? sql`${scope}::integer` : sql`${scope}::uuid`
}

/** A pending key in the log that may name a document of the scope (or the one document `id`). */
export function pendingOf<S>(t: DocumentTable<S>, scope: S, id?: string): RawBuilder<boolean> {
  // A school key names one cohort's documents or every cohort's; the other kinds' keys name a
  // document of every lead provider.
  const cohort = t.scope === 'cohort_year' ? { cohortYear: Number(scope) } : {}
  return pending(t.kind, id === undefined ? cohort : { id, ...cohort })
}

/**
 * A document of the scope (a value, or a column of an outer query) stale or built for another
 * window than `today`'s: two index ranges (by_valid_until, by_valid_from).
 */
export function unbuilt<S>(t: DocumentTable<S>, scope: S | RawBuilder<unknown>, today: string): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM ${name(t.table)} WHERE ${name(t.scope)} = ${scope} AND valid_until <= ${today}::date)
    OR EXISTS (SELECT 1 FROM ${name(t.table)} WHERE ${name(t.scope)} = ${scope} AND valid_from > ${today}::date)`
}

/** Any of the scope's documents not built for `today` (stale, built for another window, or a key pending). */
export function anyStale<S>(t: DocumentTable<S>, scope: S, today: string): RawBuilder<boolean> {
  return sql<boolean>`(
    ${pendingOf(t, scope)}
    OR ${unbuilt(t, scope, today)})`
}

/** Feed.pageScoped: an unfiltered page in created_at order, judged by its own documents. */
export function judgedByPage<S, Q extends { today: string }, F, K extends string>(feed: Feed<S, Q, F, K>, request: ListRequest<Q, F, K>, filters = feed.filters(request)): boolean {
  return feed.pageScoped === true && feed.documents.pendingMembers !== undefined && filters !== null && filters.length === 0
    && request.sort.every((k) => k.key === 'created_at')
}

/** A list request's page as readPage reads it; 'empty' when it can hold nothing. */
export function pageQuery<S, Q extends { today: string }, F, K extends string>(
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
  const byPage = judgedByPage(feed, request, filters)
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
export function listPieces(pieces: string[]): string[] {
  if (pieces.length === 0) return [EMPTY]
  const out = ['{"data":[', pieces[0]!]
  for (let i = 1; i < pieces.length; i++) out.push(',', pieces[i]!)
  out.push(']}')
  return out
}

/** The page's own documents are what is checked (Feed.pageScoped): built for `page`, none pending. */
export type PageStale = { page: string; kind: DocumentKind; members: RawBuilder<boolean> }

/** A list page of a document table, as its reader filters and orders it. */
export type PageQuery<K extends string> = {
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

/**
 * A page of the query's members, in the request's order with the tie-breaker last, each row
 * numbered from 1. Numbered after the page is cut, not before: a window over the filtered rows
 * sorted every one of them in full before the limit applied (a poll with updated_since over 3,741
 * recent documents: 19.5 ms, sorting 4 MB on disk), where the limit alone keeps only the page's
 * rows (top-N: 10.0 ms).
 */
export function ordered<K extends string>(q: PageQuery<K>, selection: (members: SelectQueryBuilder<any, any, object>) => SelectQueryBuilder<any, any, object>): RawBuilder<unknown> {
  const keys = q.sort.length > 0 ? q.sort : q.defaultSort
  const sortColumns = [...keys.map((k, i) => sql`${q.columns[k.key]}`.as(`sort_${i}`)), sql`${q.tieBreaker}`.as('sort_tie')]
  const page = orderAndPage(selection(q.members).select(sortColumns), q.sort, q.columns, q.tieBreaker, q.page, q.defaultSort)
  const order = sql.join([...keys.map((k, i) => sql`cut.${sql.raw(`sort_${i}`)} ${sql.raw(k.direction)}`), sql`cut.sort_tie asc`])
  return sql`SELECT cut.*, row_number() OVER (ORDER BY ${order}) AS n FROM (${page}) cut`
}

/** The rows `(body, n)` joined in order into pieces of DOCUMENTS_PER_PIECE. */
export async function piecesOf(db: Db, rows: RawBuilder<unknown>): Promise<string[]> {
  const { rows: pieces } = await sql<{ piece: string }>`
    SELECT string_agg(x.body, ',' ORDER BY x.n) AS piece FROM (${rows}) x
    GROUP BY (x.n - 1) / ${sql.lit(DOCUMENTS_PER_PIECE)} ORDER BY (x.n - 1) / ${sql.lit(DOCUMENTS_PER_PIECE)}`.execute(db)
  return pieces.map((r) => r.piece)
}
