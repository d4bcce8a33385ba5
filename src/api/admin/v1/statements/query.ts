// Statements as the operator sees them (D-81): every lead provider's, in one statement per page.
import { sql, type Selectable } from 'kysely'
import type { Db } from '../../../../db/connect.ts'
import { orderAndPage } from '../../../../db/fragments.ts'
import type { StatementsTable, StatementStatus } from '../../../../db/schema.ts'
import type { Page } from '../../../common/paging.ts'

export type AdminStatementRow = Selectable<StatementsTable>

/** A filter that names nothing matches nothing (C-40). */
export type StatementFilters = { leadProviderId: string | null; cohort: number | null; status: StatementStatus | null; nothing: boolean }

function base(db: Db) {
  return db.selectFrom('statements as s').innerJoin('lead_providers as lp', 'lp.id', 's.lead_provider_id').selectAll('s')
}

export async function listAdminStatements(db: Db, filters: StatementFilters, page: Page): Promise<AdminStatementRow[]> {
  if (page.beyondEnd || filters.nothing) return []
  let query = base(db)
  if (filters.leadProviderId !== null) query = query.where('s.lead_provider_id', '=', filters.leadProviderId)
  if (filters.cohort !== null) query = query.where('s.cohort_year', '=', filters.cohort)
  if (filters.status !== null) query = query.where('s.status', '=', filters.status)
  query = query.orderBy(sql`lower(lp.name)`).orderBy('s.cohort_year')
  return orderAndPage(query, [], { cut_off_date: sql`s.cut_off_date` }, sql`s.id`, page, [{ key: 'cut_off_date', direction: 'asc' }]).execute()
}

export function findAdminStatement(db: Db, id: string): Promise<AdminStatementRow | undefined> {
  return base(db).where('s.id', '=', id).executeTakeFirst()
}

/** D-83: the statements created, in the D-81 order. */
export async function adminStatementsByIds(db: Db, ids: string[]): Promise<AdminStatementRow[]> {
  if (ids.length === 0) return []
  return base(db).where('s.id', 'in', ids).orderBy(sql`lower(lp.name)`).orderBy('s.cohort_year').orderBy('s.cut_off_date').orderBy('s.id').execute()
}
