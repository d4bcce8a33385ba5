// A Kysely dialect over embedded PGlite. PGlite is one connection, so the driver hands it to one
// user at a time: a transaction holds it from BEGIN to COMMIT and other queries wait their turn.
import { types, type PGlite, type Results } from '@electric-sql/pglite'
import { serialize } from 'pg-protocol'
import type { CommandCompleteMessage, DataRowMessage, RowDescriptionMessage } from 'pg-protocol/dist/messages.js'
import { Parser } from 'pg-protocol/dist/parser.js'
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely'
import pgUtils from 'pg/lib/utils.js'
import { isStalePreparedStatement } from './faults.ts'

const { prepareValue } = pgUtils

class Turnstile {
  #tail: Promise<void> = Promise.resolve()

  /** Resolves when it is the caller's turn, with the function that ends the turn. */
  enter(): Promise<() => void> {
    let leave!: () => void
    const turn = new Promise<void>((resolve) => (leave = resolve))
    const ready = this.#tail.then(() => leave)
    this.#tail = this.#tail.then(() => turn)
    return ready
  }
}

/** Named statements kept per database; past this many the oldest is closed (texts with inlined values). */
const MAX_PREPARED = 1000

/**
 * The statements prepared on one PGlite database, by SQL text. Kysely sends the same few hundred
 * texts again and again, so each is parsed (and, once PostgreSQL judges its generic plan good
 * enough, planned) once: measured on the sandbox seed's 13,000 statements, 4.4 s → 2.6 s.
 */
class PreparedStatements {
  readonly #names = new Map<string, string>()
  #next = 0

  /** The exchange for `text` with `values`; `fresh` when it parses a new statement. */
  exchange(text: string, values: (string | null)[]): { message: Buffer; name: string; fresh: boolean } {
    const parts: Buffer[] = []
    let name = this.#names.get(text)
    const fresh = name === undefined
    if (name === undefined) {
      if (this.#names.size >= MAX_PREPARED) {
        const [oldest, oldName] = this.#names.entries().next().value as [string, string]
        this.#names.delete(oldest)
        parts.push(serialize.close({ type: 'S', name: oldName }))
      }
      name = `rect_${this.#next++}`
      this.#names.set(text, name)
      parts.push(serialize.parse({ name, text, types: [] }))
    }
    parts.push(serialize.bind({ statement: name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync())
    return { message: Buffer.concat(parts), name, fresh }
  }

  /** Forgets `text`'s statement; the returned message closes it on the server. */
  forget(text: string, name: string): Buffer {
    if (this.#names.get(text) === name) this.#names.delete(text)
    return Buffer.concat([serialize.close({ type: 'S', name }), serialize.sync()])
  }
}


/**
 * One extended-protocol exchange (Parse once, then Bind, Describe, Execute, Sync) in a single
 * call into PGlite, the parameters sent as untyped text exactly as node-postgres sends them (its
 * own prepareValue), so PostgreSQL infers each parameter's type as it does in production.
 * PGlite's own `query` makes six calls per statement, two of them only to learn parameter types.
 */
async function extendedQuery<R>(pg: PGlite, statements: PreparedStatements, text: string, parameters: readonly unknown[]): Promise<Results<R>> {
  // PGlite's own words, as its query() says them (db/faults.ts maps them to 503).
  if (pg.closed) throw new Error('PGlite is closed')
  const values = parameters.map((value) => prepareValue(value) as string | null)
  for (let attempt = 0; ; attempt++) {
    const { message, name, fresh } = statements.exchange(text, values)
    try {
      const result = await pg.runExclusive(() => exchange<R>(pg, message))
      await pg.syncToFs()
      return result
    } catch (error) {
      // A statement that failed as it was parsed is not kept; a stale one is re-prepared once
      // (outside a transaction that retry succeeds; inside one it meets the aborted transaction).
      const stale = isStalePreparedStatement(error) && !fresh
      if (fresh || stale) await pg.runExclusive(() => exchange(pg, statements.forget(text, name)))
      if (stale && attempt === 0) continue
      throw error
    }
  }
}

/**
 * Sends `message` and reads the answer with node-postgres's own parser: PGlite's parses every
 * answer twice over (once to watch for notifications), which with its serializer cost a quarter of
 * the seed's time in JavaScript. Values are read by PGlite's type parsers (connect.ts adds ours).
 */
async function exchange<R>(pg: PGlite, message: Buffer): Promise<Results<R>> {
  const chunks: Buffer[] = []
  // The chunk is a view of PGlite's memory, reused after the callback: copied.
  await pg.execProtocolRawStream(message, { syncToFs: false, onRawData: (chunk) => void chunks.push(Buffer.from(chunk)) })
  let fields: { name: string; dataTypeID: number }[] = []
  const rows: Record<string, unknown>[] = []
  let error: unknown
  let affectedRows: number | undefined
  new Parser().parse(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), (m) => {
    switch (m.name) {
      case 'rowDescription':
        fields = (m as RowDescriptionMessage).fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }))
        break
      case 'dataRow': {
        const values = (m as DataRowMessage).fields
        const row: Record<string, unknown> = {}
        for (let k = 0; k < fields.length; k++) {
          const v = values[k]
          row[fields[k]!.name] = v === null || v === undefined ? null : types.parseType(v as string, fields[k]!.dataTypeID, pg.parsers)
        }
        rows.push(row)
        break
      }
      case 'commandComplete': {
        const text = (m as CommandCompleteMessage).text
        const n = Number(text.split(' ').pop())
        if (/^(INSERT|UPDATE|DELETE|MERGE|COPY) /.test(text) && Number.isFinite(n)) affectedRows = n
        break
      }
      case 'error':
        error ??= m
        break
    }
  })
  if (error) throw error
  return { rows: rows as R[], fields, ...(affectedRows !== undefined ? { affectedRows } : {}) } as Results<R>
}

class PGliteConnection implements DatabaseConnection {
  constructor(
    private readonly pg: PGlite,
    private readonly statements: PreparedStatements,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // A script without parameters (a migration) may hold several statements: only exec runs those.
    if (compiled.parameters.length === 0 && compiled.sql.includes(';')) {
      const results = await this.pg.exec(compiled.sql)
      return { rows: (results.at(-1)?.rows ?? []) as R[] }
    }
    const result = await extendedQuery<R>(this.pg, this.statements, compiled.sql, compiled.parameters)
    return {
      rows: result.rows,
      ...(result.affectedRows !== undefined ? { numAffectedRows: BigInt(result.affectedRows) } : {}),
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on PGlite')
  }
}

/** One per database, however many Kysely instances share it: the names live on the server. */
const preparedOn = new WeakMap<PGlite, PreparedStatements>()

class PGliteDriver implements Driver {
  readonly #turnstile = new Turnstile()
  readonly #leave = new WeakMap<DatabaseConnection, () => void>()
  readonly #statements: PreparedStatements

  constructor(private readonly pg: PGlite) {
    let statements = preparedOn.get(pg)
    if (statements === undefined) preparedOn.set(pg, (statements = new PreparedStatements()))
    this.#statements = statements
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const leave = await this.#turnstile.enter()
    const connection = new PGliteConnection(this.pg, this.#statements)
    this.#leave.set(connection, leave)
    return connection
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN'))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'))
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#leave.get(connection)?.()
    this.#leave.delete(connection)
  }

  async destroy(): Promise<void> {
    if (!this.pg.closed) await this.pg.close()
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGlite) {}
  createAdapter() {
    return new PostgresAdapter()
  }
  createDriver() {
    return new PGliteDriver(this.pg)
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler()
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db)
  }
}
