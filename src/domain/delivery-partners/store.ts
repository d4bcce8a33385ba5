// Reads and writes of delivery partners and their pairings (P-18, P-19, P-38).
import { sql } from 'kysely'
import type { Tx } from '../../db/transaction.ts'

/** P-18: names are unique ignoring case (the index is on lower(name)). */
export function findDeliveryPartnerByName(tx: Tx, name: string) {
  return tx.selectFrom('delivery_partners').select('id').where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst()
}

export function findDeliveryPartner(tx: Tx, id: string) {
  return tx.selectFrom('delivery_partners').select('id').where('id', '=', id).executeTakeFirst()
}

export async function insertDeliveryPartner(tx: Tx, row: { id: string; name: string; now: Date }): Promise<void> {
  await tx.insertInto('delivery_partners').values({ id: row.id, name: row.name, created_at: row.now, updated_at: row.now }).execute()
}

export function findPairing(tx: Tx, key: { lead_provider_id: string; delivery_partner_id: string; cohort: number }) {
  return tx
    .selectFrom('lead_provider_delivery_partners')
    .select('id')
    .where('lead_provider_id', '=', key.lead_provider_id)
    .where('delivery_partner_id', '=', key.delivery_partner_id)
    .where('cohort_year', '=', key.cohort)
    .executeTakeFirst()
}

export async function insertPairing(
  tx: Tx,
  row: { id: string; lead_provider_id: string; delivery_partner_id: string; cohort: number; now: Date },
): Promise<void> {
  await tx
    .insertInto('lead_provider_delivery_partners')
    .values({ id: row.id, lead_provider_id: row.lead_provider_id, delivery_partner_id: row.delivery_partner_id, cohort_year: row.cohort, created_at: row.now })
    .execute()
}

/** P-38: the delivery partner's stored stamp. */
export async function bumpDeliveryPartner(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.updateTable('delivery_partners').set({ updated_at: now }).where('id', '=', id).execute()
}

export const NAME_CONSTRAINT = 'delivery_partners_p18_name_unique'
export const PAIRING_CONSTRAINT = 'pairings_p2_unique'
