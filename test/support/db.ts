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
    const pglite = template ? await openPGlite(null, new TarBlob(await templateBytes(template))) : await openPGlite(null)
    const connection = kyselyOverPGlite(pglite)
    if (!template) await migrate(connection.db, new Date('2025-01-01T00:00:00Z'))
    return { ...connection, url: null }
  }
  const base = inject('postgresBaseUrl')
  const template = inject('postgresTemplate')
  // Named after the run's template, so the run's teardown drops any a file left (global-setup.ts).
  const name = `${template.replace('rect_template_', 'rect_test_')}_${randomBytes(6).toString('hex')}`
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

/** The template's bytes, read once per worker (files share a worker's modules, isolate: false). */
let templateRead: { path: string; bytes: Promise<Uint8Array> } | null = null
function templateBytes(path: string): Promise<Uint8Array> {
  if (templateRead?.path !== path) templateRead = { path, bytes: readFile(path) }
  return templateRead.bytes
}

/**
 * The dump as PGlite reads it (its loadTar only calls arrayBuffer()), each file its own copy of
 * the bytes. A Node Blob of the 43 MB dump took about 0.5 s per file to build and read back.
 */
class TarBlob extends Blob {
  readonly #bytes: Uint8Array
  constructor(bytes: Uint8Array) {
    super([], { type: 'application/x-tar' })
    this.#bytes = bytes
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(new Uint8Array(this.#bytes).buffer)
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
