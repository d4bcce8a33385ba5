// W-86: delivery partners with the cohorts they are paired in, and one delivery partner's pairings.
import { sql } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import type { Page } from '../../../api/common/paging.ts'

export type DeliveryPartnerListRow = { id: string; name: string; cohorts: number[] }

/** In the operator list's order (P-17: name ignoring case). */
export async function listDeliveryPartnersForAdmin(db: Db, page: Page): Promise<{ rows: DeliveryPartnerListRow[]; total: number }> {
  const rows = await db
    .selectFrom('delivery_partners as dp')
    .select([
      'dp.id',
      'dp.name',
      sql<number[]>`coalesce((SELECT array_agg(DISTINCT p.cohort_year ORDER BY p.cohort_year) FROM lead_provider_delivery_partners p WHERE p.delivery_partner_id = dp.id), '{}')`.as('cohorts'),
    ])
    .orderBy(sql`lower(dp.name)`)
    .orderBy('dp.id')
    .limit(page.perPage)
    .offset(page.offset)
    .execute()
  const total = await db.selectFrom('delivery_partners').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
  return { rows, total: total.n }
}

export type DeliveryPartnerPage = { id: string; name: string; pairings: { cohort: number; lead_provider_id: string; lead_provider_name: string }[] }

/** Pairings newest cohort first, then lead provider name. */
export async function deliveryPartnerPage(db: Db, id: string): Promise<DeliveryPartnerPage | undefined> {
  const dp = await db.selectFrom('delivery_partners').select(['id', 'name']).where('id', '=', id).executeTakeFirst()
  if (!dp) return undefined
  const pairings = await db
    .selectFrom('lead_provider_delivery_partners as p')
    .innerJoin('lead_providers as lp', 'lp.id', 'p.lead_provider_id')
    .where('p.delivery_partner_id', '=', id)
    .select(['p.cohort_year as cohort', 'lp.id as lead_provider_id', 'lp.name as lead_provider_name'])
    .orderBy('p.cohort_year', 'desc')
    .orderBy(sql`lower(lp.name)`)
    .orderBy('lp.id')
    .execute()
  return { ...dp, pairings }
}
