// a list page this process served, kept as its bytes and served again while nothing it was
// read from has changed, so a page asked for again costs one short statement instead of reading
// and sending its documents once more (a page of 3,000 participants is 3 MB).
//
// A page's answer is a function of its scope's stored documents (those of the lead provider, or
// the cohort's for schools), the request (its date among it) and the caller, provided no key of
// the invalidation log is pending for the scope. The statement triggers of
// document_scope_changes_count record, in the same transaction, the last transaction that changed
// each scope's documents (0019): a build, a consumption of the log, a migration, any statement.
// So a copy is served only when, in one snapshot taken after the request arrived, the scope's last
// change is the one read before the copy's own read and no key is pending for the scope; then
// reading the page again would give the same bytes. The check is read before the page, never
// after it: a change committed between the two leaves a copy that the next check refuses.
import { Transform } from 'node:stream'
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../db/connect.ts'
import type { DocumentTable } from './build.ts'
import { sharing, type Coalescer } from './coalesce.ts'
import { pendingOf, scopeValue, type DocumentsAnswer } from './page-query.ts'

/**
 * The bytes a process keeps in copies, and the largest page it copies (a page of 3,000
 * participants is about 3 MB). A request's first sight of a page reads it as before; a copy is
 * made the second time it is asked for, so a full sync (each page once) copies nothing.
 */
export const pageCopying = { maxBytes: 16 * 1024 * 1024, maxPage: 4 * 1024 * 1024, remembered: 1024 }

/**
 * The scope's last change read before the page (null: none recorded), and for a page judged by its
 * own documents (Feed.pageScoped) the digest of its rows' keys and row versions read with it.
 */
type Copy = { changedBy: string | null; digest: string | undefined; bytes: Buffer }

/** A page judged by its own documents, in one snapshot: the scope's last change, and the digest of its rows (null when one is not good or a new member is pending). */
export type PageCheck = () => Promise<{ changedBy: string | null; digest: string | null }>

/** A process's copies, least recently used first, and the pages asked for lately. */
class Copies {
  readonly #copies = new Map<string, Copy>()
  readonly #asked = new Set<string>()
  #bytes = 0

  get(key: string): Copy | undefined {
    const copy = this.#copies.get(key)
    if (copy !== undefined) {
      this.#copies.delete(key)
      this.#copies.set(key, copy)
    }
    return copy
  }

