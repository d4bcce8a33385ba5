import { describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import { ADMIN_PROBE, V3_PROBE, probeRoutes } from '../../support/probe-routes.ts'
import { digestOf } from '../../../src/domain/tokens/rules.ts'
import { createAdminToken } from '../../../src/domain/tokens/admin-tokens.ts'
import { inTransaction } from '../../../src/db/transaction.ts'
import { clockAt } from '../../../src/clock.ts'

const t = await setupTestApp({}, { routes: probeRoutes })
const lp = await f.leadProvider(t.db)
const LIST = '/api/v3/delivery-partners'
const DENIED = '{"error":"HTTP Token: Access denied"}'

const get = (url: string, authorization?: string, headers: Record<string, string> = {}) =>
  t.request('GET', url, { headers: { ...(authorization !== undefined ? { authorization } : {}), ...headers } })

function expectDenied(res: Awaited<ReturnType<typeof get>>) {
  expect(res.status).toBe(401)
  expect(res.text).toBe(DENIED)
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
  expect(res.headers['www-authenticate']).toBeUndefined()
}

describe('C-3 header forms', () => {
  it.each([
    ['Bearer', `Bearer ${lp.token}`],
    ['bearer', `bearer ${lp.token}`],
    ['BEARER', `BEARER ${lp.token}`],
    ['bEaReR', `bEaReR ${lp.token}`],
    ['Token x', `Token ${lp.token}`],
    ['Token token="x"', `Token token="${lp.token}"`],
  ])('C-3: `%s` authenticates', async (_name, header) => {
    const res = await get(LIST, header)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ data: [] })
  })

  it.each([
    ['no scheme', lp.token],
    ['Basic', `Basic ${lp.token}`],
    ['Bearer with no token', 'Bearer '],
    ['two tokens', `Bearer ${lp.token} ${lp.token}`],
    ['Bearer token="x"', `Bearer token="${lp.token}x"`],
  ])('C-3, C-8: %s is the 401', async (_name, header) => {
    expectDenied(await get(LIST, header))
  })

  it('C-3: a token in the query string or the body is never read', async () => {
    expectDenied(await get(`${LIST}?token=${lp.token}&api_key=${lp.token}&access_token=${lp.token}`))
    const res = await t.request('POST', V3_PROBE, { body: { token: lp.token } })
    expectDenied(res)
  })
})

describe('C-4, C-5 token lookup', () => {
  it('C-4: a presented token is looked up by the digest of the presented string, whatever its length', async () => {
    const provider = await f.leadProvider(t.db)
    for (const plaintext of ['x', 'short-token', 'y'.repeat(300)]) {
      await t.db
        .insertInto('lead_provider_tokens')
        .values({ id: randomUUID(), lead_provider_id: provider.id, digest: digestOf(plaintext), description: 'odd', created_at: new Date('2025-05-02T10:00:00Z') })
        .execute()
      const res = await get(V3_PROBE, `Bearer ${plaintext}`)
      expect(res.status).toBe(200)
      expect(res.body.caller).toBe('lead_provider')
    }
    expectDenied(await get(V3_PROBE, `Bearer ${digestOf('x')}`))
  })

  it('C-5: a lead provider may hold several tokens, and a revoked one is refused on the very next request', async () => {
    const provider = await f.leadProvider(t.db)
    const second = await f.leadProvider(t.db)
    await t.db.updateTable('lead_provider_tokens').set({ lead_provider_id: provider.id }).where('id', '=', second.tokenId).execute()
    expect((await get(LIST, `Bearer ${provider.token}`)).status).toBe(200)
    expect((await get(LIST, `Bearer ${second.token}`)).status).toBe(200)
    await t.db.updateTable('lead_provider_tokens').set({ revoked_at: new Date('2025-05-02T10:00:00Z') }).where('id', '=', provider.tokenId).execute()
    expectDenied(await get(LIST, `Bearer ${provider.token}`))
    expect((await get(LIST, `Bearer ${second.token}`)).status).toBe(200)
  })

  it('C-5, C-8: an unknown token is the 401', async () => {
    expectDenied(await get(LIST, 'Bearer 0123456789abcdefghij0123456789abcdefghij'))
  })
})

