import { describe, expect, it } from 'vitest'
import { Writable } from 'node:stream'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import { V3_PROBE, ADMIN_PROBE, probeRoutes } from '../../support/probe-routes.ts'

const lines: string[] = []
const logStream = new Writable({
  write(chunk, _encoding, callback) {
    lines.push(...String(chunk).split('\n').filter(Boolean))
    callback()
  },
})

const t = await setupTestApp({ logLevel: 'info', rateLimitToken: 2 }, { logStream, routes: probeRoutes })
const lp = await f.leadProvider(t.db)
const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>)

describe('Q-22, Q-26, C-83 request logs', () => {
  it('Q-22: no token, in any header form, ever reaches the log, whatever the outcome', async () => {
    const secret = 'S3cretTokenValueThatMustNeverBeLogged00'
    for (const authorization of [`Bearer ${lp.token}`, `Token token="${lp.token}"`, `Bearer ${secret}`, `Bearer ${t.adminToken}`]) {
      for (const [method, url] of [['GET', '/api/v3/delivery-partners'], ['GET', `${V3_PROBE}/boom`], ['GET', `${ADMIN_PROBE}/boom`], ['POST', V3_PROBE], ['GET', '/nope']]) {
        await t.request(method!, url!, { headers: { authorization, 'content-type': 'application/json' }, payload: method === 'POST' ? '{bad' : undefined })
      }
    }
    const all = lines.join('\n')
    expect(lines.length).toBeGreaterThan(10)
    for (const token of [lp.token, t.adminToken, secret]) expect(all).not.toContain(token)
    expect(all.toLowerCase()).not.toContain('bearer')
  })

  it('Q-26, C-83: one line per request with method, path, status, duration, lead provider id and the request id', async () => {
    lines.length = 0
    const fresh = await f.leadProvider(t.db)
    await t.request('GET', '/api/v3/delivery-partners?filter[cohort]=2025', { token: fresh.token, headers: { 'x-request-id': 'trace-me-1' } })
    const mine = records().filter((r) => r.reqId === 'trace-me-1')
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ msg: 'request', method: 'GET', path: '/api/v3/delivery-partners', status: 200, lead_provider_id: fresh.id })
    expect(typeof mine[0]!.duration_ms).toBe('number')
  })

  it('C-31: an unexpected error is logged with its stack under the request id, which the response carries', async () => {
    lines.length = 0
    const fresh = await f.leadProvider(t.db)
    const res = await t.request('GET', `${V3_PROBE}/boom`, { token: fresh.token })
    const id = res.headers['x-request-id']
    const error = records().find((r) => r.reqId === id && r.level === 50)
    expect(error?.msg).toBe('unexpected error')
    expect(JSON.stringify(error)).toContain('kaboom')
    expect(res.text).not.toContain('kaboom')
  })

  it('Q-26, issue 18: the line of a refused request says why, never with the token', async () => {
    lines.length = 0
    const fresh = await f.leadProvider(t.db)
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['no-header', V3_PROBE, {}, 'no Authorization header'],
      ['odd-scheme', V3_PROBE, { headers: { authorization: 'Basic abc' } }, "the Authorization header is not 'Bearer <token>'"],
      ['unknown-token', V3_PROBE, { token: 'nope-not-a-token' }, 'the token is unknown, revoked or an admin token'],
      ['admin-on-v3', V3_PROBE, { token: t.adminToken }, 'the token is unknown, revoked or an admin token'],
      ['lp-on-admin', ADMIN_PROBE, { token: fresh.token }, 'the token is unknown, revoked or a lead provider token'],
      ['unknown-route', '/api/v3/nowhere', { token: fresh.token }, 'unknown route'],
      ['bad-json', V3_PROBE, { token: fresh.token, method: 'POST', payload: '{"data":', headers: { 'content-type': 'application/json' } }, 'Bad request: The request body is not valid JSON: it ends before the JSON is complete.'],
      ['form', V3_PROBE, { token: fresh.token, method: 'POST', payload: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, "Bad request: The request body must be JSON sent with 'Content-Type: application/json'; this request sent a form (application/x-www-form-urlencoded), which is what curl -d sends unless given -H 'Content-Type: application/json'."],
      ['bad-since', `${V3_PROBE}?filter[updated_since]=2026-12-01`, { token: fresh.token }, "Bad request: The filter '#/updated_since' must be a valid ISO 8601 date-time, such as 2026-12-01T00:00:00Z: a date alone is not enough"],
    ]
    // This file allows 2 requests per token and window: each case gets a token of its own.
    for (const [id, url, { method, headers, token, ...options }, reason] of cases) {
      const own = token === fresh.token ? (await f.leadProvider(t.db)).token : token
      await t.request((method as string | undefined) ?? 'GET', url, { ...options, ...(own === undefined ? {} : { token: own as string }), headers: { ...(headers as object), 'x-request-id': `refused-${id}` } })
      const line = records().find((r) => r.reqId === `refused-${id}`)
      expect([id, line?.refused]).toEqual([id, reason])
    }
    const ok = await t.request('GET', V3_PROBE, { token: fresh.token, headers: { 'x-request-id': 'served-1' } })
    expect(ok.status).toBe(200)
    expect(records().find((r) => r.reqId === 'served-1')).not.toHaveProperty('refused')
    expect(lines.join('\n')).not.toContain(fresh.token)
  })

  it('C-66, Q-26: a throttled request is logged', async () => {
    lines.length = 0
    const other = await f.leadProvider(t.db)
    for (let i = 0; i < 3; i++) await t.request('GET', V3_PROBE, { token: other.token })
    expect(records().filter((r) => r.msg === 'rate limited')).toHaveLength(1)
    expect(JSON.stringify(records())).not.toContain(other.token)
  })
})
