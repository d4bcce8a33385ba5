// S-50, S-54: loading the base data set into an empty database, and replacing all data. Each runs
// in the caller's transaction, behind one advisory lock that also serialises the scenarios.
import { sql } from 'kysely'
import type { Clock } from '../clock.ts'
import type { Tx } from '../db/transaction.ts'
import { InvalidError } from '../errors.ts'
import { recordEvent } from '../domain/events.ts'
import { checkSeedOptions, countDataSet, holdsDomainData, seedDataSet, type SeedCounts } from './seed.ts'

/** Every table of domain data, lead-provider tokens and the audit trail; not settings, admin tokens or migrations. */
export const DOMAIN_TABLES = [
  'participant_documents', 'partnership_documents', 'school_documents', 'declarations', 'statements', 'milestones', 'schedules', 'school_cohort_stamps', 'mentorships', 'training_periods',
  'at_school_periods', 'participant_id_changes', 'teachers', 'partnerships', 'events', 'schools',
  'lead_provider_delivery_partners', 'delivery_partners', 'lead_provider_tokens', 'lead_providers', 'cohorts',
] as const

const SANDBOX_LOCK = 7_314_159

export const ALREADY_SEEDED = 'The database already holds data. Use POST /api/admin/v1/sandbox/reset to replace it.'

export type ResetResult = {
  seed: number
  seeding_date: string
  empty: boolean
  scale: 'small'
  counts: SeedCounts
  lead_providers: { id: string; name: string; token: string }[]
}

/** S-50, S-54: sandbox writes wait for each other. */
export async function lockSandbox(tx: Tx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${SANDBOX_LOCK})`.execute(tx)
}

/** S-50 without a scenario: the base data set into a database holding no domain data. */
export async function seedBaseData(tx: Tx, clock: Clock, seed: number): Promise<ResetResult> {
  checkSeedOptions({ seed, seedingDate: clock.today })
  await lockSandbox(tx)
  if (await holdsDomainData(tx)) throw new InvalidError([{ attribute: 'scenario', detail: ALREADY_SEEDED }])
  return load(tx, clock, seed)
}

/** S-54 (seed 1 unless given, issue 18): delete all domain data and every lead-provider token, keep admin tokens, then seed unless empty. */
export async function resetSandbox(tx: Tx, clock: Clock, options: { seed?: number; empty?: boolean }): Promise<ResetResult> {
  const settings = await tx.selectFrom('settings').select(['no_seed']).executeTakeFirstOrThrow()
  // Issue 18: without a seed number the reset returns to seed 1, whose tokens the docs print.
  const seed = options.seed ?? 1
  const empty = options.empty ?? settings.no_seed
  if (!empty) checkSeedOptions({ seed, seedingDate: clock.today })
  await lockSandbox(tx)
  // TRUNCATE takes every table's lock at once: a request alongside sees all before or all after.
  await sql`TRUNCATE ${sql.join(DOMAIN_TABLES.map((t) => sql.table(t)))} RESTART IDENTITY`.execute(tx)
  if (!empty) return load(tx, clock, seed)
  await tx.updateTable('settings').set({ seed_number: seed, seeding_date: null }).execute()
  await markSeeded(tx, clock, seed)
  return { seed, seeding_date: clock.today, empty: true, scale: 'small', counts: await countDataSet(tx), lead_providers: [] }
}

async function load(tx: Tx, clock: Clock, seed: number): Promise<ResetResult> {
  const result = await seedDataSet(tx, { seed, seedingDate: clock.today })
  await markSeeded(tx, clock, seed)
  return { ...result, empty: false, scale: 'small' }
}

/** S-51: scenario numbering restarts at every seed or reset (the k of the ids). */
async function markSeeded(tx: Tx, clock: Clock, seed: number): Promise<void> {
  await recordEvent(tx, clock, { author: 'operator', action: 'sandbox.seeded', subject_type: 'sandbox', subject_id: null, data: { seed } })
}

/** The k of the next scenario: 1 + the scenarios run since the last seed or reset. */
export async function nextScenarioNumber(tx: Tx): Promise<number> {
  const { rows } = await sql<{ k: number }>`
    SELECT count(*)::int + 1 AS k FROM events
    WHERE action = 'sandbox.scenario'
      AND id > COALESCE((SELECT max(id) FROM events WHERE action = 'sandbox.seeded'), 0)
  `.execute(tx)
  return rows[0]!.k
}
