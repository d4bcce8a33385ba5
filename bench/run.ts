// `npm run bench` (Q-2 … Q-9) on the national data set (`npm run bench:data`): builds every
// document from cold (timed), starts bench/server.ts as its own process with the rate limits off,
// runs Q-6's full sync and empty poll, then every row three times round-robin (each request of Q-4
// with autocannon at 10 connections, each list page's two raw-SQL baselines through pg, the mixed
// row), prints each row's medians and spread, the EXPLAIN (ANALYZE) of each request's statements,
// the rebuild rows and the server's peak RSS, writes bench/results/latest.json and exits 1 when a
// bar is missed. `-- --compare <ref>` runs that commit's server (A) beside the working tree's (B)
// over the same database and alternates every row A, B, A, B, A, B.
//   BENCH_DATABASE_URL    default postgres://postgres@127.0.0.1:5432/rect_bench
//   BENCH_SECONDS         measured seconds per row and round (default 5); BENCH_WARMUP_SECONDS (default 2, round 1 only)
//   BENCH_COLD_BUILD=0    skip the cold build (only the stale documents are built)
//   BENCH_REBUILD=0       skip the rebuild rows
import { writeFile } from 'node:fs/promises'
import os from 'node:os'
import pg from 'pg'
import { bundle } from '../bin/bundle.js'
import { prepareRef, type Ref } from './compare.ts'
import { explainer, type Explained } from './explain.ts'
import { benchAdminToken, mixedRound, WRITES_PER_SECOND } from './mixed.ts'
import { benchFacts, migrateBench, warmBench, withDb, type Facts } from './facts.ts'
import { coldBuild, staleRows, type ColdBuild, type StaleRows } from './rebuild.ts'
import { baselineKey, compareRows, judge, mixedSummary, printCompare, printRows, printTable, tableRows, type Measured } from './report.ts'
import { driveBaseline, driveRow, emptyPoll, fullSync, scenariosFor, type Scenario } from './rows.ts'
import { MALLOC_ARENAS, startServer, type Server } from './servers.ts'
import { cpuLoopSeconds, stolenSeconds } from './machine.ts'

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rect_bench'
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 2)
const ROUNDS = 3
const COLD = process.env.BENCH_COLD_BUILD !== '0'
const REBUILD = process.env.BENCH_REBUILD !== '0'
const RESULTS = new URL('./results/latest.json', import.meta.url)

function compareRef(): string | null {
  const at = process.argv.indexOf('--compare')
  if (at < 0) return null
  const ref = process.argv[at + 1]
  if (!ref) throw new Error('--compare needs a git ref')
  return ref
}

const loadAverage = () => os.loadavg().map((l) => Math.round(l * 10) / 10)

