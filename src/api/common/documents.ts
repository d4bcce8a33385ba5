// What the document tables (participant_documents 0008 with transfers 0010, partnership_documents
// 0009, school_documents 0012) share: an answer read from them, built first when stale, written
// out in pieces, large pages through a gate, and the warm-up that builds the stale documents.
import { Readable } from 'node:stream'
import type { FastifyReply } from 'fastify'
import { sql, type Expression, type RawBuilder, type SelectQueryBuilder } from 'kysely'
import { orderAndPage } from '../../db/fragments.ts'
import type { Database } from '../../db/schema.ts'
import type { Page } from './paging.ts'
import type { SortKey } from './sort.ts'
import type { Db } from '../../db/connect.ts'
import { isLostRace } from '../../db/faults.ts'
import { Gate } from './gate.ts'

/**
 * A response body's JSON text in pieces of a few dozen documents, so a page of 3,000 is written
 * out without ever being one string; 'stale' when a document it depends on is not built for
 * the request's date; 'not found' for a show whose id is not the caller's.
 */
export type DocumentsAnswer = { body: string[] } | 'stale' | 'not found'

/** How many stale documents a request builds itself before it reads again; more wait for the warm-up. */
const BUILD_IN_REQUEST = 500
/** How many documents one warm-up step builds. */
const BUILD_IN_STEP = 2000
const DOCUMENTS_PER_PIECE = 40

/**
 * `{"data":[…]}` around the page's pieces, each piece its own string: prefixing one would make a
 * rope that every write flattens, a copy of the page (A/B: participants 3000 p95 +15 %).
 */
function listPieces(pieces: string[]): string[] {
  if (pieces.length === 0) return ['{"data":[]}']
  const out = ['{"data":[', pieces[0]!]
  for (let i = 1; i < pieces.length; i++) out.push(',', pieces[i]!)
  out.push(']}')
  return out
}

/** A body shorter than this (in characters) is sent as one string, in one write. */
const ONE_WRITE = 256 * 1024

/**
 * The documents' text is the response body as it is (Fastify sends strings with a JSON type
 * unchanged): a small body as one string, a large one as a stream of its pieces (Q-7).
 */
export function sendPieces(reply: FastifyReply, pieces: string[]): FastifyReply {
  reply.type('application/json; charset=utf-8')
  let length = 0
  for (const piece of pieces) length += piece.length
  if (pieces.length === 1 || length < ONE_WRITE) return reply.send(pieces.join(''))
  // The length up front, as for any other answer: no chunked framing for clients to undo.
  let bytes = 0
  for (const piece of pieces) bytes += Buffer.byteLength(piece)
  return reply.header('content-length', bytes).send(Readable.from(pieces))
}

/** A list page of a document table, as its reader filters and orders it. */
export type PageQuery<K extends string> = {
  /** The table (alias `d`) with the filters of the request, nothing selected yet. */
  members: SelectQueryBuilder<Database, any, object>
  /** A document's text for the caller. */
  body: RawBuilder<string | null>
  /** True when a document the page may hold is not built for the request's date. */
  stale: RawBuilder<boolean>
  sort: SortKey<K>[]
  columns: Record<K, Expression<unknown>>
  tieBreaker: Expression<unknown>
  page: Page
  defaultSort: SortKey<K>[]
}

/**
 * A list page from a document table. PostgreSQL joins the page's documents, in order, into pieces
 * of DOCUMENTS_PER_PIECE (Q-4: 75 strings reach Node for a page of 3,000 rather than 3,000 rows;
 * a page's Node CPU fell from 12 to 4 ms, BENCHMARKS.md). They are read only if `stale` is false
 * in that statement's snapshot (a one-time filter), so pieces mean the page is good. None means an
 * empty page or a stale document, which one more statement over the same page's keys tells apart
 * (an empty page is rare and cheap).
 */
