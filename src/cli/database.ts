// Opening the database for a command (S-14, S-17 step 2): the PGlite lock first, then the
// database; any failure is exit 3 with the reason, and nothing is left locked.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { DatabaseConfig } from '../config.ts'
import { connect, type Connection } from '../db/connect.ts'
import { copyCluster, removeEntries } from '../db/pglite-template.ts'
import { ChangedMigrationError, MigrationError, migrate, type MigrationResult } from '../db/migrate.ts'
import { unavailable } from './errors.ts'
import { lockDataDir } from './lock.ts'

export type OpenedDatabase = Connection & {
  /** How start-up names it: `PGlite ./.rect-data`, `PGlite in memory`, `PostgreSQL host:5432/db`. */
  label: string
  /** Closes the database, then removes the lock file (S-21). */
  close: () => Promise<void>
}

/**
 * `seeded`: a stored cluster (cli/seeded-template.ts) that a new PGlite data directory starts as; if it
 * cannot be copied or opened, the directory starts empty as without it.
 */
export async function openDatabase(config: DatabaseConfig, statementTimeoutMs: number, seeded: string | null = null): Promise<OpenedDatabase> {
  if (config.kind === 'postgresql') {
    const connection = await connect(config, statementTimeoutMs)
    const where = describeUrl(config.url)
    try {
      await sql`SELECT 1`.execute(connection.db)
    } catch (error) {
      await connection.close().catch(() => {})
      throw unavailable(`cannot reach the database at ${where}: ${(error as Error).message}`)
    }
    return { ...connection, label: `PostgreSQL ${where}` }
  }
  if (config.dataDir === null) {
    return { ...(await connect(config, statementTimeoutMs)), label: 'PGlite in memory' }
  }
  const lock = lockDataDir(config.dataDir)
  try {
    const connection = await connectCopying(config, config.dataDir, statementTimeoutMs, seeded)
    return {
      ...connection,
      label: `PGlite ${config.dataDir}`,
      close: async () => {
        try {
          await connection.close()
        } finally {
          lock.release()
        }
      },
    }
  } catch (error) {
    lock.release()
    throw unavailable(`cannot open the PGlite database in ${config.dataDir}: ${(error as Error).message}`)
  }
}

async function connectCopying(config: DatabaseConfig, dataDir: string, statementTimeoutMs: number, seeded: string | null): Promise<Connection> {
  const copied = seeded === null ? null : copyCluster(seeded, dataDir)
  if (copied === null) return connect(config, statementTimeoutMs)
  try {
    return await connect(config, statementTimeoutMs)
  } catch {
    removeEntries(dataDir, copied)
    return connect(config, statementTimeoutMs)
  }
}

/** True when a PGlite data directory holds no database yet (before opening it). */
export function isNewDataDir(config: DatabaseConfig): boolean {
  return config.kind === 'pglite' && (config.dataDir === null || !existsSync(join(config.dataDir, 'PG_VERSION')))
}

/** host:port/database, never the user or password (Q-22). */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`
  } catch {
    return 'DATABASE_URL'
  }
}

/**
 * Q-16, S-22: pending migrations and changed definitions in one transaction; a failure, or an
 * applied migration whose file has changed, is exit 3 naming the file.
 */
export async function applyMigrations(db: Connection['db'], now: Date): Promise<MigrationResult> {
  try {
    return await migrate(db, now)
  } catch (error) {
    if (error instanceof MigrationError || error instanceof ChangedMigrationError) throw unavailable(error.message)
    throw unavailable(`cannot apply migrations: ${(error as Error).message}`)
  }
}

/** S-22's line, then one for the definitions applied and one for checksums recorded late, if any. */
export function migrationsText({ applied, defined, recorded }: MigrationResult): string {
  const lines: string[] = []
  if (applied.length > 0) lines.push(`applied ${count(applied.length, 'migration')} (${range(applied)})`)
  if (defined.length > 0) lines.push(`applied ${count(defined.length, 'definition')} (${range(defined)})`)
  if (recorded.length > 0) lines.push(`recorded the SHA-256 of ${count(recorded.length, 'migration')} applied before checksums were kept (${range(recorded)})`)
  return lines.length === 0 ? 'database is up to date' : lines.join('\n')
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`
const range = (names: string[]) => (names.length === 1 ? names[0]! : `${names[0]} … ${names[names.length - 1]}`)
