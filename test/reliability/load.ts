// Q-11 (and the load Q-12 cuts): a bounded mixed load of reads, partnership creates and updates
// and school actions, a ledger of every write with its outcome, and a checker that compares the
// ledger with the database: every acknowledged write is there, whole; a refused one (4xx) left
// nothing; one whose outcome is unknown (5xx, connection lost) is either whole or absent.
import { sql } from 'kysely'
import type { Db } from '../../src/db/connect.ts'
import * as f from '../support/factories.ts'
import { percentile, tally, type Check, type Client, type Reply } from './harness.ts'

const DATE = '2025-10-01T09:00:00Z'
const LEAVING_ON = '2025-12-31'

type Outcome = 'ack' | 'refused' | 'unknown'
const outcomeOf = (status: number, ok: number): Outcome => (status === ok ? 'ack' : status >= 400 && status < 500 ? 'refused' : 'unknown')

type Provider = { id: string; token: string; dps: string[] }
type School = { id: string; urn: string }
type Partnership = { id: string; schoolId: string; leadProviderId: string; dps: string[] }

type Write =
  | { kind: 'create'; outcome: Outcome; schoolId: string; leadProviderId: string; dp: string; id?: string }
  | { kind: 'update'; outcome: Outcome; partnershipId: string; dp: string }
  | { kind: 'register'; outcome: Outcome; trn: string; schoolId: string; periodId?: string }
  | { kind: 'leave'; outcome: Outcome; periodId: string }
  | { kind: 'tutor'; outcome: Outcome; schoolId: string; name: string }
  | { kind: 'training'; outcome: Outcome; periodId: string; leadProviderId: string }

/**
 * 'spread': writes over many schools (today's Q-11). 'concentrated': the same kinds of write
 * focused on a handful of schools' shared rows — PUTs on their partnerships, registrations,
 * training changes and leaving reports at the same schools, participant reads — so commands on
 * one school's partnership, periods, teachers and stamps overlap all the time.
 */
export type Mix = 'spread' | 'concentrated'

export type LoadScene = { providers: Provider[]; schools: School[]; partnerships?: Partnership[] }

export async function loadScene(db: Db, schools = 40): Promise<LoadScene> {
  await f.cohort(db, 2025)
  const providers: Provider[] = []
  for (let i = 0; i < 2; i++) {
    const lp = await f.leadProvider(db)
    const dps: string[] = []
    for (let j = 0; j < 3; j++) {
      const dp = await f.deliveryPartner(db)
      await f.pairing(db, lp.id, dp.id, 2025)
      dps.push(dp.id)
    }
    providers.push({ id: lp.id, token: lp.token, dps })
  }
  const list: School[] = []
  for (let i = 0; i < schools; i++) {
    const s = await f.school(db)
    await db.updateTable('schools').set({ induction_tutor_name: 'First Tutor', induction_tutor_email: 'first.tutor@example.sch.uk' }).where('id', '=', s.id).execute()
    list.push(s)
  }
  return { providers, schools: list }
}

/** A few schools, each partnered with every lead provider from the start (their PUTs begin at once). */
export async function concentratedScene(c: Client, schools = 3): Promise<LoadScene> {
  const scene = await loadScene(c.db, schools)
  const partnerships: Partnership[] = []
  for (const school of scene.schools) {
    for (const lp of scene.providers) {
      const reply = await c.request('POST', '/api/v3/partnerships', { token: lp.token, date: DATE, body: { data: { type: 'partnership', attributes: { cohort: '2025', school_id: school.id, delivery_partner_id: lp.dps[0] } } } })
      if (reply.status !== 200) throw new Error(`partnership for the concentrated scene: ${reply.status} ${reply.text}`)
      partnerships.push({ id: reply.body.data.id, schoolId: school.id, leadProviderId: lp.id, dps: lp.dps })
    }
  }
  return { ...scene, partnerships }
}

