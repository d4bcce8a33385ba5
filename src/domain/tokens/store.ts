// Token lookups for authentication: by digest, never cached beyond one request (C-5).
import type { Db } from '../../db/connect.ts'

export type LeadProviderTokenRow = { id: string; lead_provider_id: string; last_used_at: Date | null }

export function findLiveLeadProviderToken(db: Db, digest: string): Promise<LeadProviderTokenRow | undefined> {
  return db
    .selectFrom('lead_provider_tokens')
    .select(['id', 'lead_provider_id', 'last_used_at'])
    .where('digest', '=', digest)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
}

export function liveAdminTokens(db: Db): Promise<{ id: string; digest: string }[]> {
  return db.selectFrom('admin_tokens').select(['id', 'digest']).where('revoked_at', 'is', null).execute()
}

export async function recordTokenUse(db: Db, tokenId: string, now: Date): Promise<void> {
  await db.updateTable('lead_provider_tokens').set({ last_used_at: now }).where('id', '=', tokenId).execute()
}