  /** Whether the page was asked for before (among the last `remembered` pages asked for); remembers it. */
  askedBefore(key: string): boolean {
    const before = this.#asked.delete(key)
    this.#asked.add(key)
    if (this.#asked.size > pageCopying.remembered) this.#asked.delete(this.#asked.values().next().value!)
    return before
  }

  set(key: string, copy: Copy): void {
    this.delete(key)
    if (copy.bytes.length > pageCopying.maxPage) return
    this.#copies.set(key, copy)
    this.#bytes += copy.bytes.length
    for (const [oldest, old] of this.#copies) {
      if (this.#bytes <= pageCopying.maxBytes) break
      this.#copies.delete(oldest)
      this.#bytes -= old.bytes.length
    }
  }

  delete(key: string): void {
    const copy = this.#copies.get(key)
    if (copy === undefined) return
    this.#copies.delete(key)
    this.#bytes -= copy.bytes.length
  }
}

/** Per database, the process's copies of every feed's pages (one budget of pageCopying.maxBytes). */
const copiesByDb = new WeakMap<Db, Copies>()
/** Each feed's number, in copies' keys (two feeds read one table: participants and transfers). */
const feedNumbers = new WeakMap<object, number>()
let feedsNumbered = 0
/** Per database, how many answers were copies. */
const servedByDb = new WeakMap<Db, number>()

/** How many list answers this process served from copies over `db`. */
export function servedFromCopies(db: Db): number {
  return servedByDb.get(db) ?? 0
}

function copiesOf(db: Db): Copies {
  let copies = copiesByDb.get(db)
  if (copies === undefined) copiesByDb.set(db, (copies = new Copies()))
  return copies
}

function feedNumber(feed: object): number {
  let n = feedNumbers.get(feed)
  if (n === undefined) feedNumbers.set(feed, (n = feedsNumbered++))
  return n
}

/** The scope's last change as text, null when none is recorded. */
export function lastChangeOf<S>(t: DocumentTable<S>, scope: S): RawBuilder<string | null> {
  return sql`(SELECT changed_by::text FROM document_scope_changes WHERE table_name = ${t.table} AND scope = ${scopeValue(t, scope)}::text)`
}

/** A scope's last change (null when none is recorded) and whether a key of the log is pending for it, in one snapshot. */
export type ScopeState = { table: DocumentTable<unknown>['table']; scope: string; changedBy: string | null; pending: boolean }

/** The scope's state as columns: `changed_by` and `pending` (the scope a value, or a column of the statement). */
export function scopeStateColumns<S>(t: DocumentTable<S>, scope: S | RawBuilder<unknown>): { changed_by: RawBuilder<string | null>; pending: RawBuilder<boolean> } {
  return { changed_by: lastChangeOf(t, scope as S), pending: pendingOf(t, scope as S) }
}

/** `known` (the scope state the request's token lookup read) when it is this table's and scope's, else null. */
export function knownStateOf<S>(known: ScopeState | null | undefined, t: DocumentTable<S>, scope: S): ScopeState | null {
  return known?.table === t.table && known.scope === String(scope) ? known : null
}

async function scopeState<S>(db: Db, t: DocumentTable<S>, scope: S): Promise<ScopeState> {
  const { changed_by, pending } = scopeStateColumns(t, scope)
  const { rows } = await sql<{ changed_by: string | null; pending: boolean }>`
    SELECT ${changed_by} AS changed_by,
      ${pending} AS pending`.execute(db)
  return { table: t.table, scope: String(scope), changedBy: rows[0]!.changed_by, pending: rows[0]!.pending }
}

/**
 * Whether nothing the copy was read from has changed: its scope unchanged since and no key
 * pending for it; or, for a page judged by its own documents, its rows the same row versions,
 * every one still good (the scope's last change is then taken from that check's snapshot).
 */
async function stillGood(copy: Copy, state: ScopeState, pageCheck?: PageCheck): Promise<boolean> {
  if (!state.pending && state.changedBy !== null && state.changedBy === copy.changedBy) return true
  if (copy.digest === undefined || pageCheck === undefined) return false
  const page = await pageCheck()
  if (page.digest !== copy.digest) return false
  copy.changedBy = page.changedBy
  return true
}

/** The pieces' UTF-8 bytes in one buffer, outside the JavaScript heap and freed with its handle. */
export function bufferOf(pieces: string[]): Buffer {
  let bytes = 0
  for (const piece of pieces) bytes += Buffer.byteLength(piece)
  const buffer = Buffer.allocUnsafe(bytes)
  let at = 0
  for (const piece of pieces) at += buffer.write(piece, at)
  return buffer
}

/**
 * A list page of `feed` in `scope`, identified by `key` (the caller and the request): the copy
 * when it is still good, else `read()`, copied when the page was asked for before. A page judged
 * by its own documents has `pageCheck`: when its scope changed since the copy (a rebuild, other
 * participants written) the copy is still good if the page's own rows are the ones it was read
 * from, and `read(true)` then gives the digest of its rows with it. `known`: the scope's state as
 * the request's token lookup read it (auth.ts, FastifyContextConfig.copiesChecked), in a snapshot
 * taken after the request arrived as this one's would be; used when it is this scope's.
 */
export async function readCopied<S>(
  db: Db,
  feed: object,
  t: DocumentTable<S>,
  scope: S,
  key: string,
  read: (digest: boolean) => Promise<DocumentsAnswer>,
  pageCheck?: PageCheck,
  known?: ScopeState | null,
  shareable = false,
): Promise<DocumentsAnswer> {
  const copies = copiesOf(db)
  key = `${feedNumber(feed)} ${key}`
  const copy = copies.get(key)
  if (copy === undefined && !copies.askedBefore(key)) return read(false)
  const state = knownStateOf(known, t, scope) ?? await scopeState(db, t, scope)
  if (copy !== undefined && await stillGood(copy, state, pageCheck)) {
    servedByDb.set(db, servedFromCopies(db) + 1)
    return { buffer: copy.bytes }
  }
  copies.delete(key)
  // Under writes that build their documents as they commit (write-through.ts) every write moves
  // the scope's last change: the requests that meet the same one share a read under way of the
  // page. Any write committed before such a request came either moved it or left a key pending,
  // so that read (begun after the first of them looked the scope up) holds it too. Not a page
  // streamed to one response.
  if (shareable && !state.pending && state.changedBy !== null) {
    return sharedReadsOf(db)(`${key} ${state.changedBy}`, () => readAndKeep(copies, key, state, read, pageCheck))
  }
  return readAndKeep(copies, key, state, read, pageCheck)
}

/** Per database, the page reads under way that requests meeting the same scope state share (readCopied). */
const sharedReads = new WeakMap<Db, Coalescer<DocumentsAnswer>>()

function sharedReadsOf(db: Db): Coalescer<DocumentsAnswer> {
  let shared = sharedReads.get(db)
  if (shared === undefined) sharedReads.set(db, (shared = sharing()))
  return shared
}

/** The page read, and kept as a copy when it came whole (below pageCopying.maxPage). */
async function readAndKeep(copies: Copies, key: string, state: ScopeState, read: (digest: boolean) => Promise<DocumentsAnswer>, pageCheck?: PageCheck): Promise<DocumentsAnswer> {
  const answer = await read(pageCheck !== undefined)
  const changedBy = state.changedBy
  if (typeof answer !== 'object' || !('body' in answer || 'stream' in answer)) return answer
  const digest = answer.digest
  if (changedBy === null && digest === undefined) return answer
  if ('body' in answer) {
    const bytes = bufferOf(answer.body)
    copies.set(key, { changedBy, digest, bytes })
    return { buffer: bytes }
  }
  if ('stream' in answer && answer.bytes <= pageCopying.maxPage) {
    // The page's bytes kept as they pass to the response, copied once the last has come.
    const chunks: Buffer[] = []
    let length = 0
    const tee = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        chunks.push(chunk)
        length += chunk.length
        done(null, chunk)
      },
      flush(done) {
        if (length === answer.bytes) copies.set(key, { changedBy, digest, bytes: Buffer.concat(chunks, length) })
        done()
      },
    })
    answer.stream.once('error', (error) => tee.destroy(error))
    tee.once('close', () => {
      if (!answer.stream.readableEnded) answer.stream.destroy()
    })
    return { stream: answer.stream.pipe(tee), bytes: answer.bytes }
  }
  return answer
}