export type LoadResult = {
  writes: Write[]
  statuses: number[]
  latencies: number[]
  /** Requests answered 5xx, by status, with their latency: the faults check reads them. */
  failures: { status: number; ms: number; text: string; at: number }[]
  requests: number
}

let trnSeq = 5_000_000 + Math.floor(Math.random() * 4_000_000)

/** Drives `c` with `workers` concurrent loops until `until()` says stop. */
export async function runLoad(c: Client, scene: LoadScene, options: { workers: number; until: (so: LoadResult) => boolean; pick?: () => number; mix?: Mix }): Promise<LoadResult> {
  const result: LoadResult = { writes: [], statuses: [], latencies: [], failures: [], requests: 0 }
  const partnerships: Partnership[] = [...(scene.partnerships ?? [])]
  const registrations: { periodId: string; participantId: string; urn: string; left: boolean; leadProviderId?: string }[] = []
  const busy = new Set<string>()
  const random = options.pick ?? Math.random
  const any = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)]

  const timed = async (send: () => Promise<Reply>): Promise<Reply> => {
    const started = Date.now()
    let reply: Reply
    try {
      reply = await send()
    } catch (error) {
      reply = { status: 599, body: undefined, text: String(error), headers: {} }
    }
    const ms = Date.now() - started
    result.requests++
    result.statuses.push(reply.status)
    result.latencies.push(ms)
    if (reply.status >= 500) result.failures.push({ status: reply.status, ms, text: reply.text.slice(0, 300), at: Date.now() })
    return reply
  }
  /** Runs `fn` unless `key` is busy: writes to one entity never overlap, so its last state is known. */
  const exclusive = async (key: string, fn: () => Promise<void>) => {
    if (busy.has(key)) return
    busy.add(key)
    try {
      await fn()
    } finally {
      busy.delete(key)
    }
  }

  const operations: [number, () => Promise<void>][] = [
    [3, async () => {
      const lp = any(scene.providers)!
      await timed(() => c.request('GET', '/api/v3/partnerships?page[per_page]=100&sort=-updated_at', { token: lp.token, date: DATE }))
    }],
    [2, async () => {
      const lp = any(scene.providers)!
      await timed(() => c.request('GET', '/api/v3/participants?page[per_page]=50', { token: lp.token, date: DATE }))
    }],
    [3, async () => {
      const lp = any(scene.providers)!
      const school = any(scene.schools)!
      await exclusive(`create:${school.id}:${lp.id}`, async () => {
        const dp = any(lp.dps)!
        const reply = await timed(() => c.request('POST', '/api/v3/partnerships', { token: lp.token, date: DATE, body: { data: { type: 'partnership', attributes: { cohort: '2025', school_id: school.id, delivery_partner_id: dp } } } }))
        const outcome = outcomeOf(reply.status, 200)
        const id = outcome === 'ack' ? (reply.body.data.id as string) : undefined
        result.writes.push({ kind: 'create', outcome, schoolId: school.id, leadProviderId: lp.id, dp, ...(id ? { id } : {}) })
        if (id) partnerships.push({ id, schoolId: school.id, leadProviderId: lp.id, dps: lp.dps })
      })
    }],
    [3, async () => {
      const partnership = any(partnerships)
      if (!partnership) return
      const lp = scene.providers.find((p) => p.id === partnership.leadProviderId)!
      await exclusive(partnership.id, async () => {
        const dp = any(partnership.dps)!
        const reply = await timed(() => c.request('PUT', `/api/v3/partnerships/${partnership.id}`, { token: lp.token, date: DATE, body: { data: { type: 'partnership', attributes: { delivery_partner_id: dp } } } }))
        result.writes.push({ kind: 'update', outcome: outcomeOf(reply.status, 200), partnershipId: partnership.id, dp })
      })
    }],
    [3, async () => {
      const school = any(scene.schools)!
      const lp = any(scene.providers)!
      const trn = String(++trnSeq)
      const programme = random() < 0.5 ? { training_programme: 'school_led' } : { training_programme: 'provider_led', lead_provider_id: lp.id }
      const reply = await timed(() => c.admin('POST', `/schools/${school.urn}/ects`, {
        trn, first_name: 'Load', last_name: `Teacher ${trn}`, date_of_birth: '1996-04-02', email: `load.${trn}@example.sch.uk`,
        started_on: '2025-09-01', working_pattern: 'full_time', ...programme,
      }, { date: DATE }))
      const outcome = outcomeOf(reply.status, 201)
      const periodId = outcome === 'ack' ? (reply.body.data.id as string) : undefined
      result.writes.push({ kind: 'register', outcome, trn, schoolId: school.id, ...(periodId ? { periodId } : {}) })
      if (periodId) registrations.push({ periodId, participantId: reply.body.data.participant_id, urn: school.urn, left: false, ...('lead_provider_id' in programme ? { leadProviderId: lp.id } : {}) })
    }],
    [1, async () => {
      const registration = any(registrations.filter((r) => !r.left))
      if (!registration) return
      await exclusive(registration.periodId, async () => {
        const reply = await timed(() => c.admin('POST', `/schools/${registration.urn}/ects/${registration.participantId}/leaving`, { leaving_on: LEAVING_ON }, { date: DATE }))
        const outcome = outcomeOf(reply.status, 200)
        if (outcome === 'ack') registration.left = true
        result.writes.push({ kind: 'leave', outcome, periodId: registration.periodId })
      })
    }],
    [1, async () => {
      const school = any(scene.schools)!
      await exclusive(`tutor:${school.id}`, async () => {
        const name = `Tutor ${Math.floor(random() * 1e9)}`
        const reply = await timed(() => c.admin('PUT', `/schools/${school.urn}/induction-tutor`, { name, email: 'tutor@example.sch.uk' }, { date: DATE }))
        result.writes.push({ kind: 'tutor', outcome: outcomeOf(reply.status, 200), schoolId: school.id, name })
      })
    }],
  ]
  if (options.mix === 'concentrated') {
    // The operations above, reweighted, plus training changes and participant reads; writes to
    // one participant never overlap (its last state is known), as for partnerships.
    const [partnershipsRead, participantsRead, , put, register, leave] = operations.map(([, run]) => run) as (() => Promise<void>)[]
    operations.length = 0
    operations.push(
      [1, partnershipsRead!],
      [1, participantsRead!],
      [4, put!],
      [4, register!],
      [2, async () => {
        const registration = any(registrations.filter((r) => !r.left))
        if (!registration) return
        await exclusive(registration.periodId, async () => {
          const lp = any(scene.providers)!
          const reply = await timed(() => c.admin('PUT', `/schools/${registration.urn}/ects/${registration.participantId}/training`, { training_programme: 'provider_led', lead_provider_id: lp.id }, { date: DATE }))
          const outcome = outcomeOf(reply.status, 200)
          if (outcome === 'ack') registration.leadProviderId = lp.id
          result.writes.push({ kind: 'training', outcome, periodId: registration.periodId, leadProviderId: lp.id })
        })
      }],
      [2, leave!],
      [3, async () => {
        const registration = any(registrations.filter((r) => r.leadProviderId !== undefined))
        if (!registration) return
        const lp = scene.providers.find((p) => p.id === registration.leadProviderId)!
        await timed(() => c.request('GET', `/api/v3/participants/${registration.participantId}`, { token: lp.token, date: DATE }))
      }],
    )
  }
  const total = operations.reduce((sum, [w]) => sum + w, 0)
  const next = () => {
    let r = random() * total
    for (const [weight, run] of operations) if ((r -= weight) < 0) return run
    return operations[0]![1]
  }
  await Promise.all(Array.from({ length: options.workers }, async () => {
    while (!options.until(result)) await next()()
  }))
  return result
}

