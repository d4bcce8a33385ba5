// What the reliability checks (Q-10 … Q-22) share between their short runs in `npm test` and their
// long runs in `npm run faults`: a client over an app (TestApp satisfies it), a standalone app and
// a scratch PostgreSQL database for the script, and the result every check returns.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { DestinationStream } from 'pino'
import { buildApp, type App } from '../../src/app.ts'
import { clockAt } from '../../src/clock.ts'
import { testConfig, type Config } from '../../src/config.ts'
import { kyselyOverPostgres, type Connection, type Db } from '../../src/db/connect.ts'
import { migrate } from '../../src/db/migrate.ts'
import { inTransaction } from '../../src/db/transaction.ts'
import { createAdminToken } from '../../src/domain/tokens/admin-tokens.ts'
import type { CounterStore } from '../../src/api/plugins/rate-limit.ts'
import { injector, type RequestOptions as Send, type Response as Reply } from '../support/client.ts'

export type { Send, Reply }

/** The part of test/support/app.ts's TestApp the checks use, so the script can build one too. */
export type Client = {
  app: App
  db: Db
  adminToken: string
  request: (method: string, url: string, options?: Send) => Promise<Reply>
  admin: (method: string, path: string, body?: unknown, options?: Send) => Promise<Reply>
}

/** A check's outcome: `figure` is the line `npm run faults` prints; `problems` empty when met. */
export type Check = { bar: string; figure: string; problems: string[] }

export const met = (check: Check) => check.problems.length === 0

/** A client that drives `app` through inject, as setupTestApp does. */
export function clientOver(app: App, db: Db, adminToken: string): Client {
  return { app, db, adminToken, ...injector(app, adminToken) }
}

/** An app over `db` with an admin token, for the script (tests use setupTestApp). */
export async function standaloneClient(
  db: Db,
  overrides: Partial<Config> = {},
  extra: { counters?: CounterStore; logStream?: DestinationStream; routes?: (app: App, db: Db) => void } = {},
): Promise<Client & { close: () => Promise<void> }> {
  const { routes, ...deps } = extra
  const app = await buildApp({ db, config: testConfig({ rateLimitToken: 0, rateLimitIp: 0, ...overrides }), ...deps })
  routes?.(app, db)
  await app.ready()
  const { token } = await inTransaction(db, (tx) => createAdminToken(tx, clockAt(new Date('2025-01-01T00:00:00Z')), 'cli'))
  return { ...clientOver(app, db, token), close: () => app.close() }
}

export function databaseUrl(base: string, name: string): string {
  const u = new URL(base)
  u.pathname = `/${name}`
  return u.toString()
}

/** A migrated PostgreSQL database of its own, dropped by `drop`. */
export async function scratchDatabase(baseUrl: string, statementTimeoutMs = 5000): Promise<Connection & { url: string; name: string; drop: () => Promise<void> }> {
  const name = `rect_faults_${randomBytes(5).toString('hex')}`
  await onServer(baseUrl, `CREATE DATABASE ${name}`)
  const url = databaseUrl(baseUrl, name)
  const connection = kyselyOverPostgres(url, statementTimeoutMs)
  await migrate(connection.db, new Date('2025-01-01T00:00:00Z'))
  return {
    ...connection,
    url,
    name,
    drop: async () => {
      await connection.close().catch(() => {})
      await onServer(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}

async function onServer(baseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** `{ 200: 1, 422: 99 }` → `1 × 200, 99 × 422`. */
export function tally(statuses: number[]): string {
  const counts = new Map<number, number>()
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1)
  return [...counts.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${n} × ${s}`).join(', ')
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
