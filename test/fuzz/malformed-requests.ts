// generated malformed requests against every route of both OpenAPI documents. Shared by the
// short run in `npm test` and the long run of `npm run faults`.
import fc from 'fast-check'
import type { App } from '../../src/app.ts'

export type Route = { method: string; path: string }

/** Every operation of both generated documents, so new routes are fuzzed without listing them. */
export async function routesOf(app: App): Promise<Route[]> {
  const routes: Route[] = []
  for (const url of ['/api/v3/openapi.json', '/api/admin/v1/openapi.json']) {
    const doc = JSON.parse((await app.inject({ url })).body) as { paths: Record<string, Record<string, unknown>> }
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const method of Object.keys(operations)) routes.push({ method: method.toUpperCase(), path })
    }
  }
  return routes
}

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '%', '%zz', '%E0%A4%A', '\u0000', '../..', '{}', '[]', 'null', '-1', '0', '1e309', '99999999999999999999', '2025-02-30', '2025-13-01T25:61:61Z', 'ÿ', '🙂', "'; DROP TABLE schools; --"),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.integer().map(String),
)

const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    nasty,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(nasty, fc.constantFrom('data', 'attributes', 'type', 'cohort', 'school_id', 'delivery_partner_id', 'trn', 'started_on', 'name', 'urn', 'year')), tie('value'), { maxKeys: 4 }),
  ),
})).value

const body = fc.oneof(
  jsonish.map((v) => ({ payload: JSON.stringify(v) ?? 'null', type: 'application/json' })),
  fc.record({ data: fc.record({ type: nasty, attributes: fc.dictionary(fc.constantFrom('cohort', 'school_id', 'delivery_partner_id', 'reason', 'course_identifier', 'declaration_type', 'declaration_date', 'participant_id', 'schedule_identifier'), jsonish) }) }).map((v) => ({ payload: JSON.stringify(v), type: 'application/json' })),
  nasty.map((s) => ({ payload: s, type: 'application/json' })),
  nasty.map((s) => ({ payload: s, type: 'text/plain' })),
  fc.constant({ payload: '{"a":' + 'x'.repeat(1_100_000) + '}', type: 'application/json' }),
)

const queryPart = fc.oneof(
  fc.tuple(fc.constantFrom('filter', 'filter[]', 'filter[cohort]', 'filter[cohort][]', 'filter[updated_since]', 'filter[urn]', 'filter[training_status]', 'filter[participant_id]', 'filter[delivery_partner_id]', 'filter[from_participant_id]', 'filter[cohort][x]', 'page', 'page[page]', 'page[per_page]', 'sort', 'unknown'), nasty),
)
const query = fc.array(queryPart, { maxLength: 4 }).map((parts) => parts.map(([k, v]) => `${encodeURI(k)}=${encodeURIComponent(v)}`).join('&'))

const pathValue = fc.oneof(fc.uuid(), nasty.map((s) => encodeURIComponent(s)), fc.constantFrom('transfers', '2025', '142857', '999999'))

export type Credentials = { leadProvider: string; admin: string }

export function requestArbitrary(routes: Route[], tokens: Credentials) {
  return fc.record({
    route: fc.constantFrom(...routes),
    pathValue,
    query,
    body: fc.option(body, { nil: undefined }),
    token: fc.constantFrom(tokens.leadProvider, tokens.admin, 'nonsense', ''),
    serverDate: fc.option(fc.oneof(nasty, fc.constantFrom('2026-01-10', '2027-03-01T09:00:00+01:00')), { nil: undefined }),
  })
}

export type Outcome = { ok: boolean; status: number; why?: string; request: string }

/** Sends one generated request; it is a failure when it answers 5xx or an error not in the documented shape. */
export type Generated = { route: Route; pathValue: string; query: string; body?: { payload: string; type: string } | undefined; token: string; serverDate?: string | undefined }

export async function send(app: App, r: Generated): Promise<Outcome> {
  const path = String(r.route.path).replace(/\{[^}]+\}/g, r.pathValue)
  const url = r.query ? `${path}?${r.query}` : path
  const headers: Record<string, string> = {}
  if (r.token) headers.authorization = `Bearer ${r.token}`
  if (r.serverDate !== undefined) headers['x-with-server-date'] = r.serverDate
  if (r.body) headers['content-type'] = r.body.type
  // The route's method as light-my-request's own method type (its overloads take no plain string).
  const res = await app.inject({ method: r.route.method as 'GET', url, headers, ...(r.body ? { payload: r.body.payload } : {}) })
  const request = `${r.route.method} ${url.slice(0, 200)}`
  if (res.statusCode >= 500) return { ok: false, status: res.statusCode, why: res.body.slice(0, 300), request }
  if (res.statusCode >= 400) {
    let parsed: any
    try {
      parsed = JSON.parse(res.body)
    } catch {
      return { ok: false, status: res.statusCode, why: 'error body is not JSON', request }
    }
    const isUnauthorised = res.statusCode === 401 && Object.keys(parsed).join() === 'error' && parsed.error === 'HTTP Token: Access denied'
    const isErrors =
      Object.keys(parsed).join() === 'errors' &&
      Array.isArray(parsed.errors) &&
      parsed.errors.length > 0 &&
      parsed.errors.every((e: any) => Object.keys(e).join() === 'title,detail' && typeof e.title === 'string' && typeof e.detail === 'string')
    if (!isUnauthorised && !isErrors) return { ok: false, status: res.statusCode, why: `undocumented error body ${res.body.slice(0, 200)}`, request }
    if (!String(res.headers['content-type']).startsWith('application/json')) return { ok: false, status: res.statusCode, why: 'error is not JSON', request }
  }
  return { ok: true, status: res.statusCode, request }
}
