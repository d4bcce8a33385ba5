// The route helper of the feeds served from documents: the answer from the documents (built
// first when few are stale), else the derivation's, and the large-page gate and piecewise writing
// that keep a page of 3,000 from being held twice.
import { Readable } from 'node:stream'
import type { FastifyReply } from 'fastify'
import type { Db } from '../db/connect.ts'
import { NotFoundError } from '../errors.ts'
import { Gate } from '../api/common/gate.ts'
import { bufferOf } from './page-copies.ts'
import { answerFromDocuments, isShow, type Feed, type ListRequest, type ShowRequest } from './documents.ts'

/**
 * A list page or a show of `feed` for the caller: from the documents when they can answer, else
 * `derive` (the feed's query.ts and serialize.ts: the wire body, undefined for a show that finds
 * nothing). Lists pass the large-page gate; a show that is not the caller's is a 404.
 */
export async function respond<S, Q extends { today: string }, F, K extends string>(
  reply: FastifyReply,
  db: Db,
  feed: Feed<S, Q, F, K>,
  caller: string,
  request: ListRequest<Q, F, K> | ShowRequest<Q>,
  derive: () => Promise<object | undefined>,
): Promise<unknown> {
  const answer = async () => {
    const documents = await answerFromDocuments(db, feed, caller, request, reply.request.scopeState)
    if (documents === 'not found') throw new NotFoundError()
    if (typeof documents === 'object' && 'stream' in documents) {
      return reply.type('application/json; charset=utf-8').header('content-length', documents.bytes).send(documents.stream)
    }
    if (typeof documents === 'object' && 'buffer' in documents) return reply.type('application/json; charset=utf-8').send(documents.buffer)
    if (typeof documents === 'object') return sendPieces(reply, documents.body)
    const derived = await derive()
    if (derived === undefined) throw new NotFoundError()
    return derived
  }
  return isShow<Q>(request) ? answer() : throughLargePageGate(reply, request.page.perPage, answer)
}

/** A body shorter than this (in characters) is sent in one write. */
const ONE_WRITE = 256 * 1024
/**
 * A string over this many characters can be a V8 large object (over 128 kB), which only a full
 * collection frees: a page of 100 participants joined into one string (150 kB) made every page
 * old-generation garbage, and the resident set grew to 280 MB under them (199 MB peak over every
 * read row with the buffer, against 297 MB: A/B in one run).
 */
const LARGE_STRING = 64 * 1024

/**
 * The documents' text is the response body as it is (Fastify sends strings and buffers with a JSON
 * type unchanged): one short piece as it is, a small body of several as one buffer of their bytes
 * (never one joined string), a large one as a stream of its pieces (Q-7).
 */
export function sendPieces(reply: FastifyReply, pieces: string[]): FastifyReply {
  reply.type('application/json; charset=utf-8')
  let length = 0
  for (const piece of pieces) length += piece.length
  if (pieces.length === 1 && length < LARGE_STRING) return reply.send(pieces[0])
  if (length < ONE_WRITE) return reply.send(bufferOf(pieces))
  // The length up front, as for any other answer: no chunked framing for clients to undo.
  let bytes = 0
  for (const piece of pieces) bytes += Buffer.byteLength(piece)
  return reply.header('content-length', bytes).send(Readable.from(pieces))
}

/** Pages over this many documents go through the gate, at most LARGE_PAGES_AT_ONCE per process. */
const LARGE_PAGE = 500
const LARGE_PAGES_AT_ONCE = 2
const largePages = new Gate(LARGE_PAGES_AT_ONCE)

/** a large page holds its place in the gate until its last byte is written. */
async function throughLargePageGate<T>(reply: FastifyReply, perPage: number, answer: () => Promise<T>): Promise<T> {
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
