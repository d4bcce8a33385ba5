// W-115: 2,000 generated web requests — with and without a session and a CSRF token; repeated,
// missing, empty, 100,000-character and non-UTF-8 fields; unknown field names; malformed and
// foreign ids, URNs and years in paths; bad return_to values — and no 5xx; every redirect goes
// to a local path.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import { school } from '../support/factories.ts'
import { webClient, type WebClient } from '../support/web.ts'

const RUNS = Number(process.env.RECT_WEB_FUZZ_RUNS ?? 2000)

const t = await setupTestApp({ rateLimitToken: 0, rateLimitIp: 0 })
await school(t.db, { urn: '140001', name: 'Oak Primary School' })
await school(t.db, { urn: '140002', name: 'Ash Academy' })

const anonymous = webClient(t.app)
const withSession = webClient(t.app)
await withSession.get('/sign-in')
const schoolUser = webClient(t.app)
await schoolUser.signInAsSchool('140001')
await schoolUser.get('/school')
const admin = webClient(t.app)
await admin.signInAsAdmin()
await admin.get('/admin')
const clients: [string, WebClient][] = [['anonymous', anonymous], ['signed out with a session', withSession], ['school', schoolUser], ['admin', admin]]

const ID = fc.oneof(
  fc.uuid(),
  fc.constantFrom('0', '-1', '999999999999999999999', 'null', '%00', '..', '%2e%2e', 'abc', '00000000-0000-0000-0000-000000000000', ' ', '%FF%FE'),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
)
const URN = fc.oneof(fc.constantFrom('140001', '140002', '999999', '14000', '1400011', 'abcdef', '-1'), fc.integer().map(String))
const YEAR = fc.oneof(fc.integer({ min: -5000, max: 5000 }).map(String), fc.constantFrom('2025', '20x5', '1e3', '9999999999'))
const PATH = fc.oneof(
  fc.constantFrom(
    '/', '/sign-in', '/sign-in/persona', '/sign-out', '/signed-out', '/auth/callback', '/time-travel', '/time-travel/clear',
    '/school', '/school/ects', '/school/mentors', '/school/induction-tutor', '/school/register-ect', '/school/register-mentor',
    '/admin', '/admin/schools', '/admin/teachers', '/admin/cohorts', '/admin/lead-providers', '/admin/delivery-partners',
    '/admin/statements', '/admin/sandbox', '/accessibility', '/cookies', '/assets/govuk-frontend.min.css', '/assets/../../etc/passwd',
    '/assets/%2e%2e/package.json', '//evil.example', '/school/', '/nowhere',
  ),
  ID.map((id) => `/school/ects/${id}`),
  ID.map((id) => `/school/mentors/${id}/leaving/date`),
  ID.map((id) => `/school/ects/${id}/mentor`),
  ID.map((id) => `/admin/teachers/${id}`),
  URN.map((urn) => `/admin/schools/${urn}`),
  YEAR.map((year) => `/admin/cohorts/${year}`),
  ID.map((id) => `/admin/tokens/${id}/revoke`),
  fc.string({ maxLength: 60 }).map((s) => `/${encodeURIComponent(s)}`),
)
const RETURN_TO = fc.constantFrom('//evil.example', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '/school', '%2F%2Fevil', '', '/\r\nSet-Cookie:x=1')
const VALUE = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constant(''),
  fc.constant('x'.repeat(100_000)),
  fc.constantFrom('2027', '10', 'jan', '140001', 'admin', 'school', '13', '-1', '31', '2', '24:00', '14:30'),
)
const FIELD = fc.constantFrom('persona', 'urn', 'q', 'date-day', 'date-month', 'date-year', 'time', 'return_to', 'name', 'email', 'trn', 'unknown_field', '_csrf', 'a[b]', '')

type Generated = {
  client: number
  method: 'GET' | 'POST'
  path: string
  query: [string, string][]
  fields: [string, string][]
  csrf: 'valid' | 'none' | 'wrong'
  raw: 'form' | 'non-utf8' | 'json' | 'none'
}

const REQUEST: fc.Arbitrary<Generated> = fc.record({
  client: fc.integer({ min: 0, max: clients.length - 1 }),
  method: fc.constantFrom('GET', 'POST'),
  path: PATH,
  query: fc.array(fc.tuple(fc.oneof(FIELD, fc.constant('return_to'), fc.constant('timed_out')), fc.oneof(VALUE, RETURN_TO)), { maxLength: 3 }),
  fields: fc.array(fc.tuple(FIELD, fc.oneof(VALUE, RETURN_TO)), { maxLength: 6 }),
  csrf: fc.constantFrom('valid', 'valid', 'none', 'wrong'),
  raw: fc.constantFrom('form', 'form', 'form', 'non-utf8', 'json', 'none'),
})

async function send(r: Generated) {
  const [, client] = clients[r.client]!
  const query = r.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
  const url = `${r.path}${query ? `?${query}` : ''}`
  if (r.method === 'GET') return client.get(url)
  const csrf = r.csrf === 'valid' ? undefined : r.csrf === 'none' ? (false as const) : 'wrong-token'
  const token = r.csrf === 'valid' ? client.csrf ?? '' : r.csrf === 'wrong' ? 'wrong-token' : null
  if (r.raw === 'non-utf8') {
    const payload = Buffer.concat([Buffer.from(`${token ? `_csrf=${encodeURIComponent(token)}&` : ''}name=`), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('&q=%FF%FE%C3')])
    return client.post(url, {}, { payload, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  }
  if (r.raw === 'json') return client.post(url, {}, { payload: JSON.stringify({ _csrf: token }), headers: { 'content-type': 'application/json' } })
  if (r.raw === 'none') return client.post(url, {}, { payload: '', headers: { 'content-type': 'text/plain' } })
  const fields: Record<string, string[]> = {}
  for (const [k, v] of r.fields) (fields[k] ??= []).push(v)
  return client.post(url, fields, { csrf })
}

describe('W-115 bad input never 500', () => {
  it(`W-115: ${RUNS} generated web requests → no 5xx, every redirect to a local path`, async () => {
    const failures: string[] = []
    await fc.assert(
      fc.asyncProperty(REQUEST, async (r) => {
        const page = await send(r)
        const location = page.location
        const local = location === null || (location.startsWith('/') && !location.startsWith('//') && !location.startsWith('/\\'))
        if (page.status >= 500 || !local) {
          failures.push(`${page.status} ${r.method} ${r.path} (${clients[r.client]![0]}) → ${location ?? ''}`)
          return false
        }
        return true
      }),
      { numRuns: RUNS, seed: Number(process.env.RECT_FUZZ_SEED ?? 20261206), endOnFailure: true },
    )
    expect(failures).toEqual([])
    // The signed-in clients are still signed in: nothing the fuzz sent broke their sessions' store.
    expect((await schoolUser.get('/school')).status).toBeLessThan(500)
  }, 600_000)
})
