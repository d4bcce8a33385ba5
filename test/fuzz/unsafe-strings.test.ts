// C-25, C-26, C-31, Q-13: text PostgreSQL cannot hold — a NUL character, or an unpaired UTF-16
// surrogate — answers 400 naming its field on every route of both APIs, never 500 (issue 17: a
// NUL in a filter answered 500). Every query parameter and body field the OpenAPI documents list,
// on every route, with \u0000 and \ud800; then random bodies with them hidden anywhere.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import * as f from '../support/factories.ts'

const t = await setupTestApp({ rateLimitToken: 0, rateLimitIp: 0 })
const lp = await f.leadProvider(t.db)
await f.cohort(t.db, 2025)

type Operation = { method: string; path: string; admin: boolean; query: string[]; body: string[][] }
type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[] }
type Document = {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string; style?: string; schema?: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>
  components?: { schemas?: Record<string, Schema> }
}

/** Every leaf field of a schema, as paths of property names. */
function fieldsOf(schema: Schema | undefined, doc: Document, path: string[] = [], depth = 0): string[][] {
  if (schema === undefined || depth > 8) return [path]
  if (schema.$ref) return fieldsOf(doc.components?.schemas?.[schema.$ref.split('/').at(-1)!], doc, path, depth + 1)
  const variants = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]
  if (variants.length > 0) return dedupe(variants.flatMap((v) => fieldsOf(v, doc, path, depth + 1)))
  if (schema.properties) return Object.entries(schema.properties).flatMap(([name, s]) => fieldsOf(s, doc, [...path, name], depth + 1))
  return [path]
}
const dedupe = (paths: string[][]) => [...new Map(paths.map((p) => [p.join('/'), p])).values()]

async function operations(): Promise<Operation[]> {
  const all: Operation[] = []
  for (const [url, admin] of [['/api/v3/openapi.json', false], ['/api/admin/v1/openapi.json', true]] as const) {
    const doc = JSON.parse((await t.app.inject({ url })).body) as Document
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const query = (op.parameters ?? []).filter((p) => p.in === 'query').flatMap((p) =>
          p.style === 'deepObject' && p.schema?.properties ? Object.keys(p.schema.properties).map((k) => `${p.name}[${k}]`) : [p.name],
        )
        const schema = op.requestBody?.content['application/json']?.schema
        const body = schema ? fieldsOf(schema, doc).filter((p) => p.length > 0) : []
        all.push({ method: method.toUpperCase(), path, admin, query: [...new Set([...query, 'filter[urn]', 'sort', 'unknown'])], body })
      }
    }
  }
  return all
}

const ops = await operations()
const ID = '6d0f6e0a-7a43-4b8e-9f0a-2f6c1d3b4a59'
const urlOf = (op: Operation) => op.path.replace(/\{[^}]+\}/g, ID)
const tokenOf = (op: Operation) => (op.admin ? t.adminToken : lp.token)
const detail = (field: string) => `The '#/${field}' must not contain a NUL character (U+0000) or an unpaired UTF-16 surrogate`
const badRequest = (field: string) => ({ errors: [{ title: 'Bad request', detail: detail(field) }] })

function bodyWith(path: string[], value: unknown): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  let node = root
  for (const key of path.slice(0, -1)) node = (node[key] = {}) as Record<string, unknown>
  node[path.at(-1)!] = value
  return root
}

/** C-30's name of a v3 attribute (`cohort`), an operator field as sent. */
const fieldName = (path: string[]) => (path[0] === 'data' && path[1] === 'attributes' ? path.slice(2) : path[0] === 'data' ? path.slice(1) : path).join('/')

