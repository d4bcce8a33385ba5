// Delivery partners as the operator sees them (P-17): by name, pairings nested in one statement.
import { sql } from 'kysely'
import type { Db } from '../../../../db/connect.ts'
import { orderAndPage } from '../../../../db/fragments.ts'
import type { Page } from '../../../common/paging.ts'

export type PairingJson = { id: string; lead_provider_id: string; lead_provider_name: string; cohort: string }
export type DeliveryPartnerRow = { id: string; name: string; pairings: PairingJson[]; created_at: Date; updated_at: Date }

function select(db: Db) {
  return db.selectFrom('delivery_partners as dp').select([
    'dp.id',
    'dp.name',
    sql<PairingJson[]>`coalesce((
      SELECT json_agg(json_build_object(
        'id', p.id, 'lead_provider_id', p.lead_provider_id, 'lead_provider_name', lp.name, 'cohort', p.cohort_year::text)
        ORDER BY p.cohort_year, lower(lp.name), p.id)
      FROM lead_provider_delivery_partners p JOIN lead_providers lp ON lp.id = p.lead_provider_id
      WHERE p.delivery_partner_id = dp.id), '[]'::json)`.as('pairings'),
    'dp.created_at',
    'dp.updated_at',
  ])
}

export async function listDeliveryPartners(db: Db, page: Page): Promise<DeliveryPartnerRow[]> {
  if (page.beyondEnd) return []
  return orderAndPage(select(db), [], { name: sql`lower(dp.name)` }, sql`dp.id`, page, [{ key: 'name', direction: 'asc' }]).execute()
}

export function findDeliveryPartner(db: Db, id: string): Promise<DeliveryPartnerRow | undefined> {
  return select(db).where('dp.id', '=', id).executeTakeFirst()
}
