import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import { ADMIN_PROBE, V3_PROBE, probeRoutes } from '../../support/probe-routes.ts'
import { memoryCounters, type CounterStore } from '../../../src/api/plugins/rate-limit.ts'

// Real memory counters, told the time by the test so windows and Retry-After are exact.
const WINDOW = 300_000
const base = Math.floor(Date.UTC(2030, 0, 1) / WINDOW) * WINDOW
let fakeNow: number | null = base + 162_500
const seen: number[] = []
const memory = memoryCounters()
const counters: CounterStore = {
  incr: (key, nowMs) => {
    seen.push(nowMs)
    return memory.incr(key, fakeNow ?? nowMs)
  },
}

const t = await setupTestApp({ rateLimitToken: 3, rateLimitIp: 2 }, { counters, routes: probeRoutes })
const off = await setupTestApp({ rateLimitToken: 0, rateLimitIp: 0 }, { database: t.database, routes: probeRoutes })

const TOO_MANY = '{"errors":[{"title":"Too many requests","detail":"Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"}]}'
const DENIED = '{"error":"HTTP Token: Access denied"}'

let ipSeq = 0
const newIp = () => `10.0.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`

async function hit(url: string, options: { token?: string; ip?: string; app?: typeof t; method?: 'GET' | 'POST'; date?: string } = {}) {
  const res = await (options.app ?? t).app.inject({
    method: options.method ?? 'GET',
    url,
    remoteAddress: options.ip ?? '10.9.9.9',
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.date ? { 'x-with-server-date': options.date } : {}),
    },
  })
  return { status: res.statusCode, text: res.body, headers: res.headers }
}

function expectThrottled(res: Awaited<ReturnType<typeof hit>>, retryAfter?: number) {
  expect(res.status).toBe(429)
  expect(res.text).toBe(TOO_MANY)
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
  const after = Number(res.headers['retry-after'])
  expect(Number.isInteger(after) && after >= 1).toBe(true)
  if (retryAfter !== undefined) expect(after).toBe(retryAfter)
  expect(res.headers['ratelimit-remaining']).toBe('0')
  expect(res.headers['ratelimit-reset']).toBe(res.headers['retry-after'])
  expect(res.headers['x-ratelimit-limit']).toBeUndefined()
  expect(res.headers['x-request-id']).toBeTruthy()
}

describe('C-63 per token', () => {
  it('C-63: the 4th request of a window with a limit of 3 answers 429, whatever the IP', async () => {
    fakeNow = base + 162_500
    const lp = await f.leadProvider(t.db)
    for (let i = 0; i < 3; i++) expect((await hit('/api/v3/delivery-partners', { token: lp.token, ip: newIp() })).status).toBe(200)
    expectThrottled(await hit('/api/v3/delivery-partners', { token: lp.token, ip: newIp() }), 138)
    expectThrottled(await hit(V3_PROBE, { token: lp.token, method: 'POST' }), 138)
  })

  it('C-63: each token has its own count, even two of one lead provider', async () => {
    fakeNow = base + 1000
    const a = await f.leadProvider(t.db)
    const b = await f.leadProvider(t.db)
    await t.db.updateTable('lead_provider_tokens').set({ lead_provider_id: a.id }).where('id', '=', b.tokenId).execute()
    for (let i = 0; i < 3; i++) await hit(V3_PROBE, { token: a.token })
    expectThrottled(await hit(V3_PROBE, { token: a.token }), 299)
    expect((await hit(V3_PROBE, { token: b.token })).status).toBe(200)
  })

  it('C-63, C-10 row 1: an unknown route is still the 404 when the token is throttled', async () => {
    fakeNow = base + 2000
    const lp = await f.leadProvider(t.db)
    for (let i = 0; i < 4; i++) await hit(V3_PROBE, { token: lp.token })
    expect((await hit('/api/v3/nothing-here', { token: lp.token })).status).toBe(404)
  })

  it('C-63: windows are aligned to multiples of 300 s: the last millisecond says Retry-After 1, the next window starts afresh', async () => {
    const lp = await f.leadProvider(t.db)
    fakeNow = base + WINDOW - 5000
    for (let i = 0; i < 3; i++) await hit(V3_PROBE, { token: lp.token })
    expectThrottled(await hit(V3_PROBE, { token: lp.token }), 5)
    fakeNow = base + WINDOW - 1
    expectThrottled(await hit(V3_PROBE, { token: lp.token }), 1)
    fakeNow = base + WINDOW
    expect((await hit(V3_PROBE, { token: lp.token })).status).toBe(200)
    fakeNow = base + 2 * WINDOW - 1
    expect((await hit(V3_PROBE, { token: lp.token })).status).toBe(200)
    expect((await hit(V3_PROBE, { token: lp.token })).status).toBe(200)
    expectThrottled(await hit(V3_PROBE, { token: lp.token }), 1)
  })

  it('C-52, C-63: windows use the real time, never X-With-Server-Date', async () => {
    fakeNow = null
    const lp = await f.leadProvider(t.db)
    seen.length = 0
    const before = Date.now()
    await hit(V3_PROBE, { token: lp.token, date: '2031-06-01T12:00:00Z' })
    expect(seen).toHaveLength(1)
    expect(seen[0]).toBeGreaterThanOrEqual(before)
    expect(seen[0]).toBeLessThanOrEqual(Date.now())
    fakeNow = base
  })
})