describe('issue 17: NUL and unpaired surrogates', () => {
  it('C-26, C-31: the two requests of the review answer 400 naming the filter (they answered 500)', async () => {
    const operator = await t.request('GET', '/api/admin/v1/schools?filter[urn]=%00', { token: t.adminToken })
    expect([operator.status, operator.body]).toEqual([400, badRequest('filter[urn]')])
    const v3 = await t.request('GET', '/api/v3/schools?filter[cohort]=2025&filter[urn]=a%00b', { token: lp.token })
    expect([v3.status, v3.body]).toEqual([400, badRequest('filter[urn]')])
  })

  it('both documents list routes, query parameters and body fields to check', () => {
    expect(ops.length).toBeGreaterThan(30)
    expect(ops.filter((o) => o.body.length > 0).length).toBeGreaterThan(10)
    expect(ops.find((o) => o.method === 'POST' && o.path === '/api/v3/partnerships')?.body).toContainEqual(['data', 'attributes', 'cohort'])
  })

  it('C-26, Q-13: every query parameter of every route, with %00 or a%00b → 400 naming it', async () => {
    const wrong: string[] = []
    for (const op of ops) {
      for (const key of op.query) {
        for (const value of ['%00', 'a%00b']) {
          const url = `${urlOf(op)}?filter[cohort]=2025&${key}=${value}`
          const res = await t.app.inject({ method: op.method as 'GET', url, headers: { authorization: `Bearer ${tokenOf(op)}` } })
          if (res.statusCode !== 400 || res.body !== JSON.stringify(badRequest(key))) wrong.push(`${op.method} ${url} → ${res.statusCode} ${res.body.slice(0, 160)}`)
        }
      }
    }
    expect(wrong).toEqual([])
  }, 120_000)

  it('C-26, C-76, Q-13: every body field of every route, with \\u0000 or \\ud800 → 400 naming it', async () => {
    const wrong: string[] = []
    let sent = 0
    for (const op of ops) {
      for (const path of op.body) {
        for (const value of ['\u0000', 'a\u0000b', '\ud800', 'x\udc00', ['ok', '\u0000']]) {
          const payload = JSON.stringify(bodyWith(path, value))
          const res = await t.app.inject({ method: op.method as 'GET', url: urlOf(op), payload, headers: { authorization: `Bearer ${tokenOf(op)}`, 'content-type': 'application/json' } })
          const field = Array.isArray(value) ? `${fieldName(path)}/1` : fieldName(path)
          sent++
          if (res.statusCode !== 400 || res.body !== JSON.stringify(badRequest(field))) wrong.push(`${op.method} ${urlOf(op)} ${payload} → ${res.statusCode} ${res.body.slice(0, 160)}`)
        }
      }
    }
    expect(sent).toBeGreaterThan(50)
    expect(wrong).toEqual([])
  }, 120_000)

  it('C-28: a path value holding NUL matches nothing: 404', async () => {
    for (const url of ['/api/admin/v1/schools/%00', '/api/admin/v1/cohorts/20%0025', `/api/v3/participants/${ID.slice(0, -1)}%00`]) {
      const token = url.startsWith('/api/admin') ? t.adminToken : lp.token
      const res = await t.request('GET', url, { token })
      expect([url, res.status, res.body]).toEqual([url, 404, { errors: [{ title: 'Resource not found', detail: 'Nothing could be found for the provided details' }] }])
    }
  })

  it('Q-13: random bodies with a NUL or an unpaired surrogate anywhere, keys too, on random write routes → 400 in the C-25 shape, never 5xx', async () => {
    const writes = ops.filter((o) => o.body.length > 0)
    const bad = fc.constantFrom('\u0000', 'a\u0000', '\ud800', '\udfff', 'x\ud800y', '\udc00\ud800')
    const text = fc.oneof(fc.string(), bad)
    const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(text, tie('value'), { maxKeys: 3 })),
    })).value
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), fc.dictionary(text, json, { minKeys: 1, maxKeys: 4 }), bad, async (op, body, planted) => {
        const payload = JSON.stringify({ ...body, planted })
        const res = await t.app.inject({ method: op.method as 'GET', url: urlOf(op), payload, headers: { authorization: `Bearer ${tokenOf(op)}`, 'content-type': 'application/json' } })
        const parsed = JSON.parse(res.body) as { errors?: { title: string; detail: string }[] }
        return res.statusCode === 400 && parsed.errors?.length === 1 && parsed.errors[0]!.title === 'Bad request' && /^The '#\/.*' must not contain a NUL character/.test(parsed.errors[0]!.detail)
      }),
      { numRuns: 300, seed: 20261206 },
    )
  }, 120_000)
})
