// `npm run faults`: the long versions of the reliability and security bars (Q-10 … Q-22) on
// PostgreSQL, one line per check with its figure and "met" or "NOT MET"; exits 1 if any is missed.
// The short versions run in `npm test` (test/reliability/).
//
//   DATABASE_URL                 PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
//                                each check gets a scratch database, dropped afterwards
//   REDIS_URL                    for Q-20 across two instances (default redis://127.0.0.1:6379)
//   RECT_FAULTS_LOAD_SECONDS     Q-11 mixed load duration (default 120; the bar's figure is 600)
//   RECT_FAULTS_WORKERS          Q-11 concurrent clients (default 16)
//   RECT_FAULTS_ONLY             comma-separated bar ids to run, e.g. Q-12,Q-14 (Q-11-concentrated: that mix alone)
import fc from 'fast-check'
import { kyselyOverPostgres } from '../src/db/connect.ts'
import { systemClock } from '../src/clock.ts'
import { buildWhenWriting } from '../src/read-models/write-through.ts'
import { memoryCounters } from '../src/api/plugins/rate-limit.ts'
import { met, scratchDatabase, standaloneClient, type Check } from '../test/reliability/harness.ts'
import { concurrentPartnershipPuts, partnershipPutsAgainstSchoolActions, identicalDeclarations, identicalPartnershipPosts, registrationsAtTwoSchools } from '../test/reliability/races.ts'
import { noLostWrites } from '../test/reliability/load.ts'
import { databaseFault, statementTimeout } from '../test/reliability/db-faults.ts'
import { gracefulShutdown } from '../test/reliability/shutdown.ts'
import { crossTenantTrials, ownedRecords, shapeArbitrary, trialArbitrary } from '../test/reliability/tenant-isolation.ts'
import { dynamicSqlUses, injectionFuzz, logsCarryNoToken, tokenChecks, tokenKinds } from '../test/reliability/security.ts'
import { tokenLimit } from '../test/reliability/rate-limits.ts'
import { requestArbitrary, routesOf, send } from '../test/fuzz/malformed-requests.ts'
import * as f from '../test/support/factories.ts'

const BASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const LOAD_SECONDS = Number(process.env.RECT_FAULTS_LOAD_SECONDS ?? 120)
const WORKERS = Number(process.env.RECT_FAULTS_WORKERS ?? 16)
const ONLY = process.env.RECT_FAULTS_ONLY?.split(',').map((s) => s.trim())

type Scratch = Awaited<ReturnType<typeof scratchDatabase>>
type Client = Awaited<ReturnType<typeof standaloneClient>>

const results: Check[] = []

function print(check: Check): void {
  results.push(check)
  console.log(`${check.bar} ${check.figure} — ${met(check) ? 'met' : 'NOT MET'}`)
  for (const problem of check.problems.slice(0, 5)) console.log(`      ${problem}`)
  if (check.problems.length > 5) console.log(`      … and ${check.problems.length - 5} more`)
}

/** Runs `fn` with a scratch database and an app over it, unless RECT_FAULTS_ONLY leaves `bar` out. */
async function withApp(bar: string, fn: (c: Client, db: Scratch) => Promise<Check | Check[]>): Promise<void> {
  if (ONLY && !ONLY.includes(bar)) return
  const db = await scratchDatabase(BASE)
  const client = await standaloneClient(db.db)
  try {
    const out = await fn(client, db)
    for (const check of Array.isArray(out) ? out : [out]) print(check)
  } catch (error) {
    print({ bar, figure: `crashed: ${error instanceof Error ? error.stack : String(error)}`, problems: ['the check crashed'] })
  } finally {
    await client.close().catch(() => {})
    await db.drop().catch(() => {})
  }
}

console.log(`rect faults on ${new URL(BASE).host} (${(await import('node:os')).cpus().length} cores), Q-11 load ${LOAD_SECONDS} s × ${WORKERS} workers\n`)

await withApp('Q-10', async (c) => [
  await identicalPartnershipPosts(c, 100),
  await registrationsAtTwoSchools(c, 50),
  await concurrentPartnershipPuts(c, 100, 30),
  await identicalDeclarations(c, 100),
  await partnershipPutsAgainstSchoolActions(c, 40),
])

// As under `rect serve`, each command builds the participant documents it changed (write-through.ts).
await withApp('Q-11', (c, db) => (buildWhenWriting(db.db, () => systemClock().today), noLostWrites(c, LOAD_SECONDS * 1000, WORKERS, 100)))
// The same kinds of write on three schools' shared rows, where commands contend for one
// partnership's, teacher's and stamp's rows all the time.
await withApp('Q-11-concentrated', (c, db) => (buildWhenWriting(db.db, () => systemClock().today), noLostWrites(c, LOAD_SECONDS * 1000, WORKERS, 100, 'concentrated')))

