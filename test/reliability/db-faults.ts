// Q-12, C-67, C-68: the database goes away mid-load (the proxy resets every connection and refuses
// new ones), or stops answering; requests fail fast with the 503 body, /healthcheck says 503, and
// when the database is back the same app serves again, with no acknowledged write lost.
import { sql } from 'kysely'
import { loadConfig } from '../../src/config.ts'
import { kyselyOverPostgres, type Db } from '../../src/db/connect.ts'
import { V3_PROBE, probeRoutes } from '../support/probe-routes.ts'
import * as f from '../support/factories.ts'
import { percentile, sleep, standaloneClient, tally, type Check } from './harness.ts'
import { checkLedger, loadScene, runLoad, summarise, type LoadResult } from './load.ts'
import { startProxy, targetOf } from './proxy.ts'

export const UNAVAILABLE = '{"errors":[{"title":"Service unavailable","detail":"The service is temporarily unavailable. Try again later"}]}'
const HEALTH_DOWN = '{"status":"error","database":"unavailable"}'
const HEALTH_OK = '{"status":"ok","database":"ok"}'

export type FaultOptions = {
  /** The database the app reaches through the proxy (`db` is a direct connection to it). */
  url: string
  db: Db
  statementTimeoutMs: number
  workers: number
  /** Load before the fault, during it, and after the restore. */
  phasesMs: [number, number, number]
  mode: 'stop' | 'silence'
}

/** One fault in the middle of a load: the figure, and every way the bar was missed. */
export async function databaseFault(options: FaultOptions): Promise<Check> {
  const { statementTimeoutMs, mode } = options
  const problems: string[] = []
  const proxy = await startProxy(targetOf(options.url))
  const proxied = kyselyOverPostgres(proxy.url(options.url), statementTimeoutMs)
  const client = await standaloneClient(proxied.db, { statementTimeoutMs })
  try {
    const scene = await loadScene(options.db, 30)
    const byPhase: Record<'before' | 'during' | 'after', LoadResult['failures']> = { before: [], during: [], after: [] }
    let stop = false
    const load = runLoad(client, scene, { workers: options.workers, until: () => stop })
    const health = async () => {
      const started = Date.now()
      const res = await client.app.inject({ method: 'GET', url: '/healthcheck' })
      return { status: res.statusCode, body: res.body, ms: Date.now() - started }
    }

    await sleep(options.phasesMs[0])
    const cutAt = Date.now()
    if (mode === 'stop') proxy.stop()
    else proxy.silence()
    // Let requests already waiting on the database run into the fault, then ask the health check.
    await sleep(Math.min(options.phasesMs[1] / 2, statementTimeoutMs + 1500))
    const downHealth = await health()
    if (downHealth.status !== 503 || downHealth.body !== HEALTH_DOWN) problems.push(`/healthcheck during the fault: ${downHealth.status} ${downHealth.body}`)
    if (downHealth.ms > 2500) problems.push(`/healthcheck took ${downHealth.ms} ms during the fault`)
    const direct = await timedProbe(client, scene.providers[0]!.token)
    if (direct.status !== 503 || direct.text !== UNAVAILABLE) problems.push(`a request during the fault: ${direct.status} ${direct.text.slice(0, 200)}`)
    await sleep(Math.max(0, options.phasesMs[1] - (Date.now() - cutAt)))

    proxy.restore()
    const restoredAt = Date.now()
    let recoveredMs: number | null = null
    while (Date.now() - restoredAt < 15_000) {
      const h = await health()
      if (h.status === 200 && h.body === HEALTH_OK) {
        recoveredMs = Date.now() - restoredAt
        break
      }
      await sleep(100)
    }
    if (recoveredMs === null) problems.push('/healthcheck did not answer 200 within 15 s of the restore')
    const markAfter = Date.now()
    await sleep(options.phasesMs[2])
    stop = true
    const result = await load

    for (const failure of result.failures) byPhase[failure.at < cutAt ? 'before' : failure.at < restoredAt + 50 ? 'during' : 'after'].push(failure)
    if (byPhase.before.length > 0) problems.push(`${byPhase.before.length} failures before the fault: ${byPhase.before[0]!.status} ${byPhase.before[0]!.text}`)
    const wrong = byPhase.during.filter((x) => x.status !== 503 || x.text !== UNAVAILABLE)
    if (wrong.length > 0) problems.push(`${wrong.length} failures during the fault were not the 503 body: ${wrong[0]!.status} ${wrong[0]!.text}`)
    // Fast (C-68): a stopped database fails a request at once. A silent one makes a query wait
    // out the driver's read timeout (statement timeout + 1 s); a request that was already queued
    // for a connection may then wait once more, so its bound is two timeouts and the margin.
    const bound = mode === 'stop' ? statementTimeoutMs : 2 * statementTimeoutMs + 1500
    const slowest = Math.max(0, ...byPhase.during.map((x) => x.ms))
    if (slowest > bound) problems.push(`a request took ${slowest} ms to fail (bound ${bound} ms)`)
    if (byPhase.during.length === 0) problems.push('no request met the fault')
    // Recovered: no request started after the health check said so fails.
    const late = result.failures.filter((x) => x.at - x.ms >= markAfter)
    if (late.length > 0) problems.push(`${late.length} failures after recovery: ${late[0]!.status} ${late[0]!.text}`)
    const ledger = await checkLedger(options.db, scene, result)
    problems.push(...ledger)
    const s = summarise(result)
    const failMs = byPhase.during.map((x) => x.ms)
    const what = mode === 'stop' ? 'PostgreSQL stopped mid-load (connections reset, new ones refused)' : 'PostgreSQL silent mid-load (connections open, no answers)'
    return {
      bar: 'Q-12',
      figure:
        `${what}: ${byPhase.during.length} requests failed with the 503 body (${tally(byPhase.during.map((x) => x.status))}), p50 ${percentile(failMs, 50)} ms, max ${slowest} ms ` +
        `(bound ${bound} ms, statement timeout ${statementTimeoutMs} ms); /healthcheck 503 in ${downHealth.ms} ms; recovered without restart ${recoveredMs ?? '—'} ms after the restore; ` +
        `${result.requests} requests, ${s.acked} acknowledged writes all present, ${s.unknown} unknown-outcome writes whole or absent`,
      problems,
    }
  } finally {
    await client.close().catch(() => {})
    await proxied.close().catch(() => {})
    await proxy.close()
  }
}

