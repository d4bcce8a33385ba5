// The stored documents (participant_documents 0008 with the transfers of 0010,
// partnership_documents 0009, school_documents 0012), each table described once (participants.ts,
// partnerships.ts, schools.ts) and read and checked for staleness here the same way: a list
// request's SQL in page-query.ts, built in build.ts, a read that derives a few stale documents
// itself in merged.ts, a page that builds its own in page-builds.ts.
//
// A page is answered from the documents only when, in the statement's own snapshot, every
// document of its scope (the lead provider's, or the cohort's for schools) is built for the
// request's date: then it is exactly what the derivation (the feed's query.ts and serialize.ts)
// gives on that snapshot. Otherwise the stale ones are built first — by the request itself when
// there are few, else by the warm-up (warm-up.ts) while the derivation answers (respond.ts). A
// request with X-With-Server-Date builds them for its own date; the next request on another date
// builds them back (sandbox only, where they are few).
import { sql, type RawBuilder } from 'kysely'
import { poolOf, type Db } from '../db/connect.ts'
import { copyRows, inlineParameters } from '../db/copy-out.ts'
import { isLostRace } from '../db/faults.ts'
import { orderAndPage } from '../db/fragments.ts'
import { consumeAll } from './log.ts'
import { buildDocuments, name, type DocumentTable } from './build.ts'
import { hasWarmUp, readMerged } from './merged.ts'
import { buildPage } from './page-builds.ts'
import { knownStateOf, lastChangeOf, readCopied, type ScopeState } from './page-copies.ts'
import { DOCUMENTS_PER_PIECE, EMPTY, isShow, judgedByPage, listPieces, ordered, pageQuery, pendingOf, piecesOf, type DocumentsAnswer, type Feed, type ListRequest, type PageQuery, type PageStale, type ShowRequest } from './page-query.ts'

export type { ColumnType, DocumentTable, Step } from './build.ts'
export type { DocumentsAnswer, Feed, ListRequest, ShowRequest } from './page-query.ts'
export { isShow } from './page-query.ts'

/** How many stale documents a request builds itself before it reads again; more wait for the warm-up. */
const BUILD_IN_REQUEST = 500
/** How many times a request builds and reads again before the derivation answers. */
const BUILD_ATTEMPTS = 3
/**
 * Pages of at least `from` documents are read over PostgreSQL as bytes (copy-out.ts), in pieces
 * of `perPiece`; tests lower both.
 */
export const streaming = { from: 500, perPiece: DOCUMENTS_PER_PIECE }

/**
 * A list page (R-39, T-23, P-49, P-43) or a show (R-40, T-22, P-50, P-47) of the feed for the
 * caller, from the documents; a list page from its copy when it is good (page-copies.ts), unless
 * `again` (the same request reading once more after a build).
 */
