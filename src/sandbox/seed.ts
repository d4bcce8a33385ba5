// S-30 … S-36: the seed data set for seed number N at seeding date T, replayed as dated steps
// through the domain commands in the caller's transaction. Participants, partnerships, transfers,
// declarations and statements (S-37, S-38) join as further steps in later issues.
import { sql } from 'kysely'
import type { Db } from '../db/connect.ts'
import type { Tx } from '../db/transaction.ts'
import { InvalidError } from '../errors.ts'
import { isSeedingDateAllowed, SEEDING_DATE_TOO_EARLY, seedDates } from './dates.ts'
import { planReference } from './reference.ts'
import { referenceSteps } from './reference-steps.ts'
import { orderSteps, runSteps, type Step } from './steps.ts'

export const MAX_SEED = 2147483647

export type SeedOptions = { seed: number; seedingDate: string }

export type SeedCounts = { cohorts: number; lead_providers: number; delivery_partners: number; schools: number }

export type SeedResult = {
  seed: number
  seeding_date: string
  counts: SeedCounts
  lead_providers: { id: string; name: string; token: string }[]
}

/** Throws InvalidError (`seed`, `seeding_date`) before anything is written. */
export function checkSeedOptions({ seed, seedingDate }: SeedOptions): void {
  const problems = []
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    problems.push({ attribute: 'seed', detail: "The '#/seed' must be a whole number from 0 to 2147483647." })
  }
  if (!isSeedingDateAllowed(seedingDate)) problems.push({ attribute: 'seeding_date', detail: SEEDING_DATE_TOO_EARLY })
  if (problems.length > 0) throw new InvalidError(problems)
}

/** Every step of the data set, in replay order. */
export function seedSteps({ seed, seedingDate }: SeedOptions): Step[] {
  const dates = seedDates(seedingDate)
  const plan = planReference(seed, dates)
  const reference = referenceSteps(plan, dates)
  const record: Step = {
    on: seedingDate,
    name: 'record the seeding (S-4)',
    run: async (tx) => {
      await tx.updateTable('settings').set({ seeded: true, seed_number: seed, seeding_date: seedingDate }).execute()
    },
  }
  return orderSteps(reference.steps, [...reference.after, record])
}

export async function seedDataSet(tx: Tx, options: SeedOptions): Promise<SeedResult> {
  checkSeedOptions(options)
  await runSteps(tx, seedSteps(options), options.seedingDate)
  const plan = planReference(options.seed, seedDates(options.seedingDate))
  return {
    seed: options.seed,
    seeding_date: options.seedingDate,
    counts: await countReferenceData(tx),
    lead_providers: plan.leadProviders.map(({ id, name, token }) => ({ id, name, token })),
  }
}

/** S-17 step 5: domain data means any cohort, lead provider or school. */
export async function holdsDomainData(db: Db | Tx): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    SELECT EXISTS (SELECT 1 FROM cohorts) OR EXISTS (SELECT 1 FROM lead_providers) OR EXISTS (SELECT 1 FROM schools) AS found
  `.execute(db)
  return rows[0]?.found === true
}

async function countReferenceData(db: Db | Tx): Promise<SeedCounts> {
  const { rows } = await sql<SeedCounts>`
    SELECT (SELECT count(*) FROM cohorts)::int AS cohorts,
           (SELECT count(*) FROM lead_providers)::int AS lead_providers,
           (SELECT count(*) FROM delivery_partners)::int AS delivery_partners,
           (SELECT count(*) FROM schools)::int AS schools
  `.execute(db)
  return rows[0]!
}
