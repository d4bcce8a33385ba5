// Reads and writes of schools for the school commands.
import type { Insertable, Updateable } from 'kysely'
import type { SchoolsTable } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'

export function findSchoolByUrn(tx: Tx, urn: string) {
  return tx.selectFrom('schools').selectAll().where('urn', '=', urn).executeTakeFirst()
}

export async function insertSchool(tx: Tx, row: Insertable<SchoolsTable>): Promise<void> {
  await tx.insertInto('schools').values(row).execute()
}

export async function updateSchoolRow(tx: Tx, id: string, changes: Updateable<SchoolsTable>): Promise<void> {
  await tx.updateTable('schools').set(changes).where('id', '=', id).execute()
}

export const URN_CONSTRAINT = 'schools_p21_urn_unique'
