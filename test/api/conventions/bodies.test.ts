import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import { V3_PROBE, ADMIN_PROBE, probeRoutes } from '../../support/probe-routes.ts'

const t = await setupTestApp({}, { routes: probeRoutes })
const lp = await f.leadProvider(t.db)

const bad = (detail: string) => ({ errors: [{ title: 'Bad request', detail }] })
const SEND_JSON = "The request body must be JSON sent with 'Content-Type: application/json'"
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
    ['unterminated', '{"data":{', 'The request body is not valid JSON: it ends before the JSON is complete.'],
    ['trailing garbage', '{"data":{}} x', 'The request body is not valid JSON: unexpected character at position 12.'],
    ['single quotes', "{'data':{}}", 'The request body is not valid JSON: unexpected character at position 1.'],
    ['not JSON at all', 'data=1', 'The request body is not valid JSON.'],
    ['a prototype key', '{"__proto__":{"admin":true}}', 'The request body is not accepted: it contains a "__proto__" or "constructor" key.'],
  ])('C-23, issue 18: malformed JSON (%s) is a 400 under the C-21 title that says the JSON is malformed', async (_case, payload, detail) => {
    const res = await send(url, token, payload, 'application/json')
    expect(res.status).toBe(400)
    expect(res.body).toEqual(bad(detail))
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
  })

  it.each([
    ['text/plain', 'text/plain'],
    ['application/xml', 'application/xml'],
    ['multipart/form-data; boundary=x', 'multipart/form-data'],
    ['application/vnd.api+json', 'application/vnd.api+json'],
    ['application/json-patch+json', 'application/json-patch+json'],
  ])('C-23, issue 18: Content-Type %s is a 400 naming the Content-Type sent', async (type, named) => {
    const res = await send(url, token, '{"data":{"attributes":{"a":1}}}', type)
    expect(res.status).toBe(400)
    expect(res.body).toEqual(bad(`${SEND_JSON}; this request sent '${named}'.`))
  })

  it('C-23, issue 18: a form body (curl -d without a Content-Type) is a 400 that says so', async () => {
    const res = await send(url, token, '{"data":{"attributes":{"a":1}}}', 'application/x-www-form-urlencoded')
    expect(res.status).toBe(400)
    expect(res.body).toEqual(bad(`${SEND_JSON}; this request sent a form (application/x-www-form-urlencoded), which is what curl -d sends unless given -H 'Content-Type: application/json'.`))
  })

  it('C-23, issue 18: a body with no Content-Type is a 400 that says none was sent', async () => {
    const res = await send(url, token, '{"data":{}}')
    expect(res.status).toBe(400)
    expect(res.body).toEqual(bad(`${SEND_JSON}; this request has a body but no Content-Type.`))
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