export function readDocuments<S, Q extends { today: string }, F, K extends string>(
  db: Db,
  feed: Feed<S, Q, F, K>,
  caller: string,
  request: ListRequest<Q, F, K> | ShowRequest<Q>,
  again = false,
  known?: ScopeState | null,
): Promise<DocumentsAnswer> {
  return isShow<Q>(request) ? readOne(db, feed, caller, request) : readList(db, feed, caller, request, again, known)
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

function readList<S, Q extends { today: string }, F, K extends string>(db: Db, feed: Feed<S, Q, F, K>, caller: string, request: ListRequest<Q, F, K>, again: boolean, known?: ScopeState | null): Promise<DocumentsAnswer> {
  const query = () => pageQuery(db, feed, caller, request)
  const read = (digest = false) => {
    const q = query()
    return q === 'empty' ? Promise.resolve({ body: [EMPTY] }) : readPage(db, q, digest)
  }
  if (again || request.page.beyondEnd || feed.filters(request) === null) return read()
  const t = feed.documents
  const scope = feed.scopeOf(caller, request)
  const byPage = judgedByPage(feed, request)
  // A page not judged by its own documents is stale while any key is pending for its scope: when
  // the token's lookup read one (Q-4's mixed row: writes keep keys pending), the page is not read.
  if (!byPage && knownStateOf(known, t, scope)?.pending === true) return Promise.resolve('stale')
  const check = byPage ? () => pageCheck(db, t, scope, query() as PageQuery<K>) : undefined
  // The caller is part of the key: a school's text depends on it (P-27, P-31). The page's SQL is
  // built only when the copy cannot answer.
  return readCopied(db, feed, t, scope, `${caller} ${JSON.stringify(request)}`, read, check, known, request.page.perPage < streaming.from)
}

/** Feed.pageScoped: a row's key and row version (xmin), which any change to the row replaces. */
const stampOf = (q: PageQuery<string>) => sql<string>`${q.key}::text || ':' || d.xmin::text`

/**
 * Feed.pageScoped (page-copies.ts): in one snapshot, the scope's last change and the digest of the
 * page's rows, null unless every one is good and no new member is pending, as readPage reads them.
 */
async function pageCheck<S, K extends string>(db: Db, t: DocumentTable<S>, scope: S, q: PageQuery<K>): Promise<{ changedBy: string | null; digest: string | null }> {
  const rows = ordered(q, (m) => m.select([stampOf(q).as('stamp'), freshOf(q).as('fresh')]).where(sql<boolean>`NOT ${(q.stale as PageStale).members}`))
  const { rows: [row] } = await sql<{ changed_by: string | null; digest: string | null }>`
    SELECT ${lastChangeOf(t, scope)} AS changed_by,
      (SELECT CASE WHEN bool_and(x.fresh) THEN md5(string_agg(x.stamp, ',' ORDER BY x.n)) END FROM (${rows}) x) AS digest`.execute(db)
  return { changedBy: row!.changed_by, digest: row!.digest }
}

/** Feed.pageScoped: the row's document built for the page's date, no key pending for it. */
function freshOf<K extends string>(q: PageQuery<K>): RawBuilder<boolean> {
  const { page: today, kind } = q.stale as PageStale
  // The log is looked up per row only when it holds a key of the kind at all (evaluated once), by
  // its index: OFFSET 0 keeps PostgreSQL from turning the lookup into a hash of every pending key
  // of the kind, which it chose on statistics taken while the log was nearly empty (after a
  // rename, each page of 100 hashed 63,405 keys: 21.9 ms a statement against 1.8 ms).
  return sql<boolean>`(d.valid_from <= ${today}::date AND d.valid_until > ${today}::date
    AND (NOT EXISTS (SELECT 1 FROM document_invalidations WHERE kind = ${kind})
      OR NOT EXISTS (SELECT 1 FROM document_invalidations i WHERE i.kind = ${kind} AND i.id = ${q.key} OFFSET 0)))`
}

/**
 * The page's rows as `(body, n)` in order — with `fresh`, whether the row's document is good, when
 * the page is judged by its own documents (Feed.pageScoped) — read only when none the page may
 * hold is stale (a one-time filter); and whether the page is good and empty, which tells an empty
 * page from a stale one when no row came.
 */
function goodRows<K extends string>(q: PageQuery<K>, stamped = false): { rows: RawBuilder<unknown>; empty: RawBuilder<{ empty: boolean | null }>; byRow: boolean } {
  if (!('page' in q.stale)) {
    const stale = q.stale
    const rows = ordered(q, (m) => m.select(q.body.as('body')).where(sql<boolean>`NOT ${stale}`))
    const page = orderAndPage(q.members.select(sql`1`.as('one')), q.sort, q.columns, q.tieBreaker, q.page, q.defaultSort)
    return { rows: sql`${rows}`, byRow: false, empty: sql`
    SELECT CASE WHEN ${stale} THEN NULL ELSE NOT EXISTS (${page}) END AS empty` }
  }
  // Feed.pageScoped: each row's document built for the date with no key pending for it; and no
  // key pending for a member the scope does not hold yet. Read in one pass with the texts (and
  // with each row's stamp for a digest, page-copies.ts).
  const { members } = q.stale
  const selected = [q.body.as('body'), freshOf(q).as('fresh'), ...(stamped ? [stampOf(q).as('stamp')] : [])]
  const rows = ordered(q, (m) => m.select(selected).where(sql<boolean>`NOT ${members}`))
  const page = orderAndPage(q.members.select(sql`1`.as('one')), q.sort, q.columns, q.tieBreaker, q.page, q.defaultSort)
  return { rows: sql`${rows}`, byRow: true, empty: sql`SELECT NOT ${members} AND NOT EXISTS (${page}) AS empty` }
}


/**
 * A list page from a document table. PostgreSQL joins the page's documents, in order, into pieces
 * of DOCUMENTS_PER_PIECE (Q-4: 75 strings reach Node for a page of 3,000 rather than 3,000 rows;
 * a page's Node CPU fell from 12 to 4 ms, BENCHMARKS.md). They are read only if none is stale in
 * that statement's snapshot, so pieces mean the page is good. None means an empty page or a stale
 * document, which one more statement tells apart (an empty page is rare and cheap).
 */
async function readPage<K extends string>(db: Db, q: PageQuery<K>, digest = false): Promise<DocumentsAnswer> {
  const { rows, empty, byRow } = goodRows(q, digest)
  const stamped = byRow && digest
  const pool = poolOf(db)
  const stream = pool !== undefined && q.page.perPage >= streaming.from
  if (stream || byRow) {
    // The page in pieces of DOCUMENTS_PER_PIECE, kept only when every row is fresh (a window over
    // the pieces). Streamed, PostgreSQL writes the body's brackets and commas too, and its length
    // comes with the first piece: the process only copies bytes from one socket to the other.
    const per = sql.lit(streaming.perPiece)
    // The page's first and last pieces are those with the least and the greatest g.
    const framed = stream
      ? sql`CASE WHEN z.g = z.first THEN '{"data":[' ELSE ',' END || z.piece || CASE WHEN z.g = z.last THEN ']}' ELSE '' END`
      : sql`z.piece`
    // The digest of the page's row stamps in order, as pageCheck computes it.
    const stamps = stamped
      ? [sql`, z.digest`, sql`, md5(string_agg(p.stamps, ',') OVER (ORDER BY p.g ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) AS digest`, sql`, string_agg(x.stamp, ',' ORDER BY x.n) AS stamps`]
      : [sql``, sql``, sql``]
    const query = sql<{ bytes: number; digest?: string; piece: string }>`
      SELECT z.bytes${stamps[0]}, ${framed} AS piece FROM (
        SELECT p.piece, p.g, min(p.g) OVER () AS first, max(p.g) OVER () AS last, bool_and(p.fresh) OVER () AS good,
          (sum(octet_length(p.piece)) OVER () + count(*) OVER () - 1 + ${sql.lit(stream ? EMPTY.length : 0)})::int8 AS bytes${stamps[1]}
        FROM (SELECT string_agg(x.body, ',' ORDER BY x.n) AS piece, ${byRow ? sql`bool_and(x.fresh)` : sql`true`} AS fresh, (x.n - 1) / ${per} AS g${stamps[2]}
          FROM (${rows}) x GROUP BY (x.n - 1) / ${per}) p) z
      WHERE z.good ORDER BY z.g`
    if (stream) {
      const compiled = query.compile(db)
      const answer = await copyRows(pool, inlineParameters(compiled.sql, compiled.parameters))
      if (answer !== null) {
        const bytes = Number(answer.first[0]!.readBigInt64BE())
        return stamped ? { stream: answer.stream, bytes, digest: answer.first[1]!.toString('utf8') } : { stream: answer.stream, bytes }
      }
    } else {
      const { rows: pieces } = await query.execute(db)
      if (pieces.length > 0) {
        const body = listPieces(pieces.map((r) => r.piece))
        return stamped ? { body, digest: pieces[0]!.digest! } : { body }
      }
    }
  } else {
    const pieces = await piecesOf(db, rows)
    if (pieces.length > 0) return { body: listPieces(pieces) }
  }
  const { rows: [decided] } = await empty.execute(db)
  return decided?.empty === true ? { body: [EMPTY] } : 'stale'
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
  known?: ScopeState | null,
): Promise<DocumentsAnswer> {
  const answer = await readDocuments(db, feed, caller, request, false, known)
  if (answer !== 'stale') return answer
  try {
    const query = isShow<Q>(request) ? 'empty' : pageQuery(db, feed, caller, request)
    if (query !== 'empty' && 'page' in query.stale) {
      await buildPage(db, feed.documents, feed.scopeOf(caller, request), query)
      return readPage(db, query)
    }
    // With a warm-up to build them (serve-start.ts), a few stale documents are derived by the read
    // itself; without one, the read builds them as below.
    if (query !== 'empty' && hasWarmUp(db)) {
      const merged = await readMerged(db, feed, caller, request as ListRequest<Q, F, K>)
      if (merged !== 'too many') return merged
    }
    // Writes keep adding keys to the log: a read that finds one pending again after building
    // builds those few too, a bounded number of times, before it leaves the answer to the derivation.
    for (let attempt = 0; attempt < BUILD_ATTEMPTS; attempt++) {
      await consumeAll(db)
      const { more } = await buildDocuments(db, feed.documents, feed.scopeOf(caller, request), request.today, BUILD_IN_REQUEST)
      if (more) return 'stale'
      const again = await readDocuments(db, feed, caller, request, true)
      if (again !== 'stale') return again
    }
    return 'stale'
  } catch (error) {
    // Building is only a shortcut: a build that lost a race leaves the answer to the derivation.
    if (isLostRace(error)) return 'stale'
    throw error
  }
}

