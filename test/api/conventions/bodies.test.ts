import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import { V3_PROBE, ADMIN_PROBE, probeRoutes } from '../../support/probe-routes.ts'

const t = await setupTestApp({}, { routes: probeRoutes })
const lp = await f.leadProvider(t.db)

const BAD_BODY = { errors: [{ title: 'Bad request', detail: 'Correct json data structure required. See API docs for reference.' }] }
const TOO_LARGE = { errors: [{ title: 'Payload too large', detail: 'The request body must not be larger than 1 MB' }] }
const surfaces = [
  ['v3', V3_PROBE, lp.token],
  ['operator', ADMIN_PROBE, t.adminToken],
] as const

const send = (url: string, token: string, payload: string, type?: string) =>
  t.request('POST', url, { token, payload, headers: type === undefined ? {} : { 'content-type': type } })

/** A JSON document of exactly `bytes` bytes. */
function jsonOf(bytes: number): string {
  const shell = '{"data":""}'
  return `{"data":"${'a'.repeat(bytes - shell.length)}"}`
}

describe.each(surfaces)('C-23, C-24 request bodies on the %s API', (_name, url, token) => {
  it.each([
    ['unterminated', '{"data":{'],
    ['trailing garbage', '{"data":{}} x'],
    ['single quotes', "{'data':{}}"],
    ['not JSON at all', 'data=1'],
    ['a prototype key', '{"__proto__":{"admin":true}}'],
  ])('C-23: malformed JSON (%s) is the C-21 400', async (_case, payload) => {
    const res = await send(url, token, payload, 'application/json')
    expect(res.status).toBe(400)
    expect(res.body).toEqual(BAD_BODY)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
  })

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'application/vnd.api+json', 'application/json-patch+json'])(
    'C-23: Content-Type %s is the C-21 400',
    async (type) => {
      const res = await send(url, token, '{"data":{"attributes":{"a":1}}}', type)
      expect(res.status).toBe(400)
      expect(res.body).toEqual(BAD_BODY)
    },
  )

  it('C-23: a body with no Content-Type is the C-21 400', async () => {
    const res = await send(url, token, '{"data":{}}')
    expect(res.status).toBe(400)
    expect(res.body).toEqual(BAD_BODY)
  })

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/json;charset=UTF-8; foo=bar'])(
    'C-23: application/json with any parameters (%s) is read',
    async (type) => {
      const res = await send(url, token, '{"data":{"attributes":{"a":1}}}', type)
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ body: 'object', bytes: 31 })
    },
  )

  it('C-21, C-73: an empty body is no body, for the endpoint to judge', async () => {
    expect((await send(url, token, '', 'application/json')).body).toEqual({ body: 'none', bytes: 0 })
    expect((await t.request('POST', url, { token })).body).toEqual({ body: 'none', bytes: 0 })
  })

  it('C-24: a body of exactly 1,048,576 bytes gets past the size check', async () => {
    const payload = jsonOf(1_048_576)
    expect(Buffer.byteLength(payload)).toBe(1_048_576)
    const res = await send(url, token, payload, 'application/json')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ body: 'object', bytes: 1_048_576 })
  })

  it('C-24: one byte more is the 413', async () => {
    const res = await send(url, token, jsonOf(1_048_577), 'application/json')
    expect(res.status).toBe(413)
    expect(res.body).toEqual(TOO_LARGE)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
  })

  it('C-24: multi-byte characters count as bytes', async () => {
    const payload = `{"data":"${'é'.repeat(524_284)}"}`
    expect(payload.length).toBeLessThan(1_048_576)
    expect(Buffer.byteLength(payload)).toBeGreaterThan(1_048_576)
    const res = await send(url, token, payload, 'application/json')
    expect(res.status).toBe(413)
    expect(res.body).toEqual(TOO_LARGE)
  })
})
