// Reads and writes of lead providers for their commands.
import { sql } from 'kysely'
import type { Tx } from '../../db/transaction.ts'

/** P-14: names are unique ignoring case (the index is on lower(name)). */
export function findLeadProviderByName(tx: Tx, name: string) {
  return tx.selectFrom('lead_providers').select('id').where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst()
}

export function findLeadProvider(tx: Tx, id: string) {
  return tx.selectFrom('lead_providers').select('id').where('id', '=', id).executeTakeFirst()
}

export async function insertLeadProvider(tx: Tx, row: { id: string; name: string; now: Date }): Promise<void> {
  await tx.insertInto('lead_providers').values({ id: row.id, name: row.name, created_at: row.now, updated_at: row.now }).execute()
}

export const NAME_CONSTRAINT = 'lead_providers_p14_name_unique'