async function main(): Promise<void> {
  const refName = compareRef()
  const load = loadAverage()
  const cpuLoop = { start: cpuLoopSeconds(), end: 0 }
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10, options: '-c jit=off' })
  let ref: Ref | null = null
  const servers: Server[] = []
  let revoke: (() => Promise<void>) | null = null
  // Stopped by a signal: no temporary worktree or server is left behind.
  const interrupted = () => {
    ref?.remove()
    for (const s of servers) void s.stop()
    process.exit(130)
  }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  try {
    await migrateBench(DATABASE_URL)
    const facts = await benchFacts(pool)
    // The cold build runs in this process before any server starts (its memory is not a server's).
    const cold: ColdBuild | null = COLD ? await coldBuild(pool, DATABASE_URL, facts.today) : (await warmBench(DATABASE_URL, facts.today), null)
    console.log(`rect bench · ${os.cpus().length} cores · ${facts.postgres} · load average ${load.join(' ')} · CPU loop ${cpuLoop.start} s`)
    console.log(`data: seed ${facts.seed}, seeding date ${facts.seedingDate}; largest lead provider ${facts.name} (${facts.members} participants)`)
    console.log(`${ROUNDS} rounds of ${SECONDS} s per row (warm-up ${WARMUP} s in round 1), 10 connections${cold ? `; cold build ${cold.seconds} s` : '; cold build skipped (BENCH_COLD_BUILD=0)'}`)

    // Q-7: each server runs as `rect serve` does, from one bundle, not through tsx.
    const mine = new URL('../dist/bench-server.mjs', import.meta.url).pathname
    await bundle(new URL('./server.ts', import.meta.url).pathname, mine)
    if (refName) {
      ref = await prepareRef(refName)
      console.log(`--compare: A = ${refName} (${ref.commit.slice(0, 10)}), B = the working tree`)
    }
    const bundles: [string, string][] = ref ? [['A', ref.bundle], ['B', mine]] : [['B', mine]]
    for (const [label, file] of bundles) servers.push(await startServer({ label, bundle: file, databaseUrl: DATABASE_URL }))
    const admin = await withDb(DATABASE_URL, (db) => benchAdminToken(db))
    revoke = () => withDb(DATABASE_URL, (db) => admin.revoke(db))

    const scenarios = scenariosFor(facts)
    const m: Measured = { servers: servers.map((s) => s.label), scenarios, rows: {}, baselines: {}, mixed: {}, sync: {}, poll: {}, rss: {}, cold, stale: [], seqScans: [] }
    // Q-6 first, before any write.
    for (const s of servers) {
      m.sync[s.label] = await fullSync(s.base, facts.token)
      m.poll[s.label] = await emptyPoll(s.base, facts.token)
    }
    const rounds = await runRounds(m, servers, facts, pool, admin.token)
    for (const s of servers) {
      s.phase = null
      await s.stop()
    }
    // Q-9 asks about the reads' plans: the writes above left documents to build (rect serve's
    // warm-up would, within a minute), so build them before explaining.
    await warmBench(DATABASE_URL, facts.today)
    const explained = await explainAll(pool, facts, scenarios)
    m.seqScans = explained.flatMap((e) => e.statements.flatMap((s) => s.seqScans.map((t) => `${t} in ${e.request}`)))
    if (REBUILD) {
      for (const [label, file] of bundles) m.stale.push(await staleRows(pool, DATABASE_URL, file, label, facts, SECONDS))
    }
    for (const s of servers) m.rss[s.label] = { ...s.peaks }
    for (const st of m.stale) m.rss[st.server] = { ...m.rss[st.server], rebuild: st.peak_rss_mb }
    cpuLoop.end = cpuLoopSeconds()

    const table = tableRows(m)
    const judged = 'B'
    const bars = judge(m, table, judged)
    printRows(table, ref !== null)
    const compared = ref ? compareRows(table, 'A', 'B') : null
    if (compared) printCompare(compared)
    const mixed = servers.map((s) => mixedSummary(s.label, m.mixed[s.label]!))
    printMixed(mixed)
    printRebuild(cold, m.stale)
    const calibration = calibrationOf(m, cpuLoop, load, rounds)
    for (const s of servers) {
      console.log(`\nQ-6 ${s.label}: full sync ${m.sync[s.label]!.pages} pages, ${m.sync[s.label]!.records} participants in ${m.sync[s.label]!.ms} ms · empty poll p95 ${m.poll[s.label]!.p95} ms`)
      console.log(`Q-7 ${s.label}: server RSS peak ${Object.entries(m.rss[s.label]!).map(([k, v]) => `${k} ${v} MB`).join(', ')}`)
    }
    console.log(`\ncalibration: CPU loop ${cpuLoop.start} s at the start, ${cpuLoop.end} s at the end; load average ${load.join(' ')} at the start, per round ${rounds.loads.map((r) => r.join(' ')).join(' · ')}, ${calibration.load_average_end.join(' ')} at the end; CPU time taken by the host per round ${rounds.stolen.map((p) => (p === null ? 'unknown' : `${p} %`)).join(' · ')}`)
    printTable(['raw SQL (median p50 ms)', 'per_page', 'floor', 'derivation'], calibration.raw_sql.map((r) => [r.name, String(r.per_page), String(r.floor_p50), String(r.derivation_p50)]))
    for (const bar of bars) console.log(`${bar.met ? 'met   ' : 'MISSED'} ${bar.bar}: ${bar.detail}`)
    const result = {
      at: new Date().toISOString(),
      machine: { cores: os.cpus().length, postgres: facts.postgres },
      data: { seed: facts.seed, seeding_date: facts.seedingDate, lead_provider: facts.name, participants: facts.members },
      settings: { connections: 10, seconds: SECONDS, warmup_seconds: WARMUP, rounds: ROUNDS, writes_per_second: WRITES_PER_SECOND, malloc_arena_max: MALLOC_ARENAS, judged, compare: ref ? { ref: ref.ref, commit: ref.commit } : null },
      calibration,
      rows: table,
      compare: compared,
      mixed,
      mixed_rounds: m.mixed,
      rebuild: { cold, stale: m.stale },
      full_sync: m.sync,
      empty_poll: m.poll,
      rss_mb: m.rss,
      bars,
      explain: explained.map((e) => ({ request: e.request, statements: e.statements.map(({ plan, ms, seqScans }) => ({ ms, seq_scans: seqScans, plan })) })),
    }
    await writeFile(RESULTS, JSON.stringify(result, null, 2) + '\n')
    console.log(`\nwritten ${RESULTS.pathname}`)
    process.exitCode = bars.every((b) => b.met) ? 0 : 1
  } finally {
    for (const s of servers) await s.stop()
    await revoke?.().catch(() => {})
    ref?.remove()
    await pool.end()
  }
}

