import { describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import { V3_PROBE, ADMIN_PROBE, probeRoutes } from '../../support/probe-routes.ts'

const t = await setupTestApp({}, { routes: probeRoutes })
const lp = await f.leadProvider(t.db)
const dp = await f.deliveryPartner(t.db, { name: 'Formats Partner', created_at: '2025-04-01T09:00:00.999Z', updated_at: '2025-05-02T10:06:59.5Z' })
await f.pairing(t.db, lp.id, dp.id, 2025)
await f.pairing(t.db, lp.id, dp.id, 2024)

const JSON_TYPE = 'application/json; charset=utf-8'
const NOT_FOUND = { errors: [{ title: 'Resource not found', detail: 'Nothing could be found for the provided details' }] }
const dpJson = {
  id: dp.id,
  type: 'delivery-partner',
  attributes: { name: 'Formats Partner', created_at: '2025-04-01T09:00:00Z', updated_at: '2025-05-02T10:06:59Z', cohort: ['2024', '2025'] },
}

describe('C-11 JSON everywhere', () => {
  it.each([
    ['200', 'GET', '/api/v3/delivery-partners', lp.token, 200],
    ['401', 'GET', '/api/v3/delivery-partners', undefined, 401],
    ['404', 'GET', '/api/v3/nope', lp.token, 404],
    ['400', 'GET', '/api/v3/delivery-partners?page=1', lp.token, 400],
    ['500', 'GET', `${V3_PROBE}/boom`, lp.token, 500],
    ['health', 'GET', '/healthcheck', undefined, 200],
    ['v3 document', 'GET', '/api/v3/openapi.json', undefined, 200],
    ['operator document', 'GET', '/api/admin/v1/openapi.json', undefined, 200],
  ])('C-11: %s answers compact UTF-8 JSON', async (_name, method, url, token, status) => {
    const res = await t.request(method, url, { token: token ?? null })
    expect(res.status).toBe(status)
    expect(res.headers['content-type']).toBe(JSON_TYPE)
    expect(res.text).toBe(JSON.stringify(JSON.parse(res.text)))
  })
})

describe('C-15, C-16 formats and path ids', () => {
  it('C-15: ids lower case, timestamps truncated to whole seconds with Z, cohorts as 4-digit strings', async () => {
    const res = await t.request('GET', `/api/v3/delivery-partners/${dp.id}`, { token: lp.token })
    expect(res.text).toBe(JSON.stringify({ data: dpJson }))
  })

  it('C-16: an id in any letter case matches', async () => {
    const res = await t.request('GET', `/api/v3/delivery-partners/${dp.id.toUpperCase()}`, { token: lp.token })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ data: dpJson })
  })

  it.each([
    ['braces', (id: string) => `%7B${id}%7D`],
    ['no hyphens', (id: string) => id.replace(/-/g, '')],
    ['not hex', (id: string) => `${id.slice(0, -1)}g`],
    ['too long', (id: string) => `${id}0`],
    ['a word', () => 'latest'],
    ['empty, after two slashes', () => '/'],
    ['an SQL fragment', () => "1'%20OR%20'1'='1"],
  ])('C-16 (decided): a malformed id (%s) is simply not found', async (_name, shape) => {
    const res = await t.request('GET', `/api/v3/delivery-partners/${shape(dp.id)}`, { token: lp.token })
    expect(res.status).toBe(404)
    expect(res.body).toEqual(NOT_FOUND)
  })

  it('C-28: an id that does not exist is the 404', async () => {
    const res = await t.request('GET', `/api/v3/delivery-partners/${randomUUID()}`, { token: lp.token })
    expect(res.status).toBe(404)
    expect(res.body).toEqual(NOT_FOUND)
  })
})

