// Config → Kysely<Database> over embedded PGlite or a PostgreSQL pool; the same SQL runs on both.
import { PGlite } from '@electric-sql/pglite'
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Kysely, PostgresDialect } from 'kysely'
import type pg from 'pg'
import type { DatabaseConfig } from '../config.ts'
import { isStalePreparedStatement } from './faults.ts'
import { pgModule } from './pg-module.ts'
import { PGliteDialect } from './pglite-dialect.ts'
import { discardTemplate, readTemplate } from './pglite-template.ts'
import type { Database } from './schema.ts'

export type Db = Kysely<Database>

export type Connection = {
  db: Db
  kind: 'pglite' | 'postgresql'
  /** Closes the pool or the embedded database. */
  close: () => Promise<void>
}

const DATE_OID = 1082
const INT8_OID = 20

/** Calendar dates stay `YYYY-MM-DD` strings; counts come back as numbers. */
const parsers: Record<number, (value: string) => unknown> = {
  [DATE_OID]: (value) => value,
  [INT8_OID]: (value) => Number(value),
}

/**
 * PGlite zeroes its shared buffers at every start, and initdb's 128 MB cost about 0.3 s of
 * each (0.5 s on a loaded machine) and as much again in garbage collection; 16 MB hold the
 * sandbox's small data set several times over, and the operating system's cache keeps the rest of
 * a larger one. A start parameter rather than the data directory's postgresql.conf, so that data
 * directories made by earlier versions (and the stored clusters) start with it too.
 */
export const PGLITE_START_PARAMS: string[] = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB']

/**
 * An embedded database in `dataDir` (null: in memory), optionally loaded from a dump. A new
 * database without a dump starts from the stored pristine cluster when there is one.
 */
export async function openPGlite(dataDir: string | null, loadDataDir?: Blob, stored: StoredTemplate = STORED_TEMPLATE): Promise<PGlite> {
  const create = (dump: Blob | undefined) =>
    PGlite.create(dataDir ?? undefined, { extensions: { btree_gist }, parsers, startParams: PGLITE_START_PARAMS, ...(dump ? { loadDataDir: dump } : {}) })
  const isNew = dataDir === null || !existsSync(join(dataDir, 'PG_VERSION'))
  const template = loadDataDir === undefined && isNew ? stored.read() : undefined
  if (template === undefined) return create(loadDataDir)
  const before = dataDir === null ? [] : existingEntries(dataDir)
  try {
    return await create(template)
  } catch {
    // An unreadable template: forget it, take back what the attempt wrote, and run initdb.
    stored.discard()
    if (dataDir !== null) {
      for (const entry of existingEntries(dataDir)) if (!before.includes(entry)) rmSync(join(dataDir, entry), { recursive: true, force: true })
    }
    return create(undefined)
  }
}

/** The pristine cluster kept by `npm ci` (pglite-template.ts); a parameter for the tests. */
export type StoredTemplate = { read: () => Blob | undefined; discard: () => void }
const STORED_TEMPLATE: StoredTemplate = { read: readTemplate, discard: discardTemplate }

function existingEntries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : []
}

export function kyselyOverPGlite(pglite: PGlite): Connection {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) })
  // Kysely destroys a driver only once it has run a query; the database itself is closed anyway,
  // so its data directory is always flushed.
  const close = async () => {
    await db.destroy()
    if (!pglite.closed) await pglite.close()
  }
  return { db, kind: 'pglite', close }
}

export function postgresPool(url: string, statementTimeoutMs: number): pg.Pool {
  const pg = pgModule()
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // C-68, Q-12: no query or wait for a connection outlives the statement timeout.
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + 1000,
    connectionTimeoutMillis: statementTimeoutMs,
    idleTimeoutMillis: 30_000,
    // Feed queries are short and planned often; JIT compilation cost more than it saved (measured
    // 0.15–4.7 s on a 3,000-row participants page).
    options: '-c jit=off',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  })
  // A server restart drops idle clients; the pool replaces them, so this is not fatal.
  pool.on('error', () => {})
  // A connection lost while a request holds the client: the request's query fails (→ 503) and
  // the pool drops the client on release. pg also emits 'error' on the client, and the pool only
  // listens while it is idle: unheard, that event would be an uncaught exception that ends the
  // process.
  pool.on('connect', (client) => {
    client.on('error', () => {})
    prepareRepeatedStatements(client)
    closeOnReadTimeout(client)
  })
  return pool
}

/** Named statements per connection; texts past this many run unnamed (inlined values, say). */
const MAX_NAMED_STATEMENTS = 500

/**
 * each parameterised SQL text is prepared once per connection (a named statement), so
 * PostgreSQL parses it once and, once it judges its generic plan good enough, stops planning it:
 * planning was most of a show request's time (participants/{id}: 2.5 ms planned, 0.7 ms run).
 * A text whose statement went stale under a schema change (another instance migrating) runs
 * unnamed from then on.
 */
function prepareRepeatedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>
  const names = new Map<string, string | null>()
  client.query = ((...args: unknown[]) => {
    const [text, values, callback] = args
    if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || callback !== undefined) return query(...args)
    let name = names.get(text)
    if (name === undefined && names.size < MAX_NAMED_STATEMENTS) {
      name = `rect_${names.size}`
      names.set(text, name)
    }
    // Past the limit a new text is not remembered at all, so the map stays bounded.
    if (name === undefined || name === null) return query(text, values)
    return query({ name, text, values }).catch((error: unknown) => {
      if (isStalePreparedStatement(error)) names.set(text, null)
      throw error
    })
  }) as typeof client.query
}

/**
 * A query unanswered past `query_timeout` means the connection has gone silent (a live server
 * answers the statement timeout first): the client is closed so that neither the transaction's
 * ROLLBACK nor a later request waits on it for another timeout, and the pool replaces it.
 */
function closeOnReadTimeout(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  client.query = ((...args: unknown[]) => {
    const result = query(...args)
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if (error instanceof Error && error.message === 'Query read timeout') client.end().catch(() => {})
      })
    }
    return result
  }) as typeof client.query
}

export function kyselyOverPostgres(url: string, statementTimeoutMs: number): Connection {
  const pool = postgresPool(url, statementTimeoutMs)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  pools.set(db, pool)
  return { db, kind: 'postgresql', close: () => db.destroy() }
}

const pools = new WeakMap<Db, pg.Pool>()

/**
 * The pool under a Kysely over PostgreSQL, for what Kysely cannot do (a COPY's undecoded bytes,
 * copy-out.ts); undefined for PGlite and inside a transaction.
 */
export function poolOf(db: Db): pg.Pool | undefined {
  return pools.get(db)
}

export async function connect(config: DatabaseConfig, statementTimeoutMs: number): Promise<Connection> {
  if (config.kind === 'postgresql') return kyselyOverPostgres(config.url, statementTimeoutMs)
  return kyselyOverPGlite(await openPGlite(config.dataDir))
}
