// Delivery partners as one lead provider sees them (P-39, P-40): those it has a pairing with.
import { sql } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import { orderAndPage } from '../../../db/fragments.ts'
import type { Page } from '../../common/paging.ts'
import type { SortKey } from '../../common/sort.ts'
import type { SORT_KEYS } from './schemas.ts'

export type DeliveryPartnerRow = { id: string; name: string; created_at: Date; updated_at: Date; cohort: string[] }

type SortName = (typeof SORT_KEYS)[number]

function scoped(db: Db, leadProviderId: string) {
  return db
    .selectFrom('delivery_partners as dp')
    .select([
      'dp.id',
      'dp.name',
      'dp.created_at',
      'dp.updated_at',
      sql<string[]>`array(
        SELECT p.cohort_year::text FROM lead_provider_delivery_partners p
        WHERE p.delivery_partner_id = dp.id AND p.lead_provider_id = ${leadProviderId}
        GROUP BY p.cohort_year ORDER BY p.cohort_year)`.as('cohort'),
    ])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('lead_provider_delivery_partners as p')
          .select(sql.lit(1).as('one'))
          .whereRef('p.delivery_partner_id', '=', 'dp.id')
          .where('p.lead_provider_id', '=', leadProviderId),
      ),
    )
}

export async function listDeliveryPartners(
  db: Db,
  leadProviderId: string,
  options: { cohorts: number[] | null; sort: SortKey<SortName>[]; page: Page },
): Promise<DeliveryPartnerRow[]> {
  const { cohorts, sort, page } = options
  if ((cohorts !== null && cohorts.length === 0) || page.beyondEnd) return []
  let query = scoped(db, leadProviderId)
  if (cohorts !== null) {
    // P-41 (decided): paired with the caller in at least one listed cohort.
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('lead_provider_delivery_partners as f')
          .select(sql.lit(1).as('one'))
          .whereRef('f.delivery_partner_id', '=', 'dp.id')
          .where('f.lead_provider_id', '=', leadProviderId)
          .where('f.cohort_year', 'in', cohorts),
      ),
    )
  }
  const columns = { created_at: sql`dp.created_at`, updated_at: sql`dp.updated_at`, name: sql`lower(dp.name)` }
  return orderAndPage(query, sort, columns, sql`dp.id`, page, [{ key: 'created_at', direction: 'asc' }]).execute()
}

export function findDeliveryPartner(db: Db, leadProviderId: string, id: string): Promise<DeliveryPartnerRow | undefined> {
  return scoped(db, leadProviderId).where('dp.id', '=', id).executeTakeFirst()
}
