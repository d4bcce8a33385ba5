// Reads and writes of cohorts for the cohort commands.
import type { Insertable, Updateable } from 'kysely'
import type { CohortsTable } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'

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
