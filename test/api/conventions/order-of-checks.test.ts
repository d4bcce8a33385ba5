import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import { V3_PROBE, ADMIN_PROBE, probeRoutes } from '../../support/probe-routes.ts'

const t = await setupTestApp({}, { routes: probeRoutes })
const lp = await f.leadProvider(t.db)

const DENIED = '{"error":"HTTP Token: Access denied"}'
const err = (title: string, detail: string) => ({ errors: [{ title, detail }] })
const NOT_FOUND = err('Resource not found', 'Nothing could be found for the provided details')
const BAD_HEADER = err('Bad request', "The header 'X-With-Server-Date' must be an ISO 8601 date or date-time between 2000-01-01 and 2099-12-31")
const TOO_LARGE = err('Payload too large', 'The request body must not be larger than 1 MB')
const BAD_FILTER = err('Bad parameter', 'Filter must be a hash')
const BAD_SINCE = err('Bad request', "The filter '#/updated_since' must be a valid ISO 8601 date-time, such as 2025-11-03T08:00:00Z")
const BAD_PAGE = err('Bad request', "The '#/page[page]' and '#/page[per_page]' parameter values must be a valid positive number")

const huge = 'x'.repeat(1_048_577)
const everythingWrong = '?filter=x&page=0'

describe('C-10 order of checks', () => {
  it('C-10 row 1: an unknown route is the 404 before authentication, the clock header and the body', async () => {
    for (const type of ['text/plain', 'application/json']) {
      for (const url of [`/api/v3/nothing-here${everythingWrong}`, `/api/v3/delivery-partners${everythingWrong}`]) {
        const res = await t.request('POST', url, { payload: huge, headers: { 'content-type': type }, date: 'not a date' })
        expect(res.status).toBe(404)
        expect(res.body).toEqual(NOT_FOUND)
      }
      const bad = await t.request('POST', '/api/v3/nothing-here', { payload: '{bad', headers: { 'content-type': type } })
      expect(bad.status).toBe(404)
    }
  })

  it('C-10 row 3: an unauthenticated request with a bad header, a huge or bad body and a bad query gets the 401', async () => {
    for (const options of [
      { date: 'not a date' },
      { payload: huge, headers: { 'content-type': 'application/json' } },
      { payload: '{bad json', headers: { 'content-type': 'application/json' } },
      { payload: 'hello', headers: { 'content-type': 'text/plain' } },
    ]) {
      const res = await t.request('POST', `${V3_PROBE}${everythingWrong}`, options)
      expect(res.status).toBe(401)
      expect(res.text).toBe(DENIED)
    }
  })

  it('C-10 row 4: a bad X-With-Server-Date comes before the body size and syntax', async () => {
    for (const [url, token] of [[V3_PROBE, lp.token], [ADMIN_PROBE, t.adminToken]] as const) {
      const res = await t.request('POST', `${url}${everythingWrong}`, { token, date: '2100-01-01', payload: huge, headers: { 'content-type': 'application/json' } })
      expect(res.status).toBe(400)
      expect(res.body).toEqual(BAD_HEADER)
    }
  })

  it('C-10 row 5: the body size comes first, whatever the Content-Type', async () => {
    for (const type of ['application/json', 'text/plain', 'application/xml']) {
      const res = await t.request('POST', `${V3_PROBE}${everythingWrong}`, { token: lp.token, payload: huge, headers: { 'content-type': type } })
      expect(res.status).toBe(413)
      expect(res.body).toEqual(TOO_LARGE)
    }
  })

  it('C-10 row 5: then JSON syntax and Content-Type, before the filter', async () => {
    const bad = await t.request('POST', `${V3_PROBE}${everythingWrong}`, { token: lp.token, payload: '{"data":', headers: { 'content-type': 'application/json' } })
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual(err('Bad request', 'The request body is not valid JSON: it ends before the JSON is complete.'))
    const type = await t.request('POST', `${V3_PROBE}${everythingWrong}`, { token: lp.token, payload: '{}', headers: { 'content-type': 'text/plain' } })
    expect(type.status).toBe(400)
    expect(type.body).toEqual(err('Bad request', "The request body must be JSON sent with 'Content-Type: application/json'; this request sent 'text/plain'."))
  })

  it('C-10 row 6: then `filter` must be an object, on writes too', async () => {
    const res = await t.request('POST', `${V3_PROBE}${everythingWrong}`, { token: lp.token, body: { data: {} } })
    expect(res.status).toBe(400)
    expect(res.body).toEqual(BAD_FILTER)
  })

  it('C-10 rows 6, 8, 9: on a list, filter shape, then updated_since, then page', async () => {
    const q = (query: string) => t.request('GET', `${V3_PROBE}?${query}`, { token: lp.token })
    expect((await q('filter[updated_since]=bad&filter=x&page[page]=0')).body).toEqual(BAD_FILTER)
    expect((await q('filter[updated_since]=bad&page[page]=0')).body).toEqual(BAD_SINCE)
    expect((await q('filter[updated_since]=2025-01-01T00:00:00Z&page[page]=0')).body).toEqual(BAD_PAGE)
    const ok = await q('filter[updated_since]=2025-01-01T00:00:00Z&page[page]=1')
    expect(ok.status).toBe(200)
  })

  it('C-10 rows 6 and 9 on a real list endpoint; C-38: updated_since is not parsed where unsupported', async () => {
    const q = (query: string) => t.request('GET', `/api/v3/delivery-partners?${query}`, { token: lp.token })
    const shape = await q('filter=2025&page[page]=0')
    expect(shape.status).toBe(400)
    expect(shape.body).toEqual(BAD_FILTER)
    const page = await q('filter[updated_since]=bad&page[page]=0')
    expect(page.status).toBe(400)
    expect(page.body).toEqual(BAD_PAGE)
    const ok = await q('filter[updated_since]=bad')
    expect(ok.status).toBe(200)
    expect(ok.body).toEqual({ data: [] })
  })

  it('C-10 row 10, C-37: a show endpoint checks the filter shape before its own lookup', async () => {
    const res = await t.request('GET', '/api/v3/delivery-partners/not-a-uuid?filter[]=x', { token: lp.token })
    expect(res.status).toBe(400)
    expect(res.body).toEqual(BAD_FILTER)
    const missing = await t.request('GET', '/api/v3/delivery-partners/not-a-uuid?filter[cohort]=2025', { token: lp.token })
    expect(missing.status).toBe(404)
    expect(missing.body).toEqual(NOT_FOUND)
  })
})
