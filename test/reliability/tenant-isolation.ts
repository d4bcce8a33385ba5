// Q-18, C-28: two lead providers with random data of their own (partnerships, participants, a
// transfer, declarations, statements); random requests by one for the other's ids answer the exact
// 404 (never 403), change nothing, and the lists of one never show the other's records.
import fc from 'fast-check'
import * as f from '../support/factories.ts'
import * as p from '../support/factories-participants.ts'
import * as d from '../support/factories-declarations.ts'
import type { Client } from './harness.ts'

const NOW = '2026-11-23T10:15:02Z'
const NOT_FOUND = '{"errors":[{"title":"Resource not found","detail":"Nothing could be found for the provided details"}]}'
const UNKNOWN_PARTICIPANT = "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again."

export type Shape = { partnerships: number; trainees: { mentor: boolean }[]; transfer: boolean; declarations: number }

export const shapeArbitrary: fc.Arbitrary<Shape> = fc.record({
  partnerships: fc.integer({ min: 0, max: 2 }),
  trainees: fc.array(fc.record({ mentor: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  transfer: fc.boolean(),
  declarations: fc.integer({ min: 0, max: 2 }),
})

type Owned = {
  token: string
  deliveryPartnerId: string
  partnerships: string[]
  participants: string[]
  transfers: string[]
  declarations: string[]
  statements: string[]
}

/** One lead provider's records, built from `shape`. */
export async function ownedRecords(c: Client, shape: Shape): Promise<Owned> {
  await f.cohort(c.db, 2025)
  const lp = await d.provider(c.db, 2025)
  const owned: Owned = { token: lp.token, deliveryPartnerId: lp.deliveryPartnerId, partnerships: [], participants: [], transfers: [], declarations: [], statements: [] }
  for (let i = 0; i < shape.partnerships; i++) {
    const school = await f.school(c.db)
    owned.partnerships.push((await p.partnership(c.db, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: lp.deliveryPartnerId, cohort: 2025 })).id)
  }
  for (const statement of [
    { year: 2026, month: 11 as const, cut_off_date: '2026-10-31', payment_date: '2026-11-25' },
    { year: 2027, month: 1 as const, cut_off_date: '2026-12-31', payment_date: '2027-01-25' },
  ]) owned.statements.push((await d.statement(c.db, { lead_provider_id: lp.id, cohort: 2025, ...statement })).id)
  const ects: string[] = []
  for (const t of shape.trainees) {
    const trainee = await d.trainee(c.db, lp, { cohort: 2025, started_on: '2025-09-01', role: t.mentor ? 'mentor' : 'ect' })
    owned.participants.push(trainee.teacherId)
    owned.partnerships.push(trainee.partnershipId)
    if (!t.mentor) ects.push(trainee.teacherId)
  }
  if (shape.transfer) {
    // T-1: one school to another, both with this lead provider.
    const from = await d.trainee(c.db, lp, { cohort: 2025, started_on: '2025-09-01', finished_on: '2026-01-05' })
    await d.trainee(c.db, lp, { cohort: 2025, started_on: '2026-01-05', teacher_id: from.teacherId })
    owned.participants.push(from.teacherId)
    owned.transfers.push(from.teacherId)
  }
  for (const participant of ects.slice(0, shape.declarations)) {
    const res = await c.request('POST', '/api/v3/participant-declarations', {
      token: lp.token, date: NOW,
      body: d.declarationBody({ participant_id: participant, declaration_type: 'started', declaration_date: '2026-11-20T09:00:00Z', course_identifier: 'ecf-induction', evidence_held: 'training-event-attended' }),
    })
    if (res.status !== 200) throw new Error(`scene declaration answered ${res.status} ${res.text}`)
    owned.declarations.push(res.body.data.id)
  }
  return owned
}

type Probe = { kind: string; method: string; path: (id: string) => string; body?: (actor: Owned) => unknown; ids: (o: Owned) => string[] }

const put = (type: string, attributes: Record<string, unknown>) => ({ data: { type, attributes } })

export const PROBES: Probe[] = [
  { kind: 'partnership', method: 'GET', path: (id) => `/api/v3/partnerships/${id}`, ids: (o) => o.partnerships },
  { kind: 'partnership', method: 'PUT', path: (id) => `/api/v3/partnerships/${id}`, body: (a) => put('partnership', { delivery_partner_id: a.deliveryPartnerId }), ids: (o) => o.partnerships },
  { kind: 'participant', method: 'GET', path: (id) => `/api/v3/participants/${id}`, ids: (o) => o.participants },
  { kind: 'participant', method: 'PUT', path: (id) => `/api/v3/participants/${id}/withdraw`, body: () => put('participant-withdraw', { reason: 'left-teaching-profession', course_identifier: 'ecf-induction' }), ids: (o) => o.participants },
  { kind: 'participant', method: 'PUT', path: (id) => `/api/v3/participants/${id}/defer`, body: () => put('participant-defer', { reason: 'parental-leave', course_identifier: 'ecf-induction' }), ids: (o) => o.participants },
  { kind: 'participant', method: 'PUT', path: (id) => `/api/v3/participants/${id}/resume`, body: () => put('participant-resume', { course_identifier: 'ecf-induction' }), ids: (o) => o.participants },
  { kind: 'participant', method: 'PUT', path: (id) => `/api/v3/participants/${id}/change-schedule`, body: () => put('participant-change-schedule', { schedule_identifier: 'ecf-extended-september', course_identifier: 'ecf-induction' }), ids: (o) => o.participants },
  { kind: 'transfer', method: 'GET', path: (id) => `/api/v3/participants/${id}/transfers`, ids: (o) => o.transfers },
  { kind: 'declaration', method: 'GET', path: (id) => `/api/v3/participant-declarations/${id}`, ids: (o) => o.declarations },
  { kind: 'declaration', method: 'PUT', path: (id) => `/api/v3/participant-declarations/${id}/void`, ids: (o) => o.declarations },
  { kind: 'statement', method: 'GET', path: (id) => `/api/v3/statements/${id}`, ids: (o) => o.statements },
]

const LISTS: [string, (o: Owned) => string[]][] = [
  ['/api/v3/partnerships?page[per_page]=3000', (o) => o.partnerships],
  ['/api/v3/participants?page[per_page]=3000', (o) => o.participants],
  ['/api/v3/participants/transfers?page[per_page]=3000', (o) => o.transfers],
  ['/api/v3/participant-declarations?page[per_page]=3000', (o) => o.declarations],
  ['/api/v3/statements?page[per_page]=3000', (o) => o.statements],
]

/** What a change to one provider's records would show: every row they live in, as text. */
async function fingerprint(c: Client, o: Owned): Promise<string> {
  const none = ['00000000-0000-0000-0000-000000000000']
  const rows = await Promise.all([
    c.db.selectFrom('partnerships').selectAll().where('id', 'in', o.partnerships.length ? o.partnerships : none).orderBy('id').execute(),
    c.db.selectFrom('training_periods').selectAll().where('teacher_id', 'in', o.participants).orderBy('id').execute(),
    c.db.selectFrom('declarations').selectAll().where('id', 'in', o.declarations.length ? o.declarations : none).orderBy('id').execute(),
    c.db.selectFrom('statements').selectAll().where('id', 'in', o.statements).orderBy('id').execute(),
  ])
  return JSON.stringify(rows)
}

export type Trial = { actor: 0 | 1; probe: number; pick: number }
export const trialArbitrary: fc.Arbitrary<Trial> = fc.record({ actor: fc.constantFrom(0 as const, 1 as const), probe: fc.nat({ max: PROBES.length - 1 }), pick: fc.nat() })

/** Runs the trials against the two providers; the problems found (none when Q-18 holds). */
export async function crossTenantTrials(c: Client, providers: [Owned, Owned], trials: Trial[]): Promise<{ problems: string[]; requests: number }> {
  const problems: string[] = []
  let requests = 0
  const before = await Promise.all(providers.map((o) => fingerprint(c, o)))
  for (const trial of trials) {
    const actor = providers[trial.actor]
    const owner = providers[1 - trial.actor]!
    const probe = PROBES[trial.probe]!
    const ids = probe.ids(owner)
    if (ids.length === 0) continue
    const id = ids[trial.pick % ids.length]!
    const res = await c.request(probe.method, probe.path(id), { token: actor.token, date: NOW, ...(probe.body ? { body: probe.body(actor) } : {}) })
    requests++
    if (res.status !== 404 || res.text !== NOT_FOUND) problems.push(`${probe.method} ${probe.kind} of the other provider answered ${res.status} ${res.text.slice(0, 120)}`)
  }
  // A declaration for the other provider's participant is refused as unknown, and creates nothing.
  for (const [i, actor] of providers.entries()) {
    const other = providers[1 - i]!
    const res = await c.request('POST', '/api/v3/participant-declarations', {
      token: actor.token, date: NOW,
      body: d.declarationBody({ participant_id: other.participants[0], declaration_type: 'started', declaration_date: '2026-11-20T09:00:00Z', course_identifier: 'ecf-induction', evidence_held: 'training-event-attended' }),
    })
    requests++
    if (res.status !== 422 || !res.text.includes(JSON.stringify(UNKNOWN_PARTICIPANT).slice(1, -1))) problems.push(`a declaration for the other provider's participant answered ${res.status} ${res.text.slice(0, 160)}`)
  }
  const after = await Promise.all(providers.map((o) => fingerprint(c, o)))
  for (const i of [0, 1]) if (before[i] !== after[i]) problems.push(`provider ${i}'s records changed under the other's requests`)
  for (const [i, actor] of providers.entries()) {
    const other = providers[1 - i]!
    for (const [url, idsOf] of LISTS) {
      const res = await c.request('GET', url, { token: actor.token, date: NOW })
      requests++
      if (res.status !== 200) {
        problems.push(`${url} answered ${res.status}`)
        continue
      }
      const seen = new Set((res.body.data as { id: string; attributes?: { participant_id?: string } }[]).flatMap((r) => [r.id, r.attributes?.participant_id ?? r.id]))
      const leaked = idsOf(other).filter((id) => seen.has(id))
      if (leaked.length > 0) problems.push(`${url} for one provider lists ${leaked.length} of the other's records`)
      const missing = idsOf(actor).filter((id) => !seen.has(id))
      if (missing.length > 0) problems.push(`${url} misses ${missing.length} of the provider's own records`)
    }
  }
  return { problems, requests }
}
