// The mixed row: lead providers poll the participants feed (per_page 100, filter[updated_since]
// an hour back) at 10 connections while schools and lead providers write at a steady 50 writes/s
// over HTTP — POST /api/v3/partnerships (P-1), PUT …/withdraw (D-12), PUT …/defer (D-13), an ECT
// registered at a partnered school and a leaving reported, in turn. The same poll
// is measured read-only just before, on the same server, in the same round: the bar is the ratio
// of the two p95s, and POST /partnerships' own p95 under the load (Q-4's 30 ms).
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { Db } from '../src/db/connect.ts'
import { digestOf } from '../src/domain/tokens/rules.ts'
import { generateToken } from '../src/domain/tokens/rules.ts'
import type { Facts } from './facts.ts'
import { drive, percentile, type Timing } from './load.ts'

export const WRITES_PER_SECOND = 50
/** Writes still unanswered beyond this are not sent (counted as skipped): the writer stays a steady rate, not a pile-up. */
const MAX_IN_FLIGHT = 200

const KINDS = ['POST partnerships', 'PUT withdraw', 'PUT defer', 'POST register ECT', 'POST leaving'] as const
type Kind = (typeof KINDS)[number]

export type Writer = {
  writes: number
  /** By kind and status, e.g. "PUT withdraw 200"; 0 is a failed connection. */
  statuses: Record<string, number>
  server_errors: number
  non_2xx: number
  /** Writes not sent: too many unanswered, or no fresh target left. */
  skipped: number
  posts: { count: number; p50: number; p95: number; p99: number }
  rate: number
}

export type MixedRound = { read_only: Timing; mixed: Timing; writer: Writer }

/** An admin token for the school actions (C-7), stored as start-up stores one; revoked at the end of the run. */
export async function benchAdminToken(db: Db): Promise<{ token: string; revoke: (db: Db) => Promise<void> }> {
  const token = generateToken()
  const id = randomUUID()
  await db.insertInto('admin_tokens').values({ id, digest: digestOf(token), source: 'cli', description: 'npm run bench (mixed row)', created_at: new Date() }).execute()
  // Revoked over a connection of its own: the one that stored it is closed by then.
  return { token, revoke: async (open) => void (await sql`UPDATE admin_tokens SET revoked_at = now() WHERE id = ${id}`.execute(open)) }
}

export function pollPath(since: Date): string {
  const at = since.toISOString().replace(/\.\d+Z$/, 'Z')
  return `/api/v3/participants?page[per_page]=100&filter[updated_since]=${encodeURIComponent(at)}`
}

/** The read-only poll, then the poll beside the writer, each for `seconds` (after `warmUp` unmeasured seconds). */
export async function mixedRound(base: string, facts: Facts, adminToken: string, seconds: number, warmUp: number, since = new Date(Date.now() - 3600_000)): Promise<MixedRound> {
  const request = { method: 'GET', path: pollPath(since) }
  if (warmUp > 0) await drive({ url: base, token: facts.token, request, seconds: warmUp })
  const readOnly = await drive({ url: base, token: facts.token, request, seconds })
  const [mixed, writer] = await Promise.all([
    drive({ url: base, token: facts.token, request, seconds }),
    write(base, facts, adminToken, seconds),
  ])
  return { read_only: readOnly, mixed, writer }
}

/** The writes, one every 1/WRITES_PER_SECOND s from a timer (not as fast as answers come), each kind in turn. */
async function write(base: string, facts: Facts, adminToken: string, seconds: number): Promise<Writer> {
  const statuses: Record<string, number> = {}
  const postTimes: number[] = []
  let inFlight = 0
  let skipped = 0
  let sent = 0
  const pending: Promise<void>[] = []
  const started = performance.now()
  const total = Math.round(seconds * WRITES_PER_SECOND)
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / WRITES_PER_SECOND
    const wait = due - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    const kind = KINDS[i % KINDS.length]!
    const request = requestFor(kind, base, facts, adminToken)
    if (request === null || inFlight >= MAX_IN_FLIGHT) {
      skipped++
      continue
    }
    inFlight++
    sent++
    const t0 = performance.now()
    pending.push(
      fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(30_000) })
        .then(async (r) => (await r.arrayBuffer(), r.status), () => 0)
        .then((status) => {
          const ms = performance.now() - t0
          inFlight--
          if (kind === 'POST partnerships') postTimes.push(ms)
          const key = `${kind} ${status}`
          statuses[key] = (statuses[key] ?? 0) + 1
        }),
    )
  }
  // The rate over the sending window (the last write was due one interval before its end), not the drain after it.
  const sending = (performance.now() - started) / 1000 + 1 / WRITES_PER_SECOND
  await Promise.all(pending)
  const counts = Object.entries(statuses).map(([k, n]) => ({ status: Number(k.split(' ').pop()), n }))
  const sorted = postTimes.sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 10) / 10
  return {
    writes: sent,
    statuses,
    server_errors: counts.filter((c) => c.status >= 500).reduce((a, c) => a + c.n, 0),
    non_2xx: counts.filter((c) => c.status < 200 || c.status > 299).reduce((a, c) => a + c.n, 0),
    skipped,
    posts: { count: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)) },
    rate: round(sent / sending),
  }
}

type Call = { url: string; method: string; headers: Record<string, string>; body: string }

function requestFor(kind: Kind, base: string, facts: Facts, adminToken: string): Call | null {
  const v3 = (method: string, path: string, body: unknown): Call => ({
    url: `${base}/api/v3${path}`, method, headers: { authorization: `Bearer ${facts.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  })
  const admin = (path: string, body: unknown): Call => ({
    url: `${base}/api/admin/v1${path}`, method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  })
  switch (kind) {
    case 'POST partnerships': {
      const body = facts.postBodies.take()
      return body === null ? null : { ...v3('POST', '/partnerships', null), body }
    }
    case 'PUT withdraw': {
      const id = facts.withdrawals.take()
      return id === null ? null : v3('PUT', `/participants/${id}/withdraw`, { data: { type: 'participant-withdraw', attributes: { reason: 'left-teaching-profession', course_identifier: 'ecf-induction' } } })
    }
    case 'PUT defer': {
      const id = facts.deferrals.take()
      return id === null ? null : v3('PUT', `/participants/${id}/defer`, { data: { type: 'participant-defer', attributes: { reason: 'career-break', course_identifier: 'ecf-induction' } } })
    }
    case 'POST register ECT': {
      const trn = facts.trns.take()
      const urn = facts.partneredUrns[Number(trn ?? 0) % Math.max(1, facts.partneredUrns.length)]
      if (trn === null || urn === undefined) return null
      return admin(`/schools/${urn}/ects`, {
        trn, first_name: 'Bench', last_name: `Teacher ${trn}`, date_of_birth: '1996-04-01', email: `bench.${trn}@example.sch.uk`,
        started_on: facts.today, working_pattern: 'full_time', training_programme: 'provider_led', lead_provider_id: facts.leadProviderId,
      })
    }
    case 'POST leaving': {
      const leaver = facts.leavers.take()
      if (leaver === null) return null
      const leavingOn = new Date(Date.parse(`${facts.today}T12:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10)
      return admin(`/schools/${leaver.urn}/ects/${leaver.teacher_id}/leaving`, { leaving_on: leavingOn })
    }
  }
}
