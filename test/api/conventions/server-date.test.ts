import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import { V3_PROBE, ADMIN_PROBE, probeRoutes } from '../../support/probe-routes.ts'

const t = await setupTestApp({ mode: 'sandbox' }, { routes: probeRoutes })
const lp = await f.leadProvider(t.db)

const BAD_HEADER = {
  errors: [{ title: 'Bad request', detail: "The header 'X-With-Server-Date' must be an ISO 8601 date or date-time between 2000-01-01 and 2099-12-31" }],
}
const surfaces = [
  ['v3', V3_PROBE, lp.token],
  ['operator', ADMIN_PROBE, t.adminToken],
] as const

describe.each(surfaces)('C-51 … C-53 X-With-Server-Date in sandbox mode, %s API', (_name, url, token) => {
  it.each([
    ['2027-01-10T10:42:00Z', '2027-01-10T10:42:00.000Z', '2027-01-10'],
    ['2025-12-31', '2025-12-31T00:00:00.000Z', '2025-12-31'],
    ['2025-07-01', '2025-06-30T23:00:00.000Z', '2025-07-01'],
    ['2025-07-01T10:00:00', '2025-07-01T09:00:00.000Z', '2025-07-01'],
    ['2025-01-15T10:00:00', '2025-01-15T10:00:00.000Z', '2025-01-15'],
    ['2025-07-01T10:00:00.250', '2025-07-01T09:00:00.250Z', '2025-07-01'],
    ['2025-07-01T10:00:00.25Z', '2025-07-01T10:00:00.250Z', '2025-07-01'],
    ['2025-07-01T10:00:00+02:00', '2025-07-01T08:00:00.000Z', '2025-07-01'],
    ['2025-07-01T00:30:00-05:00', '2025-07-01T05:30:00.000Z', '2025-07-01'],
    ['2025-08-31T23:30:00Z', '2025-08-31T23:30:00.000Z', '2025-09-01'],
    ['2025-10-26T00:30:00Z', '2025-10-26T00:30:00.000Z', '2025-10-26'],
    ['2025-10-26T01:30:00', '2025-10-26T00:30:00.000Z', '2025-10-26'],
    ['2000-01-01', '2000-01-01T00:00:00.000Z', '2000-01-01'],
    ['2099-12-31T23:59:59Z', '2099-12-31T23:59:59.000Z', '2099-12-31'],
    ['  2027-01-10T10:42:00Z  ', '2027-01-10T10:42:00.000Z', '2027-01-10'],
  ])('C-53: %j is the instant %s, today %s (C-18)', async (header, now, today) => {
    const res = await t.request('GET', url, { token, headers: { 'x-with-server-date': header } })
    expect(res.status).toBe(200)
    expect(res.body.now).toBe(now)
    expect(res.body.today).toBe(today)
  })

  it.each([
    '',
    ' ',
    'tomorrow',
    '1999-12-31',
    '2100-01-01',
    '2100-01-01T00:00:00Z',
    '2025-02-29',
    '2025-13-01',
    '2025-01-32',
    '2025-01-01T24:00:00Z',
    '2025-01-01T10:60:00Z',
    '2025-01-01 10:00:00',
    '2025-01-01T10:00Z',
    '2025-01-01T10:00:00+0100',
    '20250101',
    '1735689600',
    '2025-01-01T10:00:00ZZ',
  ])('C-53: %j answers the 400', async (header) => {
    const res = await t.request('GET', url, { token, headers: { 'x-with-server-date': header } })
    expect(res.status).toBe(400)
    expect(res.body).toEqual(BAD_HEADER)
  })

  it('C-51: without the header the request clock is the real time', async () => {
    const before = Date.now()
    const res = await t.request('GET', url, { token })
    const now = Date.parse(res.body.now)
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })
})

describe('C-52, C-54 where the header is read', () => {
  it.each(['/healthcheck', '/api/docs', '/api/docs/v3', '/api/v3/openapi.json', '/api/admin/v1/openapi.json', '/api/docs/static/swagger-initializer.js'])(
    'C-52: %s ignores even a bad value',
    async (url) => {
      const res = await t.request('GET', url, { headers: { 'x-with-server-date': 'not a date' } })
      expect([200, 302]).toContain(res.status)
    },
  )

  it('C-52: the documents do not change with the header', async () => {
    const plain = await t.request('GET', '/api/v3/openapi.json')
    const travelled = await t.request('GET', '/api/v3/openapi.json', { date: '2030-01-01' })
    expect(travelled.text).toBe(plain.text)
  })

  it('C-54, Q-15: concurrent requests with different dates each see only their own', async () => {
    const dates = Array.from({ length: 40 }, (_, i) => `20${String(30 + (i % 60)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}T12:00:00Z`)
    const answers = await Promise.all(dates.map((date) => t.request('GET', V3_PROBE, { token: lp.token, date })))
    expect(answers.map((a) => a.body.now)).toEqual(dates.map((d) => new Date(d).toISOString()))
    const after = await t.request('GET', V3_PROBE, { token: lp.token })
    expect(Math.abs(Date.parse(after.body.now) - Date.now())).toBeLessThan(5000)
  })
})