describe('C-6 last use', () => {
  const lastUsed = async (tokenId: string) =>
    (await t.db.selectFrom('lead_provider_tokens').select('last_used_at').where('id', '=', tokenId).executeTakeFirstOrThrow()).last_used_at

  it('C-6: last_used_at is the request clock, written at most once a minute', async () => {
    const provider = await f.leadProvider(t.db)
    expect(await lastUsed(provider.tokenId)).toBeNull()
    const at = (date: string) => t.request('GET', LIST, { token: provider.token, date })
    expect((await at('2026-01-10T10:00:00Z')).status).toBe(200)
    expect((await lastUsed(provider.tokenId))?.toISOString()).toBe('2026-01-10T10:00:00.000Z')
    await at('2026-01-10T10:00:59Z')
    expect((await lastUsed(provider.tokenId))?.toISOString()).toBe('2026-01-10T10:00:00.000Z')
    await at('2026-01-10T10:01:00Z')
    expect((await lastUsed(provider.tokenId))?.toISOString()).toBe('2026-01-10T10:01:00.000Z')
  })

  it('C-6: a refused request (bad X-With-Server-Date) records no use', async () => {
    const provider = await f.leadProvider(t.db)
    expect((await t.request('GET', LIST, { token: provider.token, date: 'yesterday' })).status).toBe(400)
    expect(await lastUsed(provider.tokenId)).toBeNull()
  })
})

describe('C-7, C-8 token kinds', () => {
  it('C-7: the admin token authenticates under /api/admin/v1, in every C-3 form', async () => {
    for (const header of [`Bearer ${t.adminToken}`, `bearer ${t.adminToken}`, `Token ${t.adminToken}`, `Token token="${t.adminToken}"`]) {
      const res = await get(ADMIN_PROBE, header)
      expect(res.status).toBe(200)
      expect(res.body.caller).toBe('admin')
    }
  })

  it('C-8 (decided): an admin token on /api/v3 is the 401', async () => {
    expectDenied(await get(LIST, `Bearer ${t.adminToken}`))
    expectDenied(await get(V3_PROBE, `Bearer ${t.adminToken}`))
  })

  it('C-8 (decided), Q-19: a lead provider token on /api/admin/v1 is the 401', async () => {
    expectDenied(await get(ADMIN_PROBE, `Bearer ${lp.token}`))
  })

  it('C-8: a revoked admin token is the 401', async () => {
    const { token } = await inTransaction(t.db, (tx) => createAdminToken(tx, clockAt(new Date('2025-05-02T10:00:00Z')), 'cli'))
    expect((await get(ADMIN_PROBE, `Bearer ${token}`)).status).toBe(200)
    await t.db.updateTable('admin_tokens').set({ revoked_at: new Date('2025-05-02T10:00:00Z') }).where('digest', '=', digestOf(token)).execute()
    expectDenied(await get(ADMIN_PROBE, `Bearer ${token}`))
  })

  it('C-8: a missing header is the 401 on both APIs, with the exact body and content type and no WWW-Authenticate', async () => {
    expectDenied(await get(LIST))
    expectDenied(await get(`${LIST}/${randomUUID()}`))
    expectDenied(await get(ADMIN_PROBE))
  })
})

describe('C-9 authentication comes early', () => {
  it('C-9: an unauthenticated request never learns whether an id exists', async () => {
    expectDenied(await get(`${LIST}/not-a-uuid`))
    expectDenied(await get(`${LIST}/${randomUUID()}`))
  })

  it('C-9: an unauthenticated request never learns whether its query is valid', async () => {
    expectDenied(await get(`${LIST}?filter=x&page=2`))
  })
})
