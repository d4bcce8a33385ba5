// One database per test file (STYLE: tests): a fresh in-memory PGlite, or, when the suite runs
// against PostgreSQL (RECT_TEST_DB=postgresql), a database cloned from the migrated template.
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { inject } from 'vitest'
import pg from 'pg'
import { kyselyOverPGlite, kyselyOverPostgres, openPGlite, type Connection } from '../../src/db/connect.ts'
import { migrate } from '../../src/db/migrate.ts'

export const onPostgres = process.env.RECT_TEST_DB === 'postgresql'

export type TestDatabase = Connection & { url: string | null }

export async function testDatabase(): Promise<TestDatabase> {
  if (!onPostgres) {
    // A copy of the database global-setup migrated once: loading it is several times faster
    // than booting and migrating a fresh instance in every file.
    const template = inject('pgliteTemplate')
    const pglite = template
      ? await openPGlite(null, new Blob([await readFile(template)]))
      : await openPGlite(null)
    const connection = kyselyOverPGlite(pglite)
    if (!template) await migrate(connection.db, new Date('2025-01-01T00:00:00Z'))
    return { ...connection, url: null }
  }
  const base = inject('postgresBaseUrl')
  const template = inject('postgresTemplate')
  const name = `rect_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`)
  } finally {
    await admin.end()
  }
  const url = withDatabase(base, name)
  const connection = kyselyOverPostgres(url, 5000)
  return {
    ...connection,
    url,
    close: async () => {
      await connection.close()
      const cleanup = new pg.Client({ connectionString: base })
      await cleanup.connect()
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
      await cleanup.end()
    },
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresBaseUrl: string
    postgresTemplate: string
    /** A dump of a migrated PGlite database (global-setup.ts). */
    pgliteTemplate: string
  }
}
