// The database of a one-shot command (migrate, token, admin-token): DATABASE_URL or the PGlite
// data directory, opened with the lock (S-14), migrated, and always closed.
import { systemClock, type Clock } from '../clock.ts'
import type { Db } from '../db/connect.ts'
import type { Config } from '../config.ts'
import type { MigrationResult } from '../db/migrate.ts'
import { applyMigrations, openDatabase } from './database.ts'

/** `config` comes from commandConfigOrExit (config.ts), checked before this module loads. */
export async function withCommandDatabase<T>(config: Config, fn: (db: Db, clock: Clock, migrated: MigrationResult) => Promise<T>): Promise<T> {
  const clock = systemClock()
  const database = await openDatabase(config.database, config.statementTimeoutMs)
  try {
    const migrated = await applyMigrations(database.db, clock.now)
    return await fn(database.db, clock, migrated)
  } finally {
    await database.close()
  }
}