export async function readPage<K extends string>(db: Db, q: PageQuery<K>): Promise<DocumentsAnswer> {
  const keys = q.sort.length > 0 ? q.sort : q.defaultSort
  const order = sql.join([...keys.map((k) => sql`${q.columns[k.key]} ${sql.raw(k.direction)}`), sql`${q.tieBreaker} asc`])
  const rows = orderAndPage(
    q.members.select([q.body.as('body'), sql<number>`row_number() OVER (ORDER BY ${order})`.as('n')]).where(sql<boolean>`NOT ${q.stale}`),
    q.sort,
    q.columns,
    q.tieBreaker,
    q.page,
    q.defaultSort,
  )
  const { rows: pieces } = await sql<{ piece: string }>`
    SELECT string_agg(x.body, ',' ORDER BY x.n) AS piece FROM (${rows}) x
    GROUP BY (x.n - 1) / ${sql.lit(DOCUMENTS_PER_PIECE)} ORDER BY (x.n - 1) / ${sql.lit(DOCUMENTS_PER_PIECE)}`.execute(db)
  if (pieces.length > 0) return { body: listPieces(pieces.map((r) => r.piece)) }
  const page = orderAndPage(q.members.select(sql`1`.as('one')), q.sort, q.columns, q.tieBreaker, q.page, q.defaultSort)
  const { rows: [decided] } = await sql<{ empty: boolean }>`
    SELECT CASE WHEN ${q.stale} THEN NULL ELSE NOT EXISTS (${page}) END AS empty`.execute(db)
  return decided?.empty === true ? { body: ['{"data":[]}'] } : 'stale'
}

type Build = (limit: number) => Promise<{ built: number; more: boolean }>

/**
 * Reads; when a document is stale, builds the stale ones for the request's date if they are few
 * and reads once more. Still 'stale' (more than one request builds, or writes or requests on
 * another date marking them stale again meanwhile): the caller derives the answer instead.
 */
export async function readBuilding(read: () => Promise<DocumentsAnswer>, build: Build): Promise<DocumentsAnswer> {
  const answer = await read()
  if (answer !== 'stale') return answer
  try {
    const { more } = await build(BUILD_IN_REQUEST)
    return more ? 'stale' : read()
  } catch (error) {
    // Building is only a shortcut: a build that lost a race leaves the answer to the derivation.
    if (isLostRace(error)) return 'stale'
    throw error
  }
}

/** Pages over this many documents go through the gate, at most LARGE_PAGES_AT_ONCE per process. */
const LARGE_PAGE = 500
const LARGE_PAGES_AT_ONCE = 2
const largePages = new Gate(LARGE_PAGES_AT_ONCE)

/** a large page holds its place in the gate until its last byte is written. */
export async function throughLargePageGate<T>(reply: FastifyReply, perPage: number, answer: () => Promise<T>): Promise<T> {
  if (perPage <= LARGE_PAGE) return answer()
  const leave = await largePages.enter()
  // A client that left while waiting has closed already: its place goes back at once.
  if (reply.raw.closed) leave()
  reply.raw.once('finish', leave).once('close', leave)
  try {
    return await answer()
  } catch (error) {
    leave()
    throw error
  }
}

/** Builds the stale documents of each key (a lead provider, a cohort) with `build`, until `signal` aborts; returns how many it built. */
export async function warmEach<K>(
  keys: readonly K[],
  build: (key: K, limit: number) => Promise<{ built: number; more: boolean }>,
  signal?: AbortSignal,
): Promise<number> {
  let built = 0
  for (const key of keys) {
    for (;;) {
      if (signal?.aborted) return built
      const step = await build(key, BUILD_IN_STEP)
      built += step.built
      if (!step.more || step.built === 0) break
    }
  }
  return built
}

/** Builds every lead provider's stale documents with `build`, until `signal` aborts; returns how many it built. */
export async function warmEachProvider(
  db: Db,
  build: (leadProviderId: string, limit: number) => Promise<{ built: number; more: boolean }>,
  signal?: AbortSignal,
): Promise<number> {
  const providers = await db.selectFrom('lead_providers').select('id').orderBy('id').execute()
  return warmEach(
    providers.map((p) => p.id),
    build,
    signal,
  )
}
