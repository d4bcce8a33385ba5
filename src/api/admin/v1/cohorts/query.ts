// Cohorts as the operator sees them: every one, by year (P-9).
import { sql } from 'kysely'
import type { Db } from '../../../../db/connect.ts'
import { orderAndPage } from '../../../../db/fragments.ts'
import type { CohortsTable } from '../../../../db/schema.ts'
import type { Selectable } from 'kysely'
import type { Page } from '../../../common/paging.ts'

export type CohortRow = Selectable<CohortsTable>

export async function listCohorts(db: Db, page: Page): Promise<CohortRow[]> {
  if (page.beyondEnd) return []
  const query = db.selectFrom('cohorts').selectAll()
  return orderAndPage(query, [], { year: sql`year` }, sql`id`, page, [{ key: 'year', direction: 'asc' }]).execute()
}

export function findCohort(db: Db, year: number): Promise<CohortRow | undefined> {
  return db.selectFrom('cohorts').selectAll().where('year', '=', year).executeTakeFirst()
}