describe('C-29 unknown routes', () => {
  it.each([
    ['an unknown path', 'GET', '/api/v3/nothing-here'],
    ['an unknown surface', 'GET', '/api/v4/delivery-partners'],
    ['outside the API and the web pages (W-1: no text/html)', 'GET', '/no-such-page'],
    ['a .json suffix', 'GET', '/api/v3/delivery-partners.json'],
    ['a method the path does not serve', 'DELETE', '/api/v3/delivery-partners'],
    ['POST on a read', 'POST', `/api/v3/delivery-partners/${randomUUID()}`],
    ['OPTIONS (no CORS preflight)', 'OPTIONS', '/api/v3/delivery-partners'],
  ])('C-29 (decided): %s is the 404 whatever the token', async (_name, method, url) => {
    for (const token of [lp.token, t.adminToken, 'nonsense', null]) {
      const res = await t.request(method, url, { token })
      expect(res.status).toBe(404)
      expect(res.text).toBe(JSON.stringify(NOT_FOUND))
      expect(res.headers['content-type']).toBe(JSON_TYPE)
    }
  })

  it('C-29: HEAD, which no route serves, is the unknown-route 404', async () => {
    const res = await t.request('HEAD', '/api/v3/delivery-partners', { token: lp.token })
    expect(res.status).toBe(404)
  })

  it('C-29: one trailing slash is ignored', async () => {
    const list = await t.request('GET', '/api/v3/delivery-partners/', { token: lp.token })
    expect(list.status).toBe(200)
    expect(list.body).toEqual({ data: [dpJson] })
    const show = await t.request('GET', `/api/v3/delivery-partners/${dp.id}/`, { token: lp.token })
    expect(show.body).toEqual({ data: dpJson })
    expect((await t.request('GET', '/api/v3/openapi.json/')).status).toBe(200)
  })
})

describe('C-31 errors never leak', () => {
  it('C-31: an unexpected failure is the 500 body, with no stack, message or internal detail', async () => {
    for (const [url, token] of [[`${V3_PROBE}/boom`, lp.token], [`${ADMIN_PROBE}/boom`, t.adminToken]] as const) {
      const res = await t.request('GET', url, { token })
      expect(res.status).toBe(500)
      expect(res.text).toBe('{"errors":[{"title":"Internal server error","detail":"Something went wrong. Try again later"}]}')
      expect(res.headers['x-request-id']).toBeTruthy()
    }
  })
})

describe('C-83 request id', () => {
  it('C-83: the client value of up to 128 visible ASCII characters is echoed, on every kind of answer', async () => {
    const id = `req-${'x'.repeat(124)}`
    for (const [url, token] of [['/api/v3/delivery-partners', lp.token], ['/api/v3/delivery-partners', null], ['/nope', null], ['/healthcheck', null], [`${V3_PROBE}/boom`, lp.token]] as const) {
      const res = await t.request('GET', url, { token, headers: { 'x-request-id': id } })
      expect(res.headers['x-request-id']).toBe(id)
    }
  })

  it.each([
    ['too long', 'x'.repeat(129)],
    ['a space', 'has space'],
    ['non-ASCII', 'héllo'],
    ['empty', ''],
  ])('C-83: a client value with %s is replaced by a new UUID', async (_name, value) => {
    const res = await t.request('GET', '/api/v3/delivery-partners', { token: lp.token, headers: { 'x-request-id': value } })
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('C-83: without one, each response gets its own UUID', async () => {
    const a = await t.request('GET', '/healthcheck')
    const b = await t.request('GET', '/healthcheck')
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id'])
  })
})

describe('C-84 caching and CORS', () => {
  it.each([
    ['a v3 read', '/api/v3/delivery-partners', lp.token],
    ['a v3 error', '/api/v3/delivery-partners', null],
    ['an unknown API route', '/api/v3/nope', lp.token],
    ['an operator read', ADMIN_PROBE, t.adminToken],
    ['the v3 document', '/api/v3/openapi.json', null],
    ['the operator document', '/api/admin/v1/openapi.json', null],
  ])('C-84 (decided): %s sends Cache-Control: no-store, no ETag and no CORS headers', async (_name, url, token) => {
    const res = await t.request('GET', url, { token, headers: { origin: 'https://example.org' } })
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers.etag).toBeUndefined()
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
  })

  it('C-84: a conditional request is answered in full (no 304)', async () => {
    const res = await t.request('GET', '/api/v3/delivery-partners', { token: lp.token, headers: { 'if-none-match': '*', 'if-modified-since': 'Wed, 21 Oct 2099 07:28:00 GMT' } })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ data: [dpJson] })
  })
})
