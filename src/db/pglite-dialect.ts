// A Kysely dialect over embedded PGlite. PGlite is one connection, so the driver hands it to one
// user at a time: a transaction holds it from BEGIN to COMMIT and other queries wait their turn.
import type { PGlite } from '@electric-sql/pglite'
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

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // A script without parameters (a migration) may hold several statements: only exec runs those.
    if (compiled.parameters.length === 0 && compiled.sql.includes(';')) {
      const results = await this.pg.exec(compiled.sql)
      return { rows: (results.at(-1)?.rows ?? []) as R[] }
    }
    const result = await this.pg.query<R>(compiled.sql, compiled.parameters as unknown[])
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

class PGliteDriver implements Driver {
  readonly #turnstile = new Turnstile()
  readonly #leave = new WeakMap<DatabaseConnection, () => void>()

  constructor(private readonly pg: PGlite) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const leave = await this.#turnstile.enter()
    const connection = new PGliteConnection(this.pg)
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
