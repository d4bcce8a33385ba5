// C-69, C-70: the generated documents against upstream's swagger (read at run time, never copied).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { setupTestApp } from '../support/app.ts'
import { compareOperation, METHODS, type Json } from './openapi-diff.ts'

const UPSTREAM_PATH = '/work/shared/reference/rect-v3-swagger.yaml'
const upstream = parse(readFileSync(UPSTREAM_PATH, 'utf8')) as Json

const t = await setupTestApp()
const v3 = (await t.request('GET', '/api/v3/openapi.json')).body as Json
const admin = (await t.request('GET', '/api/admin/v1/openapi.json')).body as Json

type Operation = { path: string; method: string; operation: Json }

function operationsOf(document: Json): Operation[] {
  return Object.entries<Json>(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] as Json })),
  )
}

const label = ({ method, path }: { method: string; path: string }) => `${method.toUpperCase()} ${path}`
const upstreamOperations = operationsOf(upstream)

/** C-69: the error responses rect can give, documented beyond upstream's own list. */
const RECT_ERROR_STATUSES = ['400', '401', '404', '413', '422', '429'] as const

/**
 * Differences the spec decides on purpose, each exactly as the comparison reports it after the
 * operation's label. Nothing else may differ from upstream on an implemented path.
 */
const DECIDED: { rule: string; operations: string[]; difference: string }[] = [
  {
    // C-48 (decided): delivery partners also sort by name.
    rule: 'C-48',
    operations: ['GET /api/v3/delivery-partners'],
    difference: ' parameter query.sort: enum ["-created_at","-name","-updated_at","created_at","name","updated_at"] (upstream ["-created_at","-updated_at","created_at","updated_at"])',
  },
  {
    // C-48 (decided): schools also sort by urn.
    rule: 'C-48',
    operations: ['GET /api/v3/schools'],
    difference: ' parameter query.sort: enum ["-created_at","-updated_at","-urn","created_at","updated_at","urn"] (upstream ["-created_at","-updated_at","created_at","updated_at"])',
  },
  ...(['leaving', 'joining'] as const).flatMap((side) => [
    {
      // T-9, T-10 (decided): `provider` is nullable although the swagger does not say so.
      rule: 'T-9, T-10',
      operations: ['GET /api/v3/participants/transfers'],
      difference: ` 200.data[].attributes.transfers[].${side}.provider: nullable true (upstream false)`,
    },
    {
      rule: 'T-9, T-10',
      operations: ['GET /api/v3/participants/{id}/transfers'],
      difference: ` 200.data.attributes.transfers[].${side}.provider: nullable true (upstream false)`,
    },
  ]),
  {
    // P-44: GET /schools and /schools/{id} answer 400 without filter[cohort], so `filter` is required
    // (upstream marks only `cohort` inside it as required).
    rule: 'P-44',
    operations: ['GET /api/v3/schools', 'GET /api/v3/schools/{id}'],
    difference: ' parameter query.filter: required true (upstream false)',
  },
  {
    // C-53 (decided), S-60: the time-travel header, declared on every operation in sandbox mode so
    // that generated clients can send it.
    rule: 'C-53',
    operations: upstreamOperations.map(label),
    difference: ' parameter header.X-With-Server-Date: extra',
  },
  {
    // T-11 (decided): a transfer's created_at is a timestamp, as upstream's service sends it, not a date.
    rule: 'T-11',
    operations: ['GET /api/v3/participants/transfers'],
    difference: ' 200.data[].attributes.transfers[].created_at: format date-time (upstream date)',
  },
  {
    rule: 'T-11',
    operations: ['GET /api/v3/participants/{id}/transfers'],
    difference: ' 200.data.attributes.transfers[].created_at: format date-time (upstream date)',
  },
]
const decided = new Set(DECIDED.flatMap((d) => d.operations.map((o) => `${o}${d.difference}`)))

const ourOperations = operationsOf(v3)
const implementedPaths = new Set(ourOperations.map((o) => o.path))

