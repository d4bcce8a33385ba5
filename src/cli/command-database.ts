// The database of a one-shot command (migrate, token, admin-token): DATABASE_URL or the PGlite
// data directory, validated like serve's (S-11), opened with the lock (S-14), always closed.
import { systemClock, type Clock } from '../clock.ts'
import type { Db } from '../db/connect.ts'
import type { Env } from '../config.ts'
import { applyMigrations, openDatabase } from './database.ts'
import { configOrExit } from './config.ts'

export type DatabaseFlags = { dataDir?: string }

/** Only the variables that choose the database count here; serve's other settings do not. */
function databaseEnv(env: Env): Env {
  return { DATABASE_URL: env.DATABASE_URL, RECT_MODE: env.RECT_MODE }
}

export async function withCommandDatabase<T>(
  flags: DatabaseFlags,
  env: Env,
  fn: (db: Db, clock: Clock, applied: string[]) => Promise<T>,
): Promise<T> {
  const config = configOrExit({ ...(flags.dataDir !== undefined ? { dataDir: flags.dataDir } : {}) }, databaseEnv(env))
  const clock = systemClock()
  const database = await openDatabase(config.database, config.statementTimeoutMs)
  try {
    const applied = await applyMigrations(database.db, clock.now)
    return await fn(database.db, clock, applied)
  } finally {
    await database.close()
  }
}
