// Admin tokens (C-7, S-15, S-25): random or from RECT_ADMIN_TOKEN, stored as digests only.
import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { digestOf, generateToken } from './rules.ts'

export type AdminTokenSource = 'environment' | 'generated' | 'cli'

export async function createAdminToken(
  tx: Tx,
  clock: Clock,
  source: AdminTokenSource,
  options: { token?: string; description?: string | null } = {},
): Promise<{ id: string; token: string }> {
  const token = options.token ?? generateToken()
  const id = randomUUID()
  await tx
    .insertInto('admin_tokens')
    .values({ id, digest: digestOf(token), source, description: options.description ?? null, created_at: clock.now })
    .execute()
  await tx
    .insertInto('events')
    .values({ occurred_at: clock.now, author: 'system', lead_provider_id: null, action: 'admin_token.created', subject_type: 'admin_token', subject_id: id, data: JSON.stringify({ source }) })
    .execute()
  return { id, token }
}

/**
 * S-15: start-up's admin token. With RECT_ADMIN_TOKEN, its digest becomes the one live
 * environment token; without it (sandbox), a new generated token replaces the previous start's.
 * Tokens made by `rect admin-token` are never touched. Returns the plaintext to print, or null.
 */
export async function setUpStartupAdminToken(
  tx: Tx,
  clock: Clock,
  fixed: string | null,
  mode: 'sandbox' | 'production',
): Promise<{ token: string | null; source: 'environment' | 'generated' | 'none'; live: number }> {
  let result: { token: string | null; source: 'environment' | 'generated' | 'none' }
  if (fixed !== null) {
    const digest = digestOf(fixed)
    const kept = await tx
      .updateTable('admin_tokens')
      .set({ revoked_at: clock.now })
      .where('source', '=', 'environment')
      .where('revoked_at', 'is', null)
      .where('digest', '!=', digest)
      .execute()
    void kept
    const existing = await tx.selectFrom('admin_tokens').select(['id', 'revoked_at']).where('digest', '=', digest).executeTakeFirst()
    if (!existing) await createAdminToken(tx, clock, 'environment', { token: fixed })
    else if (existing.revoked_at !== null) {
      await tx.updateTable('admin_tokens').set({ revoked_at: null, source: 'environment' }).where('id', '=', existing.id).execute()
    }
    result = { token: fixed, source: 'environment' }
  } else if (mode === 'sandbox') {
    await tx
      .updateTable('admin_tokens')
      .set({ revoked_at: clock.now })
      .where('source', '=', 'generated')
      .where('revoked_at', 'is', null)
      .execute()
    const { token } = await createAdminToken(tx, clock, 'generated')
    result = { token, source: 'generated' }
  } else {
    result = { token: null, source: 'none' }
  }
  const live = await tx
    .selectFrom('admin_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow()
  return { ...result, live: Number(live.n) }
}
