// S-18, S-34: the start-up output derives each seeded token again from the seed number (only its
// digest is stored) and shows it while that digest is still live; a revoked one is left out.
import type { Db } from '../db/connect.ts'
import { digestOf } from '../domain/tokens/rules.ts'
import { sandboxToken, slugOf } from './derive.ts'

export type LeadProviderToken = { id: string; name: string; token: string | null }

/** Every lead provider in name order, with its live seeded token or null. */
export async function sandboxTokens(db: Db, seed: number | null): Promise<LeadProviderToken[]> {
  const providers = await db.selectFrom('lead_providers').select(['id', 'name']).execute()
  providers.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.name.localeCompare(b.name))
  const live = new Set(
    (
      await db
        .selectFrom('lead_provider_tokens')
        .select(['lead_provider_id', 'digest'])
        .where('seeded', '=', true)
        .where('revoked_at', 'is', null)
        .execute()
    ).map((t) => `${t.lead_provider_id}:${t.digest}`),
  )
  return providers.map(({ id, name }) => {
    if (seed === null) return { id, name, token: null }
    const token = sandboxToken(seed, slugOf(name))
    return { id, name, token: live.has(`${id}:${digestOf(token)}`) ? token : null }
  })
}
