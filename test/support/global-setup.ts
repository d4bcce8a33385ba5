// Runs once per suite run: on PostgreSQL, migrates a template database that each test file clones.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { kyselyOverPostgres } from '../../src/db/connect.ts'
import { migrate } from '../../src/db/migrate.ts'
import { withDatabase } from './db.ts'

export default async function setup(project: TestProject) {
  if (process.env.RECT_TEST_DB !== 'postgresql') return
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
    await cleanup.end()
  }
}
