// Token lookups for authentication (by digest, never cached beyond one request, C-5) and the
// writes that issue and revoke lead provider tokens.
import type { RawBuilder } from 'kysely'
import type { Db } from '../../db/connect.ts'
import type { Tx } from '../../db/transaction.ts'

export type LeadProviderTokenRow = { id: string; lead_provider_id: string; last_used_at: Date | null }

/** The live token with this digest; with `beside`, more columns of the same statement over its row. */
export async function findLiveLeadProviderToken(
  db: Db,
  digest: string,
  beside: Record<string, RawBuilder<unknown>> = {},
): Promise<(LeadProviderTokenRow & { [column: string]: unknown }) | undefined> {
  const more = Object.entries(beside).map(([name, column]) => column.as(name))
  return db
    .selectFrom('lead_provider_tokens')
    .select(['id', 'lead_provider_id', 'last_used_at'])
    .$if(more.length > 0, (q) => q.select(more))
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

// Issuing and revoking lead provider tokens (P-15, P-16).

export async function insertLeadProviderToken(
  tx: Tx,
  row: { id: string; lead_provider_id: string; digest: string; description: string | null; seeded: boolean; now: Date },
): Promise<void> {
  const { now, ...values } = row
  await tx.insertInto('lead_provider_tokens').values({ ...values, created_at: now }).execute()
}

/** Revokes a live token; undefined when there is no live token with that id. */
export async function revokeLiveToken(tx: Tx, id: string, now: Date): Promise<{ lead_provider_id: string } | undefined> {
  return tx
    .updateTable('lead_provider_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('lead_provider_id')
    .executeTakeFirst()
}
