// Lead providers as the operator sees them (P-13): by name ignoring case, with live tokens nested.
import { sql } from 'kysely'
import type { Db } from '../../../../db/connect.ts'
import { orderAndPage, wireTime } from '../../../../db/fragments.ts'
import type { Page } from '../../../common/paging.ts'

export type LiveTokenJson = { id: string; description: string | null; created_at: string; last_used_at: string | null }
export type LeadProviderRow = { id: string; name: string; tokens: LiveTokenJson[]; created_at: Date; updated_at: Date }

function select(db: Db) {
  return db.selectFrom('lead_providers as lp').select([
    'lp.id',
    'lp.name',
    sql<LiveTokenJson[]>`coalesce((
      SELECT json_agg(json_build_object(
        'id', t.id, 'description', t.description,
        'created_at', ${wireTime(sql`t.created_at`)}, 'last_used_at', ${wireTime(sql`t.last_used_at`)})
        ORDER BY t.created_at, t.id)
      FROM lead_provider_tokens t
      WHERE t.lead_provider_id = lp.id AND t.revoked_at IS NULL), '[]'::json)`.as('tokens'),
    'lp.created_at',
    'lp.updated_at',
  ])
}

export async function listLeadProviders(db: Db, page: Page): Promise<LeadProviderRow[]> {
  if (page.beyondEnd) return []
  return orderAndPage(select(db), [], { name: sql`lower(lp.name)` }, sql`lp.id`, page, [{ key: 'name', direction: 'asc' }]).execute()
}

export function findLeadProvider(db: Db, id: string): Promise<LeadProviderRow | undefined> {
  return select(db).where('lp.id', '=', id).executeTakeFirst()
}
