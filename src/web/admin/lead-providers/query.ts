// W-83, W-84: lead providers with their live tokens and paired cohorts.
import { sql } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import type { Page } from '../../../api/common/paging.ts'

export type LeadProviderListRow = { id: string; name: string; live_tokens: number; cohorts: number[] }

/** W-83, in the operator list's order (P-13: name ignoring case). */
export async function listLeadProvidersForAdmin(db: Db, page: Page): Promise<{ rows: LeadProviderListRow[]; total: number }> {
  const rows = await db
    .selectFrom('lead_providers as lp')
    .select([
      'lp.id',
      'lp.name',
      sql<number>`(SELECT count(*) FROM lead_provider_tokens t WHERE t.lead_provider_id = lp.id AND t.revoked_at IS NULL)::int`.as('live_tokens'),
      sql<number[]>`coalesce((SELECT array_agg(DISTINCT p.cohort_year ORDER BY p.cohort_year) FROM lead_provider_delivery_partners p WHERE p.lead_provider_id = lp.id), '{}')`.as('cohorts'),
    ])
    .orderBy(sql`lower(lp.name)`)
    .orderBy('lp.id')
    .limit(page.perPage)
    .offset(page.offset)
    .execute()
  const total = await db.selectFrom('lead_providers').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
  return { rows, total: total.n }
}

export type LiveToken = { id: string; description: string | null; created_at: Date; last_used_at: Date | null }
export type LeadProviderPage = {
  id: string
  name: string
  tokens: LiveToken[]
  pairings: { cohort: number; delivery_partners: { id: string; name: string }[] }[]
}

/** W-84: pairings by cohort (newest first) and live tokens (oldest first, as P-13). */
export async function leadProviderPage(db: Db, id: string): Promise<LeadProviderPage | undefined> {
  const lp = await db.selectFrom('lead_providers').select(['id', 'name']).where('id', '=', id).executeTakeFirst()
  if (!lp) return undefined
  const tokens = await db
    .selectFrom('lead_provider_tokens')
    .select(['id', 'description', 'created_at', 'last_used_at'])
    .where('lead_provider_id', '=', id)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  const pairings = await db
    .selectFrom('lead_provider_delivery_partners as p')
    .innerJoin('delivery_partners as dp', 'dp.id', 'p.delivery_partner_id')
    .where('p.lead_provider_id', '=', id)
    .groupBy('p.cohort_year')
    .select([
      'p.cohort_year as cohort',
      sql<{ id: string; name: string }[]>`json_agg(json_build_object('id', dp.id, 'name', dp.name) ORDER BY lower(dp.name), dp.id)`.as('delivery_partners'),
    ])
    .orderBy('p.cohort_year', 'desc')
    .execute()
  return { ...lp, tokens, pairings }
}

/** W-84's revoke page: a live token with its lead provider's name; undefined when unknown or revoked. */
export function liveTokenWithProvider(db: Db, tokenId: string) {
  return db
    .selectFrom('lead_provider_tokens as t')
    .innerJoin('lead_providers as lp', 'lp.id', 't.lead_provider_id')
    .select(['t.id', 't.description', 't.created_at', 't.last_used_at', 'lp.id as lead_provider_id', 'lp.name as lead_provider_name'])
    .where('t.id', '=', tokenId)
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst()
}