await withApp('Q-12', async (_c, db) => [
  await databaseFault({ url: db.url, db: db.db, statementTimeoutMs: 5000, workers: 16, phasesMs: [5000, 12_000, 5000], mode: 'stop' }),
  await databaseFault({ url: db.url, db: db.db, statementTimeoutMs: 2000, workers: 16, phasesMs: [3000, 8000, 4000], mode: 'silence' }),
  await statementTimeout(db.url, 1000),
])

await withApp('Q-13', async (c) => {
  const runs = 10_000
  const lp = await f.leadProvider(c.db)
  await f.cohort(c.db, 2025)
  const routes = await routesOf(c.app)
  const failures: string[] = []
  const statuses = new Map<number, number>()
  await fc.assert(
    fc.asyncProperty(requestArbitrary(routes, { leadProvider: lp.token, admin: c.adminToken }), async (r) => {
      const outcome = await send(c.app, r)
      statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1)
      if (!outcome.ok) failures.push(`${outcome.status} ${outcome.request}: ${outcome.why}`)
      return true
    }),
    { numRuns: runs, seed: 20261201 },
  )
  const five = [...statuses.entries()].filter(([s]) => s >= 500).reduce((n, [, k]) => n + k, 0)
  return { bar: 'Q-13', figure: `${runs} generated malformed requests over ${routes.length} routes → ${five} × 5xx, ${(statuses.get(413) ?? 0)} × 413, every error in the documented format`, problems: failures }
})

if (!ONLY || ONLY.includes('Q-14')) {
  const db = await scratchDatabase(BASE)
  try {
    print(await gracefulShutdown({ signal: 'SIGTERM', databaseUrl: db.url, inFlight: 10, delayMs: 300 }))
    print(await gracefulShutdown({ signal: 'SIGINT', databaseUrl: db.url, inFlight: 10, delayMs: 300 }))
    print(await gracefulShutdown({ signal: 'SIGTERM', inFlight: 30 }))
  } finally {
    await db.drop()
  }
}

await withApp('Q-17', (c) => tokenChecks(c, 100_000))

await withApp('Q-18', async (c) => {
  const runs = 25
  let requests = 0
  const problems: string[] = []
  await fc.assert(
    fc.asyncProperty(fc.tuple(shapeArbitrary, shapeArbitrary), fc.array(trialArbitrary, { minLength: 30, maxLength: 80 }), async ([a, b], trials) => {
      const outcome = await crossTenantTrials(c, [await ownedRecords(c, a), await ownedRecords(c, b)], trials)
      requests += outcome.requests
      problems.push(...outcome.problems)
      return outcome.problems.length === 0
    }),
    { numRuns: runs, seed: 20261118, endOnFailure: true },
  )
  return { bar: 'Q-18', figure: `${runs} random scenes of two lead providers, ${requests} cross-provider requests (partnerships, participants and their actions, transfers, declarations and void, statements, five lists) → every foreign id the exact 404, nothing changed, no foreign record listed`, problems }
})

await withApp('Q-19', (c) => tokenKinds(c))

if (!ONLY || ONLY.includes('Q-20')) {
  const db = await scratchDatabase(BASE)
  const instances: Client[] = []
  try {
    instances.push(await standaloneClient(db.db, { redisUrl: REDIS_URL, rateLimitToken: 1000, rateLimitIp: 1500 }))
    const secondPool = kyselyOverPostgres(db.url, 5000)
    const second = await standaloneClient(secondPool.db, { redisUrl: REDIS_URL, rateLimitToken: 1000, rateLimitIp: 1500 })
    instances.push({ ...second, close: async () => (await second.close(), await secondPool.close()) })
    print(await tokenLimit(instances, 1000, 'two instances sharing Redis'))
    const memory = await standaloneClient(db.db, { rateLimitToken: 1000, rateLimitIp: 1500 }, { counters: memoryCounters() })
    instances.push(memory)
    print(await tokenLimit([memory], 1000, 'one instance, counters in memory'))
  } finally {
    for (const c of instances) await c.close().catch(() => {})
    await db.drop()
  }
}

await withApp('Q-21', async (c) => {
  const { uses, unexplained } = await dynamicSqlUses()
  const scan: Check = { bar: 'Q-21', figure: `src scan: ${uses.length} dynamic sql.raw/lit/id/ref/table uses, each listed with why it cannot carry request data; ${unexplained.length} unexplained`, problems: unexplained.map((u) => `${u.file}:${u.line} ${u.call}`) }
  return [scan, await injectionFuzz(c, 3)]
})

await withApp('Q-22', (_c, db) => logsCarryNoToken((stream) => standaloneClient(db.db, { logLevel: 'info' }, { logStream: stream })))

const missed = results.filter((r) => !met(r))
console.log(`\n${results.length - missed.length} of ${results.length} checks met${missed.length ? `; not met: ${missed.map((r) => r.bar).join(', ')}` : ''}`)
process.exit(missed.length > 0 ? 1 : 0)
