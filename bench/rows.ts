// The rows of `npm run bench`: the requests, their p95 bars and the two raw-SQL
// baselines of each list page (Q-3's derivation, and the storage floor); a row driven once; and
// Q-6's full sync and empty poll.
import type { Request } from 'autocannon'
import type pg from 'pg'
import { BASELINES, FLOORS, type BaselineName } from './baselines.ts'
import type { Cursor, Facts } from './facts.ts'
import { drive, driveSql, type Timing } from './load.ts'

export type Scenario = {
  /** Unique among the rows: the request and its page size. */
  id: string
  name: string
  path: string
  perPage: number | null
  /** Q-4 bar on p95, ms (Infinity: none). */
  p95Bar: number
  baseline?: BaselineName
  method?: 'POST'
  bodies?: Cursor<string>
}

/** How many fresh POST /partnerships bodies one measured POST row uses (each a new school). */
const POSTS_PER_ROW = 600
const POSTS_TO_WARM_UP = 20

export function scenariosFor(facts: Facts): Scenario[] {
  const { ids } = facts
  const rows: Omit<Scenario, 'id'>[] = [
    { name: 'GET /api/v3/participants', path: '/api/v3/participants?page[per_page]=3000', perPage: 3000, p95Bar: 250, baseline: 'participants' },
    { name: 'GET /api/v3/participants', path: '/api/v3/participants?page[per_page]=100', perPage: 100, p95Bar: 25, baseline: 'participants' },
    { name: 'GET /api/v3/schools?filter[cohort]=2025', path: '/api/v3/schools?filter[cohort]=2025&page[per_page]=3000', perPage: 3000, p95Bar: 200, baseline: 'schools' },
    { name: 'GET /api/v3/partnerships', path: '/api/v3/partnerships?page[per_page]=3000', perPage: 3000, p95Bar: 150, baseline: 'partnerships' },
    // Q-5 is judged on this row's requests/s; Q-4 sets no p95 bar for it (Infinity).
    { name: 'GET /api/v3/partnerships', path: '/api/v3/partnerships?page[per_page]=100', perPage: 100, p95Bar: Infinity, baseline: 'partnerships' },
    { name: 'GET /api/v3/participants/transfers', path: '/api/v3/participants/transfers?page[per_page]=1000', perPage: 1000, p95Bar: 250, baseline: 'transfers' },
    { name: 'GET /api/v3/participants/{id}', path: `/api/v3/participants/${ids.participant}`, perPage: null, p95Bar: 10 },
    { name: 'GET /api/v3/partnerships/{id}', path: `/api/v3/partnerships/${ids.partnership}`, perPage: null, p95Bar: 10 },
    { name: 'GET /api/v3/schools/{id}', path: `/api/v3/schools/${ids.school}?filter[cohort]=2025`, perPage: null, p95Bar: 10 },
    { name: 'GET /api/v3/delivery-partners/{id}', path: `/api/v3/delivery-partners/${ids.delivery_partner}`, perPage: null, p95Bar: 10 },
    { name: 'GET /api/v3/participants/{id}/transfers', path: `/api/v3/participants/${ids.transfer}/transfers`, perPage: null, p95Bar: 10 },
    { name: 'GET /api/v3/statements/{id}', path: `/api/v3/statements/${ids.statement}`, perPage: null, p95Bar: 10 },
    { name: 'GET /api/v3/participant-declarations/{id}', path: `/api/v3/participant-declarations/${ids.declaration}`, perPage: null, p95Bar: 10 },
    { name: 'POST /api/v3/partnerships', path: '/api/v3/partnerships', perPage: null, p95Bar: 30, method: 'POST', bodies: facts.postBodies },
  ]
  return rows.map((r) => ({ ...r, id: r.perPage ? `${r.name} per_page ${r.perPage}` : r.name }))
}

/** A POST takes the next fresh bodies; a GET repeats its path. */
function requestOf(s: Scenario, bodies: string[]): Request {
  if (!s.method) return { method: 'GET', path: s.path }
  let next = 0
  return { method: 'POST', path: s.path, setupRequest: (r) => ({ ...r, body: bodies[next++ % bodies.length] }) }
}

/** One row on one server: `warmUp` seconds unmeasured (round 1), then `seconds` measured; a POST row sends a fixed number of fresh bodies. */
export async function driveRow(base: string, token: string, s: Scenario, seconds: number, warmUp: number): Promise<Timing> {
  if (warmUp > 0) {
    const bodies = s.bodies?.takeMany(POSTS_TO_WARM_UP) ?? []
    await drive({ url: base, token, request: requestOf(s, bodies), seconds: warmUp, ...(s.method ? { amount: bodies.length } : {}) })
  }
  const bodies = s.bodies?.takeMany(POSTS_PER_ROW) ?? []
  if (s.method && bodies.length < POSTS_PER_ROW) throw new Error(`only ${bodies.length} fresh schools left for ${s.id}: recreate the bench database from rect_bench`)
  return drive({ url: base, token, request: requestOf(s, bodies), seconds, ...(s.method ? { amount: bodies.length } : {}) })
}

/** The baselines a list row is judged against. */
export type BaselineKind = 'floor' | 'derivation'

export function baselineSql(kind: BaselineKind, name: BaselineName, facts: Facts, perPage: number): { text: string; values: unknown[] } {
  return kind === 'floor'
    ? { text: FLOORS[name], values: [facts.leadProviderId, perPage] }
    : { text: BASELINES[name], values: [facts.leadProviderId, facts.today, perPage] }
}

/** A baseline through pg at the rows' concurrency (Q-3): `warmUp` seconds unmeasured, then `seconds`. */
export async function driveBaseline(pool: pg.Pool, kind: BaselineKind, name: BaselineName, facts: Facts, perPage: number, seconds: number, warmUp: number): Promise<Timing> {
  const { text, values } = baselineSql(kind, name, facts, perPage)
  if (warmUp > 0) await driveSql(pool, text, values, warmUp)
  return driveSql(pool, text, values, seconds)
}

/** every page of the participants feed at per_page 3000, one after another. */
export async function fullSync(base: string, token: string) {
  const started = performance.now()
  let pages = 0
  let records = 0
  let failed: string | null = null
  for (let page = 1; ; page++) {
    const body = await getJson(`${base}/api/v3/participants?page[per_page]=3000&page[page]=${page}`, token).catch((e: Error) => e)
    if (body instanceof Error) {
      failed = body.message
      break
    }
    pages++
    records += body.data.length
    if (body.data.length < 3000) break
  }
  return { pages, records, ms: Math.round(performance.now() - started), failed }
}

/** filter[updated_since] one minute ago, nothing changed since: 20 polls one after another. */
export async function emptyPoll(base: string, token: string) {
  const since = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z')
  const times: number[] = []
  let records = 0
  let failed: string | null = null
  for (let i = 0; i < 20 && failed === null; i++) {
    const t0 = performance.now()
    const body = await getJson(`${base}/api/v3/participants?filter[updated_since]=${encodeURIComponent(since)}`, token).catch((e: Error) => e)
    times.push(performance.now() - t0)
    if (body instanceof Error) failed = body.message
    else records = body.data.length
  }
  times.sort((a, b) => a - b)
  const at = (p: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]! * 10) / 10
  return { p50: at(0.5), p95: at(0.95), records, failed }
}

export type FullSync = Awaited<ReturnType<typeof fullSync>>
export type EmptyPoll = Awaited<ReturnType<typeof emptyPoll>>

async function getJson(url: string, token: string): Promise<{ data: unknown[] }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
  return (await response.json()) as { data: unknown[] }
}
