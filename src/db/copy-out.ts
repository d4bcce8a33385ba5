// Q-4, Q-7: a query's rows as the bytes PostgreSQL sends, never decoded into JavaScript strings.
// `COPY (query) TO STDOUT (FORMAT binary)` is the one way pg hands over undecoded bytes: its
// CopyData messages arrive as Buffers, where DataRow fields are always decoded into strings. A
// page of 3,000 stored documents (3 MB) then costs the process a few memory copies instead of a
// 3 MB string to decode, hold, encode again and collect.
//
// COPY takes no bind parameters, so the query's values are written into its text as literals
// (`inlineParameters`): request values already validated (ids, dates, numbers, enums), quoted.
import { Readable } from 'node:stream'
import type pg from 'pg'
import pgUtils from 'pg/lib/utils.js'
import { pgModule } from './pg-module.ts'

/** PGCOPY's signature; the header is the signature, a flags word and the extension's length. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1')
const HEADER = SIGNATURE.length + 8
const NOTHING = Buffer.alloc(0)
const STREAM_BUFFER = 512 * 1024

export type CopyRow = (Buffer | null)[]

/**
 * The binary COPY format read incrementally, whatever the chunks' boundaries: the header, then
 * per row a field count and each field as a length and its bytes, then a count of -1. Each field
 * is handed on as a copy of its bytes (the protocol parser reuses its buffer).
 */
export class BinaryCopyParser {
  #pending = NOTHING
  #headerRead = false
  #row: CopyRow | null = null
  #fieldsLeft = 0
  done = false

  constructor(private readonly onRow: (row: CopyRow) => void) {}

  push(chunk: Buffer): void {
    const buffer = this.#pending.length > 0 ? Buffer.concat([this.#pending, chunk]) : chunk
    let at = 0
    const left = () => buffer.length - at
    while (!this.done) {
      if (!this.#headerRead) {
        if (left() < HEADER) break
        if (!buffer.subarray(at, at + SIGNATURE.length).equals(SIGNATURE)) throw new Error('not a binary COPY stream')
        const extension = buffer.readInt32BE(at + SIGNATURE.length + 4)
        if (left() < HEADER + extension) break
        at += HEADER + extension
        this.#headerRead = true
      } else if (this.#row === null) {
        if (left() < 2) break
        const count = buffer.readInt16BE(at)
        at += 2
        if (count === -1) this.done = true
        else [this.#row, this.#fieldsLeft] = [[], count]
      } else if (this.#fieldsLeft > 0) {
        if (left() < 4) break
        const length = buffer.readInt32BE(at)
        if (length !== -1 && left() - 4 < length) break
        this.#row.push(length === -1 ? null : Buffer.from(buffer.subarray(at + 4, at + 4 + length)))
        at += 4 + Math.max(length, 0)
        this.#fieldsLeft--
      } else {
        const row = this.#row
        this.#row = null
        this.onRow(row)
      }
    }
    // A copy: `chunk` belongs to the protocol parser.
    this.#pending = at >= buffer.length ? NOTHING : Buffer.from(buffer.subarray(at))
  }
}

/** A value as an SQL literal: numbers and booleans bare, arrays as array literals, dates in UTC. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'boolean') return String(value)
  return pgUtils.escapeLiteral(text(value))
}

function text(value: unknown): string {
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return `{${value.map((v) => (v === null || v === undefined ? 'NULL' : `"${text(v).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value)
  throw new Error(`no literal for a ${typeof value}`)
}

/** The query with its values written in place of `$1 … $n`, as COPY needs. */
export function inlineParameters(sqlText: string, values: readonly unknown[]): string {
  return sqlText.replace(/\$(\d+)(?!\d)/g, (_, n: string) => {
    const index = Number(n) - 1
    if (index < 0 || index >= values.length) throw new Error(`no value for $${n}`)
    return literal(values[index])
  })
}

/**
 * The first row of a COPY, and a stream of every row's last field from the first on; null when
 * the query returned no row.
 */
export type CopyAnswer = { first: CopyRow; stream: Readable } | null

type Busy = { connection: { stream: NodeJS.ReadableStream } }

/**
 * Runs `COPY (query) TO STDOUT (FORMAT binary)` on a client of the pool; resolves once the first
 * row has arrived, or with null when there was none. The stream holds the client until the COPY
 * ends. It pauses the connection while its reader is behind (backpressure); a reader that leaves
 * early lets the COPY run out into nothing before the client goes back to the pool.
 */
export async function copyRows(pool: pg.Pool, query: string): Promise<CopyAnswer> {
  const client = await pool.connect()
  const socket = (client as unknown as Busy).connection.stream
  let paused = false
  const resume = () => {
    if (paused) socket.resume()
    paused = false
  }
  // A buffer of a few pieces, so the connection is not paused and resumed for every one.
  const stream = new Readable({ read: resume, highWaterMark: STREAM_BUFFER })
  stream.on('close', resume)
  let first: CopyRow | null = null
  let failure: Error | null = null
  let ended = false

  return new Promise<CopyAnswer>((resolve, reject) => {
    const parser = new BinaryCopyParser((row) => {
      if (first === null) {
        first = row
        resolve({ first: row, stream })
      }
      if (stream.destroyed) return
      if (!stream.push(row[row.length - 1] ?? NOTHING) && !paused) {
        paused = true
        socket.pause()
      }
    })
    // Called once, through pg's read-timeout wrapper: at ReadyForQuery, at an error, or at the
    // read timeout with the connection still busy.
    const end = (error: Error | null) => {
      if (ended) return
      ended = true
      resume()
      // A database error leaves the connection ready; anything else leaves it unusable.
      client.release(error !== null && !(error instanceof pgModule().DatabaseError) ? error : undefined)
      if (first === null) return error ? reject(error) : resolve(null)
      // An error reaches the stream's reader (Fastify, which ends the response); a stream nobody
      // reads has nobody to tell, and an unheard 'error' would end the process.
      if (error) stream.destroy(stream.listenerCount('error') > 0 ? error : undefined)
      else if (!stream.destroyed) stream.push(null)
    }
    const submittable = {
      callback: (error?: Error | null) => end(error ?? failure),
      submit(connection: { query: (text: string) => void }) {
        connection.query(`COPY (${query}) TO STDOUT (FORMAT binary)`)
      },
      handleCopyData({ chunk }: { chunk: Buffer }) {
        if (failure !== null) return
        try {
          parser.push(chunk)
        } catch (error) {
          failure = error as Error
        }
      },
      // pg hands an error to the query and forgets it: no ReadyForQuery reaches it afterwards.
      handleError(error: Error) {
        this.callback(failure ?? error)
      },
      handleReadyForQuery() {
        this.callback(failure)
      },
      handleCommandComplete() {},
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
    }
    client.query(submittable as unknown as pg.QueryConfig)
  })
}