async function timedProbe(client: Awaited<ReturnType<typeof standaloneClient>>, token: string) {
  return client.request('GET', '/api/v3/partnerships', { token })
}

/** Q-12, C-68: a query longer than the statement timeout answers the 503 soon after the timeout; the default is 5 s. */
export async function statementTimeout(url: string, timeoutMs: number): Promise<Check> {
  const sleepSeconds = 2 // the probe route's pg_sleep
  const problems: string[] = []
  const short = kyselyOverPostgres(url, timeoutMs)
  const client = await standaloneClient(short.db, { statementTimeoutMs: timeoutMs }, { routes: (app, db) => probeRoutes(app, db) })
  const defaults = loadConfig({}, {})
  const standard = kyselyOverPostgres(url, defaults.ok ? defaults.config.statementTimeoutMs : 0)
  try {
    const lp = await f.leadProvider(short.db)
    const started = Date.now()
    const res = await client.request('GET', `${V3_PROBE}/sleep`, { token: lp.token })
    const ms = Date.now() - started
    if (res.status !== 503 || res.text !== UNAVAILABLE) problems.push(`pg_sleep answered ${res.status} ${res.text.slice(0, 200)}`)
    if (ms > timeoutMs + 1000) problems.push(`the 503 came after ${ms} ms`)
    const after = await client.request('GET', '/api/v3/partnerships', { token: lp.token })
    if (after.status !== 200) problems.push(`the next request answered ${after.status}`)
    const setting = (await sql<{ statement_timeout: string }>`SHOW statement_timeout`.execute(standard.db)).rows[0]?.statement_timeout
    if (setting !== '5s') problems.push(`default statement_timeout is ${setting}`)
    return {
      bar: 'Q-12',
      figure: `statement timeout: pg_sleep(${sleepSeconds}) under a ${timeoutMs} ms timeout → ${res.status} in ${ms} ms, next request ${after.status}; default pool statement_timeout ${setting}`,
      problems,
    }
  } finally {
    await client.close()
    await short.close()
    await standard.close()
  }
}
