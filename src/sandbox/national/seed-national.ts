// Q-1, S-41: the national-scale data set, generated in set-based SQL straight into a database
// that holds no domain data, in one transaction: a pure function of the seed number N and the
// seeding date T, with the small seed's cohorts, lead providers, seeded tokens and id derivation.
import { sql } from 'kysely'
import type { Db } from '../../db/connect.ts'
import type { Tx } from '../../db/transaction.ts'
import { seedDates } from '../dates.ts'
import { checkSeedOptions, holdsDomainData, type SeedOptions } from '../seed.ts'
import { seedNationalDeclarations } from './declarations.ts'
import { seedNationalPeople } from './people.ts'
import { seedNationalPartnerships } from './partnerships.ts'
import { seedNationalReference } from './reference.ts'
import { createSeedFunctions, dropSeedFunctions } from './sql-helpers.ts'
import { documentTriggersOff, documentTriggersOn } from '../../db/document-triggers.ts'

export type NationalCounts = Record<(typeof COUNTED)[number], number>

export type NationalSeedResult = {
  seed: number
  seeding_date: string
  counts: NationalCounts
  lead_providers: { id: string; name: string; token: string }[]
  /** Wall-clock milliseconds per phase, for `npm run bench:data`. */
  timings: Record<string, number>
}

const COUNTED = [
  'cohorts', 'lead_providers', 'delivery_partners', 'lead_provider_delivery_partners', 'schools', 'partnerships', 'teachers',
  'at_school_periods', 'training_periods', 'mentorships', 'statements', 'declarations',
] as const

/**
 * Writes the data set; `db` may already be a transaction (the CLI's reset), else one is opened.
 * Throws InvalidError for a bad seed or seeding date, and an Error if domain data is present.
 */
export async function seedNational(db: Db | Tx, options: SeedOptions): Promise<NationalSeedResult> {
  checkSeedOptions(options)
  return db.isTransaction ? generate(db as Tx, options) : db.transaction().execute((tx) => generate(tx, options))
}

async function generate(tx: Tx, { seed, seedingDate }: SeedOptions): Promise<NationalSeedResult> {
  if (await holdsDomainData(tx)) throw new Error('the national data set is written into a database without domain data; reset it first')
  const dates = seedDates(seedingDate)
  const timings: Record<string, number> = {}
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now()
    const result = await fn()
    timings[name] = Math.round(performance.now() - started)
    return result
  }
  // the joins and sorts over hundreds of thousands of generated rows fit in memory rather than
  // spilling to disk in batches (the server's default work_mem is 4 MB); this transaction only.
  await sql`SET LOCAL work_mem = '256MB'`.execute(tx)
  await sql`SET LOCAL maintenance_work_mem = '512MB'`.execute(tx)
  await createSeedFunctions(tx, seed)
  // Q-1: the documents' triggers are off while the bulk statements run (each would join millions
  // of changed rows to mark documents that are new and stale anyway), db/document-triggers.ts.
  const documentTriggers = await documentTriggersOff(tx)
  const leadProviders = await phase('reference', () => seedNationalReference(tx, seed, dates))
  await phase('partnerships', () => seedNationalPartnerships(tx, dates))
  await phase('people', () => seedNationalPeople(tx, dates))
  await phase('declarations', () => seedNationalDeclarations(tx, seed, dates, leadProviders))
  await tx.updateTable('settings').set({ seeded: true, seed_number: seed, seeding_date: seedingDate }).execute()
  await dropSeedFunctions(tx)
  // The deferred R-10 triggers run at commit; SET CONSTRAINTS runs them now, inside the timing.
  await phase('deferred checks', () => sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(tx))
  await phase('documents', () => documentTriggersOn(tx, documentTriggers))
  await phase('analyze', () => sql`ANALYZE`.execute(tx))
  return {
    seed,
    seeding_date: seedingDate,
    counts: await countRows(tx),
    lead_providers: leadProviders.map(({ id, name, token }) => ({ id, name, token })),
    timings,
  }
}

async function countRows(tx: Tx): Promise<NationalCounts> {
  const columns = COUNTED.map((table) => sql`(SELECT count(*) FROM ${sql.table(table)})::int AS ${sql.ref(table)}`)
  const { rows } = await sql<NationalCounts>`SELECT ${sql.join(columns)}`.execute(tx)
  return rows[0]!
}