describe('C-63, C-65 RateLimit headers on every limited answer', () => {
  it('C-63: each answer carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (seconds to the window\'s end); the 429 adds Retry-After', async () => {
    fakeNow = base + 100_000
    const lp = await f.leadProvider(t.db)
    const answers = []
    for (let i = 0; i < 4; i++) answers.push(await hit(V3_PROBE, { token: lp.token }))
    expect(answers.map((a) => [a.status, a.headers['ratelimit-limit'], a.headers['ratelimit-remaining'], a.headers['ratelimit-reset'], a.headers['retry-after']])).toEqual([
      [200, '3', '2', '200', undefined],
      [200, '3', '1', '200', undefined],
      [200, '3', '0', '200', undefined],
      [429, '3', '0', '200', '200'],
    ])
  })

  it('C-64: a 401 counted against the IP carries them too; admin and document answers carry none', async () => {
    fakeNow = base + 101_000
    const denied = await hit('/api/v3/delivery-partners', { ip: newIp() })
    expect([denied.status, denied.headers['ratelimit-limit'], denied.headers['ratelimit-remaining'], denied.headers['ratelimit-reset']]).toEqual([401, '2', '1', '199'])
    for (const answer of [await hit(ADMIN_PROBE, { token: t.adminToken }), await hit('/api/v3/openapi.json'), await hit('/healthcheck')]) {
      expect(answer.headers['ratelimit-limit']).toBeUndefined()
    }
  })
})

describe('C-64 without a valid token', () => {
  it('C-64: requests whose token does not resolve count against the IP and get 429 instead of 401', async () => {
    fakeNow = base + 10_000
    const ip = newIp()
    expect((await hit('/api/v3/delivery-partners', { ip })).text).toBe(DENIED)
    expect((await hit(V3_PROBE, { ip, token: 'unknown-token' })).text).toBe(DENIED)
    expectThrottled(await hit('/api/v3/delivery-partners', { ip }), 290)
    expectThrottled(await hit(ADMIN_PROBE, { ip, token: 'wrong' }))
    expect((await hit('/api/v3/delivery-partners', { ip: newIp() })).text).toBe(DENIED)
  })

  it('C-64: a lead provider token on the operator API, and an admin token on v3, count against the IP', async () => {
    fakeNow = base + 11_000
    const ip = newIp()
    const lp = await f.leadProvider(t.db)
    await hit(ADMIN_PROBE, { ip, token: lp.token })
    await hit(V3_PROBE, { ip, token: t.adminToken })
    expectThrottled(await hit(ADMIN_PROBE, { ip, token: lp.token }))
    expect((await hit(V3_PROBE, { ip, token: lp.token })).status).toBe(200)
  })

  it('C-64: a throttled IP still gets the 404 for an unknown route, and a valid token from it still works', async () => {
    fakeNow = base + 12_000
    const ip = newIp()
    for (let i = 0; i < 3; i++) await hit(V3_PROBE, { ip })
    expect((await hit('/api/v3/nothing-here', { ip })).status).toBe(404)
    const lp = await f.leadProvider(t.db)
    expect((await hit(V3_PROBE, { ip, token: lp.token })).status).toBe(200)
  })

  it('C-64: admin-token requests, /healthcheck, /api/docs and the documents are never limited', async () => {
    fakeNow = base + 13_000
    const ip = newIp()
    for (let i = 0; i < 3; i++) await hit(V3_PROBE, { ip })
    for (let i = 0; i < 5; i++) {
      expect((await hit(ADMIN_PROBE, { ip, token: t.adminToken })).status).toBe(200)
      for (const url of ['/healthcheck', '/api/docs', '/api/docs/static/swagger-ui.css', '/api/v3/openapi.json', '/api/admin/v1/openapi.json']) {
        expect((await hit(url, { ip })).status).toBe(200)
      }
    }
  })
})

describe('C-66 settings', () => {
  it('C-66: 0 switches each limit off', async () => {
    const lp = await f.leadProvider(t.db)
    for (let i = 0; i < 25; i++) {
      expect((await hit(V3_PROBE, { app: off, token: lp.token })).status).toBe(200)
      expect((await hit(V3_PROBE, { app: off })).status).toBe(401)
    }
  })
})
