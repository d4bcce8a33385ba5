// `npm run bench:web:national` (W-87, W-88 at national scale): the admin's school search and school
// page over the national data set on PostgreSQL (`npm run bench:data` writes it), an admin signed
// in, 20 warm-up then 200 sequential requests per page, through the app's request injection so the
// figures are the server's own time. Prints page, p50, p95; exits 1 when a p95 is over 150 ms.
//   BENCH_DATABASE_URL  the national database (default postgres://postgres@127.0.0.1:5432/rect_bench)
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { buildApp } from '../src/app.ts'
import { testConfig } from '../src/config.ts'
import { kyselyOverPostgres } from '../src/db/connect.ts'
import { webClient } from '../test/support/web.ts'

const BAR_MS = 150
const DATABASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rect_bench'

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((sorted.length * p) / 100) - 1)]!

async function main(): Promise<void> {
  const { db, close } = kyselyOverPostgres(DATABASE, 5000)
  const one = async <T>(query: string) => (await sql.raw<T>(query).execute(db)).rows[0]
  const counts = await one<{ schools: number; periods: number }>(`SELECT (SELECT count(*) FROM schools)::int AS schools, (SELECT count(*) FROM at_school_periods)::int AS periods`).catch(() => undefined)
  if (!counts || counts.schools < 10_000) {
    console.error(`bench:web:national needs the national data set in ${DATABASE}: run \`npm run bench:data\` first`)
    process.exit(2)
  }
  const largest = (await one<{ urn: string; n: number }>(`SELECT s.urn, count(*)::int AS n FROM at_school_periods a JOIN schools s ON s.id = a.school_id GROUP BY s.urn ORDER BY n DESC, s.urn LIMIT 1`))!
  const partnered = (await one<{ urn: string; n: number }>(`SELECT s.urn, count(*)::int AS n FROM partnerships p JOIN schools s ON s.id = p.school_id GROUP BY s.urn ORDER BY n DESC, s.urn LIMIT 1`))!
  const named = (await one<{ name: string }>(`SELECT name FROM schools WHERE urn = '${largest.urn}'`))!
  const pages: { name: string; url: string; status?: number }[] = [
    { name: 'schools (no search, first page)', url: '/admin/schools' },
    { name: 'schools search "school" (a word in most names)', url: '/admin/schools?q=school' },
    { name: 'schools search "primary", page 5', url: '/admin/schools?q=primary&page=5' },
    { name: `schools search "${named.name.slice(0, 12)}" (one school's name)`, url: `/admin/schools?q=${encodeURIComponent(named.name.slice(0, 12))}` },
    { name: 'schools search "zzqx" (no match)', url: '/admin/schools?q=zzqx' },
    { name: `schools search by URN ${largest.urn} (302 to the school)`, url: `/admin/schools?q=${largest.urn}`, status: 302 },
    { name: `school ${largest.urn} (most teachers: ${largest.n} periods)`, url: `/admin/schools/${largest.urn}` },
    { name: `school ${partnered.urn} (most partnerships: ${partnered.n})`, url: `/admin/schools/${partnered.urn}` },
  ]
  const app = await buildApp({ db, config: testConfig({ rateLimitToken: 0, rateLimitIp: 0, logLevel: 'silent' }) })
  await app.ready()
  const web = webClient(app)
  await web.follow(await web.signInAsAdmin())
  console.log(`rect bench:web:national · ${os.cpus().length} cores · load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} · ${counts.schools} schools, ${counts.periods} at-school periods`)
  const width = Math.max(...pages.map((p) => p.name.length))
  console.log(`${'page'.padEnd(width)}  p50 ms  p95 ms`)
  let missed = 0
  for (const page of pages) {
    for (let i = 0; i < 20; i++) await web.get(page.url)
    const samples: number[] = []
    for (let i = 0; i < 200; i++) {
      const started = performance.now()
      const res = await web.get(page.url)
      samples.push(performance.now() - started)
      if (res.status !== (page.status ?? 200)) throw new Error(`${page.name}: ${res.status}`)
    }
    samples.sort((a, b) => a - b)
    const p95 = percentile(samples, 95)
    if (p95 > BAR_MS) missed++
    console.log(`${page.name.padEnd(width)}  ${percentile(samples, 50).toFixed(1).padStart(6)}  ${p95.toFixed(1).padStart(6)}${p95 > BAR_MS ? `  over the ${BAR_MS} ms bar` : ''}`)
  }
  await app.close()
  await close()
  console.log(missed === 0 ? `every page p95 ≤ ${BAR_MS} ms` : `${missed} page(s) over ${BAR_MS} ms p95`)
  process.exit(missed === 0 ? 0 : 1)
}

await main()