describe('C-69 /api/v3/openapi.json against the upstream swagger', () => {
  it('C-69: is an OpenAPI 3.0 document with upstream\'s bearer scheme `api_key`', () => {
    expect(v3.openapi).toMatch(/^3\.0\./)
    expect(v3.components.securitySchemes.api_key).toEqual({ type: 'http', scheme: 'bearer', description: 'Bearer token' })
    expect(upstreamOperations).toHaveLength(24)
  })

  it('C-69: every path we document is an upstream path', () => {
    const upstreamPaths = new Set(upstreamOperations.map((o) => o.path))
    expect([...implementedPaths].filter((p) => !upstreamPaths.has(p))).toEqual([])
  })

  it('C-69: an implemented path has exactly upstream\'s operations', () => {
    const up = upstreamOperations.filter((o) => implementedPaths.has(o.path)).map(label).sort()
    expect(ourOperations.map(label).sort()).toEqual(up)
  })

  it('C-69: implemented operations match upstream in operationId, tags, parameters and every schema, except the decided differences', () => {
    const differences: string[] = []
    for (const ours of ourOperations) {
      const up = upstreamOperations.find((o) => o.path === ours.path && o.method === ours.method)
      if (!up) continue
      differences.push(...compareOperation(label(ours), upstream, up.operation, v3, ours.operation, RECT_ERROR_STATUSES))
    }
    expect(differences.filter((d) => !decided.has(d))).toEqual([])
  })

  it('C-69: each decided difference is still needed (the list stays honest)', () => {
    const differences = new Set<string>()
    for (const ours of ourOperations) {
      const up = upstreamOperations.find((o) => o.path === ours.path && o.method === ours.method)
      if (up) for (const d of compareOperation(label(ours), upstream, up.operation, v3, ours.operation, RECT_ERROR_STATUSES)) differences.add(d)
    }
    const implemented = new Set(ourOperations.map(label))
    const stale = DECIDED.flatMap((d) => d.operations.filter((o) => implemented.has(o)).map((o) => `${o}${d.difference}`)).filter((d) => !differences.has(d))
    expect(stale).toEqual([])
  })

  it('C-69, issue 7: all 24 upstream operations are served', () => {
    const missing = upstreamOperations.filter((o) => !ourOperations.some((m) => m.path === o.path && m.method === o.method))
    expect(missing.map((o) => `${label(o)} (${o.operation.operationId})`)).toEqual([])
    expect(upstreamOperations).toHaveLength(24)
    expect(ourOperations).toHaveLength(24)
  })
})

describe.each([
  ['C-69', '/api/v3/openapi.json', () => v3, 'api_key'],
  ['C-70', '/api/admin/v1/openapi.json', () => admin, 'admin_token'],
] as const)('%s %s is complete', (rule, _url, document, scheme) => {
  it(`${rule}: an OpenAPI 3.0 document, with no JSON Schema null types left in it`, () => {
    const doc = document()
    expect(doc.openapi).toMatch(/^3\.0\./)
    const found: string[] = []
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}[${i}]`))
      else if (node !== null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'type' && (Array.isArray(value) || value === 'null')) found.push(`${path}.type`)
          if (key !== 'example' && key !== 'examples') walk(value, `${path}.${key}`)
        }
      }
    }
    walk(doc, '#')
    expect(found).toEqual([])
  })

  it(`${rule}: every operation has a unique operationId, tags, a summary and the bearer scheme`, () => {
    const operations = operationsOf(document())
    const problems = operations.flatMap((o) => {
      const p: string[] = []
      if (!o.operation.operationId) p.push(`${label(o)}: no operationId`)
      if (!(o.operation.tags?.length > 0)) p.push(`${label(o)}: no tags`)
      if (!o.operation.summary) p.push(`${label(o)}: no summary`)
      if (JSON.stringify(o.operation.security) !== JSON.stringify([{ [scheme]: [] }])) p.push(`${label(o)}: security ${JSON.stringify(o.operation.security)}`)
      return p
    })
    expect(problems).toEqual([])
    const ids = operations.map((o) => o.operation.operationId)
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
  })

  it(`${rule}: object query parameters (filter, page) are deepObject`, () => {
    const problems = operationsOf(document()).flatMap((o) =>
      ((o.operation.parameters ?? []) as Json[])
        .filter((p) => p.in === 'query' && (p.schema?.type === 'object' || p.schema?.properties) && p.style !== 'deepObject')
        .map((p) => `${label(o)} ${p.name}`),
    )
    expect(problems).toEqual([])
  })

  it(`${rule}: every JSON request and response has an example, and each operation documents its 401 and 429`, () => {
    const problems: string[] = []
    for (const o of operationsOf(document())) {
      const media = (holder: Json | undefined) => holder?.content?.['application/json'] as Json | undefined
      const hasExample = (m: Json) => m.example !== undefined || (m.examples && Object.keys(m.examples).length > 0)
      const body = media(o.operation.requestBody)
      if (body && !hasExample(body)) problems.push(`${label(o)} request body: no example`)
      for (const [status, response] of Object.entries<Json>(o.operation.responses ?? {})) {
        const m = media(response)
        if (m && !hasExample(m)) problems.push(`${label(o)} ${status}: no example`)
      }
      for (const status of ['401', '429']) if (!o.operation.responses?.[status]) problems.push(`${label(o)}: no ${status}`)
    }
    expect(problems).toEqual([])
  })
})