/**
 * Every row once on each server (A then B), its baselines once (they are the database's, not a
 * server's), then the mixed row on each server; three times. The writes (the POST row, the mixed
 * row) come last in a round, and the documents they leave stale are built here after them, as
 * rect serve's warm-up would within a minute, so every read row and every read-only poll meets
 * built documents. Returns the load average at each round's start, and the share of the cores'
 * time the host took during each round (steal, in %; null where the kernel does not say).
 */
async function runRounds(m: Measured, servers: Server[], facts: Facts, pool: pg.Pool, adminToken: string): Promise<{ loads: number[][]; stolen: (number | null)[] }> {
  const loads: number[][] = []
  const stolen: (number | null)[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    loads.push(loadAverage())
    const stolenBefore = stolenSeconds()
    const startedAt = performance.now()
    const warmUp = round === 1 ? WARMUP : 0
    for (const s of m.scenarios) {
      for (const server of servers) {
        server.phase = 'rows'
        const timing = await driveRow(server.base, facts.token, s, SECONDS, warmUp)
        ;((m.rows[server.label] ??= {})[s.id] ??= []).push(timing)
        server.phase = null
        console.log(`  round ${round} ${server.label} ${s.id}: p50 ${timing.p50} ms, p95 ${timing.p95} ms, ${timing.requests} answers`)
      }
      if (s.baseline && s.perPage) await measureBaselines(m, s, facts, pool, warmUp)
    }
    await warmBench(DATABASE_URL, facts.today)
    for (const server of servers) {
      server.phase = 'mixed'
      const r = await mixedRound(server.base, facts, adminToken, SECONDS, warmUp)
      server.phase = null
      ;(m.mixed[server.label] ??= []).push(r)
      console.log(`  round ${round} ${server.label} mixed: poll p95 ${r.mixed.p95} ms (read-only ${r.read_only.p95} ms), ${r.writer.writes} writes at ${r.writer.rate}/s, POST p95 ${r.writer.posts.p95} ms`)
      await warmBench(DATABASE_URL, facts.today)
    }
    const stolenAfter = stolenSeconds()
    const coreSeconds = ((performance.now() - startedAt) / 1000) * os.cpus().length
    stolen.push(stolenBefore === null || stolenAfter === null ? null : Math.round(((stolenAfter - stolenBefore) / coreSeconds) * 1000) / 10)
  }
  return { loads, stolen }
}

