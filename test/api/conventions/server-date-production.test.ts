import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import { V3_PROBE, ADMIN_PROBE, probeRoutes } from '../../support/probe-routes.ts'

const t = await setupTestApp({ mode: 'production' }, { routes: probeRoutes })
const lp = await f.leadProvider(t.db)

const SANDBOX_ONLY = { errors: [{ title: 'Bad request', detail: "The header 'X-With-Server-Date' is only accepted in sandbox mode" }] }

describe('C-52, C-53 X-With-Server-Date in production mode', () => {
  it.each([
    ['/api/v3/delivery-partners', lp.token],
    [V3_PROBE, lp.token],
    [ADMIN_PROBE, t.adminToken],
  ])('C-53: on %s the header, with any value, answers the 400', async (url, token) => {
    for (const value of ['2027-01-10T10:42:00Z', '2025-12-31', '', 'nonsense']) {
      const res = await t.request('GET', url, { token, headers: { 'x-with-server-date': value } })
      expect(res.status).toBe(400)
      expect(res.body).toEqual(SANDBOX_ONLY)
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    }
    expect((await t.request('GET', url, { token })).status).toBe(200)
  })

  it('C-10: authentication still comes before the header check', async () => {
    const res = await t.request('GET', '/api/v3/delivery-partners', { date: '2027-01-10' })
    expect(res.status).toBe(401)
  })

  it.each(['/healthcheck', '/api/docs', '/api/docs/v3', '/api/v3/openapi.json', '/api/admin/v1/openapi.json', '/api/docs/static/swagger-ui.css'])(
    'C-52: %s ignores it',
    async (url) => {
      const res = await t.request('GET', url, { date: '2027-01-10' })
      expect(res.status).toBe(url === '/api/docs/v3' ? 302 : 200)
    },
  )
})
