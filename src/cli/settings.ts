// S-4: the database remembers its mode. Production marks it; seeding marks it seeded; each mode
// refuses the other's database, so the publicly derivable sandbox tokens never open production.
import { sql } from 'kysely'
import type { Mode } from '../config.ts'
import type { Db } from '../db/connect.ts'
import type { SettingsTable } from '../db/schema.ts'
import { usageError } from './errors.ts'

export type Settings = Pick<SettingsTable, 'mode' | 'seed_number' | 'seeding_date'> & { seeded: boolean }

export const PRODUCTION_DATABASE = 'this database is used in production mode; start with --mode production'
export const PRODUCTION_DATABASE_SEED = 'this database is used in production mode; rect seed, reset and scenarios are refused'
export const SEEDED_DATABASE =
  'this database holds sandbox seed data and its published tokens; production needs a database that was never seeded'

/** The settings row, or null before the first migration created it. */
export async function readSettings(db: Db): Promise<Settings | null> {
  const exists = await sql<{ found: string | null }>`SELECT to_regclass('public.settings')::text AS found`.execute(db)
  if (!exists.rows[0]?.found) return null
  const row = await db.selectFrom('settings').select(['mode', 'seeded', 'seed_number', 'seeding_date']).executeTakeFirst()
  return row ? { ...row, seed_number: row.seed_number === null ? null : Number(row.seed_number) } : null
}

export function checkModeMarker(settings: Settings | null, mode: Mode): void {
  if (settings === null) return
  if (mode === 'sandbox' && settings.mode === 'production') throw usageError(PRODUCTION_DATABASE)
  if (mode === 'production' && settings.seeded) throw usageError(SEEDED_DATABASE)
}

export async function recordProductionMarker(db: Db): Promise<void> {
  await db.updateTable('settings').set({ mode: 'production' }).where('mode', 'is', null).execute()
}