async function measureBaselines(m: Measured, s: Scenario, facts: Facts, pool: pg.Pool, warmUp: number): Promise<void> {
  const key = baselineKey(s.baseline!, s.perPage!)
  const entry = (m.baselines[key] ??= { name: s.baseline!, per_page: s.perPage!, floor: [], derivation: [] })
  entry.floor.push(await driveBaseline(pool, 'floor', s.baseline!, facts, s.perPage!, SECONDS, warmUp))
  entry.derivation.push(await driveBaseline(pool, 'derivation', s.baseline!, facts, s.perPage!, SECONDS, warmUp))
}

function calibrationOf(m: Measured, cpuLoop: { start: number; end: number }, load: number[], rounds: { loads: number[][]; stolen: (number | null)[] }) {
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  return {
    cpu_loop_s: cpuLoop,
    load_average_start: load,
    load_average_rounds: rounds.loads,
    cpu_stolen_percent_rounds: rounds.stolen,
    load_average_end: loadAverage(),
    raw_sql: Object.values(m.baselines).map((b) => ({
      name: b.name, per_page: b.per_page,
      floor_p50: med(b.floor.map((t) => t.p50)), floor_runs: b.floor.map((t) => t.p50),
      derivation_p50: med(b.derivation.map((t) => t.p50)), derivation_runs: b.derivation.map((t) => t.p50),
    })),
  }
}

function printMixed(mixed: ReturnType<typeof mixedSummary>[]): void {
  printTable(['mixed row', 'server', 'read-only p95', 'mixed p50', 'mixed p95', 'p95 spread', 'ratio', 'writes/s', 'POST p95', 'writes by status'],
    mixed.map((x) => ['GET /api/v3/participants per_page 100 updated_since', x.server, String(x.read_only.p95), String(x.mixed.p50), String(x.mixed.p95),
      `${x.mixed.spread_p95[0]}–${x.mixed.spread_p95[1]}`, String(x.ratio_p95 ?? ''), String(x.rate), String(x.post_p95),
      Object.entries(x.statuses).sort().map(([k, n]) => `${k}: ${n}`).join(', ')]))
}

function printRebuild(cold: ColdBuild | null, stale: StaleRows[]): void {
  console.log(cold ? `\ncold build: ${cold.documents} documents in ${cold.seconds} s (${cold.per_second}/s), once per run` : '\ncold build: skipped')
  if (stale.length === 0) return console.log('rebuild rows: skipped (BENCH_REBUILD=0)')
  printTable(['rebuild row (once per run)', 'server', 'stale', 'per_page 100 p50', 'p95', 'per_page 3000 p50', 'p95', 'statuses'],
    stale.flatMap((s) => s.rows.map((r) => [`participants after ${r.cause}`, s.server, String(r.stale), String(r.per_page_100.p50), String(r.per_page_100.p95),
      String(r.per_page_3000.p50), String(r.per_page_3000.p95),
      Object.entries({ ...r.per_page_100.statuses }).map(([k, n]) => `100: ${k} ×${n}`).concat(Object.entries({ ...r.per_page_3000.statuses }).map(([k, n]) => `3000: ${k} ×${n}`)).join(', ')])))
  for (const s of stale) console.log(`rebuild ${s.server}: server RSS peak ${s.peak_rss_mb} MB; every document built again ${s.restored_in_s} s after the name was restored`)
}

async function explainAll(pool: pg.Pool, facts: Facts, scenarios: Scenario[]) {
  const ex = await explainer(DATABASE_URL, pool)
  const out: { request: string; statements: Explained[] }[] = []
  try {
    for (const s of scenarios.filter((x) => !x.method)) {
      const statements = await ex.explain(s.path, facts.token)
      out.push({ request: s.path, statements })
      console.log(`\n=== EXPLAIN (ANALYZE) ${s.path}`)
      for (const st of statements) {
        console.log(st.plan)
        if (st.seqScans.length > 0) console.log(`!!! Seq Scan on a table over 10,000 rows: ${st.seqScans.join(', ')}`)
      }
    }
  } finally {
    await ex.close()
  }
  return out
}

await main()
