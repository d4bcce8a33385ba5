// Load and timing helpers of the bench (Q-2 … Q-5): autocannon at 10 connections over loopback,
// with every response time kept so p50/p95/p99 are exact; the raw-SQL baseline timed the
// same way through pg.
import autocannon, { type Request } from 'autocannon'
import type pg from 'pg'

export const CONNECTIONS = 10

export type Timing = {
  requests: number
  seconds: number
  rps: number
  p50: number
  p95: number
  p99: number
  /** Answers other than 2xx, errors and timeouts. */
  failures: number
  /** HTTP answers by status (absent for SQL). */
  statuses?: Record<string, number>
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export function summarise(times: number[], seconds: number, failures: number, statuses?: Record<string, number>): Timing {
  const sorted = [...times].sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 10) / 10
  return {
    requests: times.length,
    seconds: round(seconds),
    rps: round(times.length / seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    failures,
    ...(statuses ? { statuses } : {}),
  }
}

export type Drive = { url: string; token: string; request: Request; seconds: number; amount?: number }

/** Runs autocannon once; responses other than 2xx count as failures. */
export function drive({ url, token, request, seconds, amount }: Drive): Promise<Timing> {
  const times: number[] = []
  const statuses: Record<string, number> = {}
  let failures = 0
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(request.headers ?? {}) }
    const options = {
      url,
      connections: CONNECTIONS,
      timeout: 30,
      requests: [{ ...request, headers }],
      ...(amount !== undefined ? { amount } : { duration: seconds }),
    }
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error)
      // A run in which no request was answered (all still waiting when it ended) failed.
      if (times.length === 0) failures++
      resolve(summarise(times, result.duration, failures + result.errors + result.timeouts, statuses))
    })
    instance.on('response', (_client, status, _bytes, ms) => {
      times.push(ms)
      statuses[status] = (statuses[status] ?? 0) + 1
      if (status < 200 || status > 299) failures++
    })
  })
}

/** the baseline query, CONNECTIONS at a time for `seconds`, each result read as text. */
export async function driveSql(pool: pg.Pool, text: string, values: unknown[], seconds: number): Promise<Timing> {
  const times: number[] = []
  const until = performance.now() + seconds * 1000
  const started = performance.now()
  const worker = async () => {
    while (performance.now() < until) {
      const t0 = performance.now()
      const result = await pool.query(text, values)
      if (typeof result.rows[0]?.body !== 'string' && result.rows[0]?.body !== null) throw new Error('baseline returned no body')
      times.push(performance.now() - t0)
    }
  }
  await Promise.all(Array.from({ length: CONNECTIONS }, worker))
  return summarise(times, (performance.now() - started) / 1000, 0)
}

/**
 * GETs of `paths` from CONNECTIONS workers for `seconds`, each worker taking them in turn, timed
 * per path (autocannon times a run as one): each path's timing, with its answers by status.
 */
export async function driveAlternating(url: string, token: string, paths: string[], seconds: number): Promise<Timing[]> {
  const times = paths.map(() => [] as number[])
  const statuses = paths.map(() => ({}) as Record<string, number>)
  const failures = paths.map(() => 0)
  const started = performance.now()
  const until = started + seconds * 1000
  const worker = async (w: number) => {
    for (let i = w; performance.now() < until; i++) {
      const k = i % paths.length
      const t0 = performance.now()
      const status = await fetch(url + paths[k]!, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) })
        .then(async (r) => (await r.arrayBuffer(), r.status), () => 0)
      times[k]!.push(performance.now() - t0)
      statuses[k]![status] = (statuses[k]![status] ?? 0) + 1
      if (status < 200 || status > 299) failures[k]!++
    }
  }
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, w) => worker(w)))
  const elapsed = (performance.now() - started) / 1000
  return paths.map((_, k) => summarise(times[k]!, elapsed, failures[k]!, statuses[k]!))
}

/** Resident set size of a process in MB, from /proc (Linux). */
export async function rssMb(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises')
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN)
  return Math.round(kb / 1024)
}
