import type { Db } from '../../../../db/connect.ts'

export type PairingRow = { id: string; lead_provider_id: string; delivery_partner_id: string; cohort_year: number; created_at: Date }

export function findPairing(db: Db, id: string): Promise<PairingRow | undefined> {
  return db
    .selectFrom('lead_provider_delivery_partners')
    .select(['id', 'lead_provider_id', 'delivery_partner_id', 'cohort_year', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst()
}
