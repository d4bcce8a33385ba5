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

  it('C-66, Q-26: a throttled request is logged', async () => {
    lines.length = 0
    const other = await f.leadProvider(t.db)
    for (let i = 0; i < 3; i++) await t.request('GET', V3_PROBE, { token: other.token })
    expect(records().filter((r) => r.msg === 'rate limited')).toHaveLength(1)
    expect(JSON.stringify(records())).not.toContain(other.token)
  })
})
