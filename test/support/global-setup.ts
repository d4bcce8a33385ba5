// Runs once per suite run: on PostgreSQL, migrates a template database that each test file clones.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { kyselyOverPGlite, kyselyOverPostgres, openPGlite } from '../../src/db/connect.ts'
import { migrate } from '../../src/db/migrate.ts'
import { withDatabase } from './db.ts'

export default async function setup(project: TestProject) {
  if (process.env.RECT_TEST_DB !== 'postgresql') return setupPGliteTemplate(project)
  const base = process.env.DATABASE_URL
  if (!base) throw new Error('RECT_TEST_DB=postgresql needs DATABASE_URL')
  const template = `rect_template_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${template}`)
  await admin.end()
  const connection = kyselyOverPostgres(withDatabase(base, template), 30_000)
  await migrate(connection.db, new Date('2025-01-01T00:00:00Z'))
  await connection.close()
  project.provide('postgresBaseUrl', base)
  project.provide('postgresTemplate', template)
  return async () => {
    const cleanup = new pg.Client({ connectionString: base })
    await cleanup.connect()
    await cleanup.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)
    // A file whose database was not closed (a worker ended first) leaves it: this run's are dropped here.
    const { rows } = await cleanup.query<{ name: string }>(`SELECT datname AS name FROM pg_database WHERE datname LIKE $1`, [`${template.replace('rect_template_', 'rect_test_')}\\_%`])
    for (const { name } of rows) await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await cleanup.end()
  }
}

/** Migrates one PGlite database and dumps it, so each test file loads a copy (test/support/db.ts). */
async function setupPGliteTemplate(project: TestProject) {
  const pglite = await openPGlite(null)
  await migrate(kyselyOverPGlite(pglite).db, new Date('2025-01-01T00:00:00Z'))
  // Every file's database starts from this dump, and PGlite clears its shared buffers at each
  // start: 128 MB of them cost about 0.5 s per file, 16 MB hold a test file's data many times over.
  await pglite.exec(`ALTER SYSTEM SET shared_buffers = '16MB'`)
  const dump = await pglite.dumpDataDir('none')
  await pglite.close()
  const dir = await mkdtemp(join(tmpdir(), 'rect-pglite-'))
  const file = join(dir, 'template.tar')
  await writeFile(file, Buffer.from(await dump.arrayBuffer()))
  project.provide('pgliteTemplate', file)
  return async () => {
    await rm(dir, { recursive: true, force: true })
  }
}