/** Compares the ledger with the database (read directly, not through any proxy). */
export async function checkLedger(db: Db, scene: LoadScene, result: LoadResult): Promise<string[]> {
  const problems: string[] = []
  const schoolIds = scene.schools.map((s) => s.id)
  const rows = await db.selectFrom('partnerships').select(['id', 'school_id', 'lead_provider_id', 'delivery_partner_id']).where('school_id', 'in', schoolIds).execute()
  const events = await db.selectFrom('events').select(['subject_id', 'action', 'data']).where('action', 'in', ['partnership.created', 'partnership.delivery_partner_changed', 'ect.registered', 'ect.leaving_reported', 'ect.training_changed', 'school.induction_tutor_set']).execute()
  const eventsOf = (id: string, action: string) => events.filter((e) => e.subject_id === id && e.action === action)

  // Creates, per (school, lead provider): at most one acknowledged; the row exists iff acknowledged,
  // or, with only unknown outcomes, it may exist but then whole (its event too).
  const creates = new Map<string, Extract<Write, { kind: 'create' }>[]>()
  for (const w of result.writes) if (w.kind === 'create') creates.set(`${w.schoolId}:${w.leadProviderId}`, [...(creates.get(`${w.schoolId}:${w.leadProviderId}`) ?? []), w])
  for (const [key, list] of creates) {
    const [schoolId, leadProviderId] = key.split(':')
    const present = rows.filter((r) => r.school_id === schoolId && r.lead_provider_id === leadProviderId)
    const acked = list.filter((w) => w.outcome === 'ack')
    const unknown = list.filter((w) => w.outcome === 'unknown')
    if (acked.length > 1) problems.push(`${acked.length} acknowledged creates for one school and lead provider`)
    if (present.length > 1) problems.push(`${present.length} partnerships for one school and lead provider`)
    if (acked.length === 1 && present[0]?.id !== acked[0]!.id) problems.push(`acknowledged partnership ${acked[0]!.id} is missing`)
    if (acked.length === 0 && unknown.length === 0 && present.length > 0) problems.push(`refused create left partnership ${present[0]!.id}`)
    for (const row of present) if (eventsOf(row.id, 'partnership.created').length !== 1) problems.push(`partnership ${row.id} without its created event (half-present)`)
  }
  // Updates, in order per partnership: the row is on the last acknowledged value, or on the value
  // of a later unknown one; one change event per applied change.
  const byPartnership = new Map<string, Extract<Write, { kind: 'update' }>[]>()
  for (const w of result.writes) if (w.kind === 'update') byPartnership.set(w.partnershipId, [...(byPartnership.get(w.partnershipId) ?? []), w])
  for (const [id, list] of byPartnership) {
    const row = rows.find((r) => r.id === id)
    if (!row) continue
    const created = result.writes.find((w) => w.kind === 'create' && w.id === id) as Extract<Write, { kind: 'create' }> | undefined
    // A partnership of the concentrated scene was created before the load, on the first pairing.
    const first = created?.dp ?? scene.partnerships?.find((p) => p.id === id)?.dps[0]
    const lastAck = list.map((w) => w.outcome).lastIndexOf('ack')
    const allowed = new Set([lastAck >= 0 ? list[lastAck]!.dp : first, ...list.slice(lastAck + 1).filter((w) => w.outcome === 'unknown').map((w) => w.dp)])
    if (!allowed.has(row.delivery_partner_id)) problems.push(`partnership ${id} lost an acknowledged update`)
    const changes = eventsOf(id, 'partnership.delivery_partner_changed').length
    const acks = list.filter((w) => w.outcome === 'ack').length
    const unknowns = list.filter((w) => w.outcome === 'unknown').length
    if (changes < acks || changes > acks + unknowns) problems.push(`partnership ${id}: ${acks} acknowledged updates, ${changes} change events`)
  }
  // Registrations: teacher, period, training period and event all there, or (not acknowledged) none.
  const registers = result.writes.filter((w): w is Extract<Write, { kind: 'register' }> => w.kind === 'register')
  const teachers = registers.length === 0 ? [] : await db.selectFrom('teachers').select(['id', 'trn']).where('trn', 'in', registers.map((w) => w.trn)).execute()
  const periods = teachers.length === 0 ? [] : await db.selectFrom('at_school_periods').select(['id', 'teacher_id', 'school_id', 'finished_on', 'reported_leaving_on']).where('teacher_id', 'in', teachers.map((t) => t.id)).execute()
  const training = periods.length === 0 ? [] : await db.selectFrom('training_periods').select(['at_school_period_id', 'lead_provider_id', 'started_on']).where('at_school_period_id', 'in', periods.map((p) => p.id)).execute()
  for (const w of registers) {
    const teacher = teachers.find((t) => t.trn === w.trn)
    const period = teacher && periods.find((p) => p.teacher_id === teacher.id)
    const whole = period !== undefined && period.school_id === w.schoolId && training.some((t) => t.at_school_period_id === period.id) && eventsOf(period.id, 'ect.registered').length === 1
    if (w.outcome === 'ack' && (!whole || period!.id !== w.periodId)) problems.push(`acknowledged registration of ${w.trn} is missing or partial`)
    if (w.outcome === 'refused' && teacher) problems.push(`refused registration of ${w.trn} left a teacher`)
    if (w.outcome === 'unknown' && teacher && !whole) problems.push(`registration of ${w.trn} is half-present`)
  }
  for (const w of result.writes) {
    if (w.kind !== 'leave') continue
    const period = periods.find((p) => p.id === w.periodId)
    const applied = period?.reported_leaving_on === LEAVING_ON && period.finished_on === LEAVING_ON
    const recorded = eventsOf(w.periodId, 'ect.leaving_reported').length
    // A report whose answer was lost (unknown) may have committed, and a later report of the same
    // leaving is recorded again: each acknowledged report is one event, each unknown one at most one.
    const sent = result.writes.filter((o) => o.kind === 'leave' && o.periodId === w.periodId)
    const acks = sent.filter((o) => o.outcome === 'ack').length
    const unknowns = sent.filter((o) => o.outcome === 'unknown').length
    if (w.outcome === 'ack' && (!applied || recorded < acks || recorded > acks + unknowns)) problems.push(`acknowledged leaving of ${w.periodId} is missing`)
    if (w.outcome !== 'ack' && !result.writes.some((o) => o.kind === 'leave' && o.periodId === w.periodId && o.outcome === 'ack') && w.outcome === 'refused' && (applied || recorded > 0)) problems.push(`refused leaving of ${w.periodId} was applied`)
    if (w.outcome === 'unknown' && applied !== (recorded > 0)) problems.push(`leaving of ${w.periodId} is half-present`)
  }
  // Training changes, in order per period: the latest training is with the last acknowledged
  // change's lead provider, or a later unknown one's; one event per applied change.
  const changes = new Map<string, Extract<Write, { kind: 'training' }>[]>()
  for (const w of result.writes) if (w.kind === 'training') changes.set(w.periodId, [...(changes.get(w.periodId) ?? []), w])
  for (const [periodId, list] of changes) {
    const lastAck = list.map((w) => w.outcome).lastIndexOf('ack')
    const acks = list.filter((w) => w.outcome === 'ack').length
    const unknowns = list.filter((w) => w.outcome === 'unknown').length
    const recorded = eventsOf(periodId, 'ect.training_changed').length
    if (recorded < acks || recorded > acks + unknowns) problems.push(`period ${periodId}: ${acks} acknowledged training changes, ${recorded} change events`)
    if (lastAck < 0) continue
    const mine = training.filter((t) => t.at_school_period_id === periodId)
    const latest = mine.reduce((max, t) => (String(t.started_on) > max ? String(t.started_on) : max), '')
    const current = new Set(mine.filter((t) => String(t.started_on) === latest).map((t) => t.lead_provider_id))
    const allowed = [list[lastAck]!.leadProviderId, ...list.slice(lastAck + 1).filter((w) => w.outcome === 'unknown').map((w) => w.leadProviderId)]
    if (!allowed.some((lp) => current.has(lp))) problems.push(`period ${periodId} lost an acknowledged training change`)
  }
  const schools = await db.selectFrom('schools').select(['id', 'induction_tutor_name']).where('id', 'in', schoolIds).execute()
  for (const school of schools) {
    const list = result.writes.filter((w): w is Extract<Write, { kind: 'tutor' }> => w.kind === 'tutor' && w.schoolId === school.id)
    if (list.length === 0) continue
    const lastAck = list.map((w) => w.outcome).lastIndexOf('ack')
    const allowed = new Set([lastAck >= 0 ? list[lastAck]!.name : 'First Tutor', ...list.slice(lastAck + 1).filter((w) => w.outcome === 'unknown').map((w) => w.name)])
    if (!allowed.has(school.induction_tutor_name ?? '')) problems.push(`school ${school.id} lost an acknowledged induction tutor`)
  }
  return problems
}

