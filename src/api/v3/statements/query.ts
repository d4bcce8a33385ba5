// Statements as one lead provider sees them (D-64): its own, of every cohort; one statement per page.
import { sql } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import { orderAndPage } from '../../../db/fragments.ts'
import type { StatementStatus } from '../../../db/schema.ts'
import type { Page } from '../../common/paging.ts'

export type StatementRow = {
  id: string
  month: number
  year: number
  cohort_year: number
  cut_off_date: string
  payment_date: string
  status: StatementStatus
  created_at: Date
  updated_at: Date
}

function scoped(db: Db, leadProviderId: string) {
  return db
    .selectFrom('statements as s')
    .select(['s.id', 's.month', 's.year', 's.cohort_year', 's.cut_off_date', 's.payment_date', 's.status', 's.created_at', 's.updated_at'])
    .where('s.lead_provider_id', '=', leadProviderId)
}

export async function listStatements(
  db: Db,
  leadProviderId: string,
  options: { cohorts: number[] | null; updatedSince: Date | null; page: Page },
): Promise<StatementRow[]> {
  const { cohorts, updatedSince, page } = options
  if (page.beyondEnd || (cohorts !== null && cohorts.length === 0)) return []
  let query = scoped(db, leadProviderId)
  if (cohorts !== null) query = query.where('s.cohort_year', 'in', cohorts)
  if (updatedSince !== null) query = query.where('s.updated_at', '>=', updatedSince)
  // D-64: payment_date ascending, then the id (C-36); `sort` is ignored.
  return orderAndPage(query, [], { payment_date: sql`s.payment_date` }, sql`s.id`, page, [{ key: 'payment_date', direction: 'asc' }]).execute()
}

export function findStatement(db: Db, leadProviderId: string, id: string): Promise<StatementRow | undefined> {
  return scoped(db, leadProviderId).where('s.id', '=', id).executeTakeFirst()
}
