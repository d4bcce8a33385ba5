// Reads and writes of cohorts for the cohort commands.
import { sql, type Insertable, type Updateable } from 'kysely'
import type { CohortsTable } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'

/** The advisory lock every cohort write takes (the others: migrate.ts, sandbox/reset.ts, the log's consumption). */
const COHORT_WRITES_LOCK = 7_146_334_202

/**
 * cohort writes one at a time, until the transaction ends. Two overlapping inserts (or
 * updates) in flight at once each wait for the other's row in the exclusion constraint
 * (cohorts_p10_no_overlap): PostgreSQL aborts one as a deadlock after a second, and with several
 * at once a request ran out of retries and answered 500 after ten. Taken before the checks, so
 * they see the previous writer's committed row and answer its 422; cohort writes are rare
 * operator actions. The constraint stays as the guard.
 */
export async function lockCohortWrites(tx: Tx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${COHORT_WRITES_LOCK})`.execute(tx)
}

export function findCohortByYear(tx: Tx, year: number) {
  return tx.selectFrom('cohorts').selectAll().where('year', '=', year).executeTakeFirst()
}

/** The earliest other cohort whose half-open dates overlap [startsOn, endsOn) (P-10). */
export async function firstOverlappingYear(tx: Tx, startsOn: string, endsOn: string, exceptYear: number | null): Promise<number | null> {
  let query = tx
    .selectFrom('cohorts')
    .select('year')
    .where('starts_on', '<', endsOn)
    .where('ends_on', '>', startsOn)
  if (exceptYear !== null) query = query.where('year', '!=', exceptYear)
  const row = await query.orderBy('starts_on').orderBy('year').limit(1).executeTakeFirst()
  return row?.year ?? null
}

export async function insertCohort(tx: Tx, row: Insertable<CohortsTable>): Promise<void> {
  await tx.insertInto('cohorts').values(row).execute()
}

export async function updateCohortRow(tx: Tx, year: number, changes: Updateable<CohortsTable>): Promise<void> {
  await tx.updateTable('cohorts').set(changes).where('year', '=', year).execute()
}

export const COHORT_CONSTRAINTS = ['cohorts_p10_year_unique', 'cohorts_p10_no_overlap'] as const