export function summarise(result: LoadResult) {
  const writes = result.writes
  const acked = writes.filter((w) => w.outcome === 'ack').length
  return {
    acked,
    refused: writes.filter((w) => w.outcome === 'refused').length,
    unknown: writes.filter((w) => w.outcome === 'unknown').length,
    statuses: tally(result.statuses),
    p95: percentile(result.latencies, 95),
  }
}

/** Deadlocks PostgreSQL has detected in the current database so far (null on PGlite). */
async function deadlocks(db: Db): Promise<number | null> {
  try {
    const { rows } = await sql<{ n: string }>`SELECT deadlocks::text AS n FROM pg_stat_database WHERE datname = current_database()`.execute(db)
    return rows[0] ? Number(rows[0].n) : null
  } catch {
    return null
  }
}

/** Q-11 as one check: `ms` of load with `workers`, then the ledger compared with the database. */
export async function noLostWrites(c: Client, ms: number, workers: number, minWrites = 0, mix: Mix = 'spread'): Promise<Check> {
  const scene = mix === 'concentrated' ? await concentratedScene(c) : await loadScene(c.db)
  const deadlocksBefore = await deadlocks(c.db)
  const started = Date.now()
  // At least `ms` and `minWrites` writes, however busy the machine, but never more than 5 × `ms`.
  const until = (so: LoadResult) => Date.now() - started > 5 * ms || (Date.now() - started > ms && so.writes.length >= minWrites)
  const result = await runLoad(c, scene, { workers, until, mix })
  ms = Date.now() - started
  // The statistics reach pg_stat_database within a second of each transaction's end.
  await new Promise((resolve) => setTimeout(resolve, 1500))
  const deadlocksAfter = await deadlocks(c.db)
  const problems = await checkLedger(c.db, scene, result)
  const s = summarise(result)
  if (result.failures.length > 0) problems.push(`${result.failures.length} requests answered 5xx: ${result.failures[0]!.status} ${result.failures[0]!.text}`)
  if (s.acked < Math.min(10, minWrites)) problems.push(`only ${s.acked} writes were acknowledged`)
  const detected = deadlocksBefore === null || deadlocksAfter === null ? 'deadlocks not counted' : `${deadlocksAfter - deadlocksBefore} deadlocks detected and retried`
  const where = mix === 'concentrated' ? `concentrated on ${scene.schools.length} schools` : `spread over ${scene.schools.length} schools`
  return {
    bar: 'Q-11',
    figure: `${Math.round(ms / 1000)} s mixed load ${where}, ${workers} workers: ${result.requests} requests (${s.statuses}), latency p50 ${percentile(result.latencies, 50)} ms, p95 ${s.p95} ms, p99 ${percentile(result.latencies, 99)} ms; ${detected}; ${s.acked} acknowledged writes all present and whole, ${s.refused} refused writes absent`,
    problems,
  }
}
