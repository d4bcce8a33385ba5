// Applies pending migrations/*.sql in one transaction: rerunning is a no-op, and an
// advisory lock lets several instances start at once without applying a file twice.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'kysely'
import { PACKAGE_ROOT } from '../package-root.ts'
import type { Db } from './connect.ts'

const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'src', 'db', 'migrations') + '/'
const LOCK_KEY = 7_146_334_201

export type MigrationResult = { applied: string[] }

export class MigrationError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`migration ${file} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
}

export async function migrationFiles(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort()
}

export async function migrate(db: Db, now: Date): Promise<MigrationResult> {
  const files = await migrationFiles()
  return db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`.execute(tx)
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL)`.execute(tx)
    const done = new Set((await tx.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name))
    const applied: string[] = []
    for (const file of files) {
      const name = file.replace(/\.sql$/, '')
      if (done.has(name)) continue
      const text = await readFile(`${MIGRATIONS_DIR}${file}`, 'utf8')
      try {
        await sql.raw(text).execute(tx)
      } catch (error) {
        throw new MigrationError(file, error)
      }
      await tx.insertInto('schema_migrations').values({ name, applied_at: now }).execute()
      applied.push(name)
    }
    return { applied }
  })
}
