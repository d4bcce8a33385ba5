// Schools as the operator sees them (P-20, P-21): by URN, optionally the one with a given URN.
import { sql, type Selectable } from 'kysely'
import type { Db } from '../../../../db/connect.ts'
import { orderAndPage } from '../../../../db/fragments.ts'
import type { SchoolsTable } from '../../../../db/schema.ts'
import type { Page } from '../../../common/paging.ts'

export type SchoolRow = Selectable<SchoolsTable>

/** `urn` null: every school; a string: only that one. */
export async function listSchools(db: Db, options: { urn: string | null; page: Page }): Promise<SchoolRow[]> {
  if (options.page.beyondEnd) return []
  let query = db.selectFrom('schools').selectAll()
  if (options.urn !== null) query = query.where('urn', '=', options.urn)
  return orderAndPage(query, [], { urn: sql`urn` }, sql`id`, options.page, [{ key: 'urn', direction: 'asc' }]).execute()
}

export function findSchool(db: Db, urn: string): Promise<SchoolRow | undefined> {
  return db.selectFrom('schools').selectAll().where('urn', '=', urn).executeTakeFirst()
}
