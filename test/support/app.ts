// A test app over its own database, driven through app.inject (no port, no mocks of our code).
import { afterAll } from 'vitest'
import type { DestinationStream } from 'pino'
import { buildApp, type App } from '../../src/app.ts'
import { clockAt } from '../../src/clock.ts'
import { testConfig, type Config } from '../../src/config.ts'
import { inTransaction } from '../../src/db/transaction.ts'
import { createAdminToken } from '../../src/domain/tokens/admin-tokens.ts'
import type { CounterStore } from '../../src/api/plugins/rate-limit.ts'
import { injector, type RequestOptions, type Response } from './client.ts'
import { testDatabase, type TestDatabase } from './db.ts'

export type { RequestOptions, Response }

export type TestApp = {
  app: App
  database: TestDatabase
  db: TestDatabase['db']
  config: Config
  adminToken: string
  request: (method: string, url: string, options?: RequestOptions) => Promise<Response>
  /** An operator API request with the admin token. */
  admin: (method: string, path: string, body?: unknown, options?: RequestOptions) => Promise<Response>
}

/** Builds the app once for the file and closes it after the file's tests. */
export async function setupTestApp(
  overrides: Partial<Config> = {},
  extra: {
    counters?: CounterStore
    database?: TestDatabase
    /** Captures the log lines (set `logLevel` too). */
    logStream?: DestinationStream
    /** Extra routes registered before the app is ready, such as test/support/probe-routes.ts. */
    routes?: (app: App, db: TestDatabase['db']) => void | Promise<void>
  } = {},
): Promise<TestApp> {
  const database = extra.database ?? (await testDatabase())
  const config = testConfig(overrides)
  const app = await buildApp({
    db: database.db,
    config,
    ...(extra.counters ? { counters: extra.counters } : {}),
    ...(extra.logStream ? { logStream: extra.logStream } : {}),
  })
  await extra.routes?.(app, database.db)
  await app.ready()
  const { token: adminToken } = await inTransaction(database.db, (tx) =>
    createAdminToken(tx, clockAt(new Date('2025-01-01T00:00:00Z')), 'cli'),
  )
  afterAll(async () => {
    await app.close()
    if (!extra.database) await database.close()
  })

  const { request, admin } = injector(app, adminToken)
  return { app, database, db: database.db, config, adminToken, request, admin }
}
