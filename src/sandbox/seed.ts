// S-30 … S-41: the seed data set for seed number N at seeding date T, replayed as dated steps
// through the domain commands in the caller's transaction (S-32): the reference data (S-33 …
// S-36), the statements (S-37), every lead provider's kit (S-38, S-39) and G1–G3.
import { sql } from 'kysely'
import { documentTriggersOff, documentTriggersOn } from '../db/document-triggers.ts'
import type { Db } from '../db/connect.ts'
import type { Tx } from '../db/transaction.ts'
import { holdEvents, writeHeldEvents } from '../domain/events.ts'
import { InvalidError } from '../errors.ts'
import { isSeedingDateAllowed, SEEDING_DATE_TOO_EARLY, seedDates } from './dates.ts'
import { kitSteps, schoolLedSteps } from './kit.ts'
import { newReplay } from './kit-support.ts'
import { planPeople } from './people.ts'
import { planReference } from './reference.ts'
import { referenceSteps } from './reference-steps.ts'
import { statementSteps } from './statement-steps.ts'
import { orderSteps, runSteps, stepClock, type Step } from './steps.ts'

export const MAX_SEED = 2147483647

export type SeedOptions = { seed: number; seedingDate: string }

export const COUNTED = ['cohorts', 'lead_providers', 'delivery_partners', 'schools', 'partnerships', 'teachers', 'declarations', 'statements'] as const

export type SeedCounts = Record<(typeof COUNTED)[number], number>

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
  const people = planPeople(seed, plan.leadProviders)
  const replay = newReplay(seed, dates, plan)
  const reference = referenceSteps(plan, dates)
  const kits = plan.leadProviders.flatMap((_, i) => kitSteps(replay, people, i))
  const record: Step = {
    on: seedingDate,
    name: 'record the seeding (S-4)',
    run: async (tx) => {
      await tx.updateTable('settings').set({ seeded: true, seed_number: seed, seeding_date: seedingDate }).execute()
    },
  }
  return orderSteps([...reference.steps, ...statementSteps(plan, dates), ...kits, ...schoolLedSteps(replay, people)], [...reference.after, record])
}

export async function seedDataSet(tx: Tx, options: SeedOptions): Promise<SeedResult> {
  checkSeedOptions(options)
  // Q-8: the replay's ~1,400 audit rows are written in a few statements at its end, and the
  // documents' triggers wait for it (the database holds no domain data yet).
  holdEvents(tx)
  const documentTriggers = await documentTriggersOff(tx)
  await runSteps(tx, seedSteps(options), options.seed, (on, k) => stepClock(on, options.seedingDate, k))
  await writeHeldEvents(tx)
  await documentTriggersOn(tx, documentTriggers)
  const plan = planReference(options.seed, seedDates(options.seedingDate))
  return {
    seed: options.seed,
    seeding_date: options.seedingDate,
    counts: await countDataSet(tx),
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

/** S-55's counts. */
export async function countDataSet(db: Db | Tx): Promise<SeedCounts> {
  const { rows } = await sql<SeedCounts>`SELECT ${sql.join(COUNTED.map((t) => sql`(SELECT count(*) FROM ${sql.table(t)})::int AS ${sql.ref(t)}`))}`.execute(db)
  return rows[0]!
}
