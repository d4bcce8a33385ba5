// `npm run bench:web` (W-110): the seed-1 sandbox (PGlite in memory, small scale, rate limits off),
// every page of bench/web-pages.ts signed in as its user: 20 warm-up then 200 sequential requests
// (a write journey's submit: 50), through the app's request injection so the figures are the
// server's own time. Prints page, p50 and p95, and exits 1 when a p95 is over 100 ms.
import os from 'node:os'
import { buildApp } from '../src/app.ts'
import { londonDate } from '../src/clock.ts'
import { testConfig } from '../src/config.ts'
import { kyselyOverPGlite, openPGlite } from '../src/db/connect.ts'
import { migrate } from '../src/db/migrate.ts'
import { inTransaction } from '../src/db/transaction.ts'
import { seedDataSet } from '../src/sandbox/seed.ts'
import { webClient, type WebClient } from '../test/support/web.ts'
import { largestSchool, PAGES, type BenchContext, type BenchPage } from './web-pages.ts'

const BAR_MS = 100

async function main(): Promise<void> {
  const pglite = await openPGlite(null)
  const { db, close } = kyselyOverPGlite(pglite)
  const today = londonDate(new Date())
  await migrate(db, new Date(`${today}T00:00:00Z`))
  await inTransaction(db, (tx) => seedDataSet(tx, { seed: 1, seedingDate: today }))
  const app = await buildApp({ db, config: testConfig({ rateLimitToken: 0, rateLimitIp: 0, logLevel: 'silent' }) })
  await app.ready()
  const ctx: BenchContext = { db, schoolUrn: await largestSchool(db) }
  const users: Record<BenchPage['user'], WebClient> = { none: webClient(app), school: webClient(app), admin: webClient(app) }
  await users.none.get('/sign-in')
  await users.school.signInAsSchool(ctx.schoolUrn)
  await users.admin.signInAsAdmin()

  console.log(`rect bench:web · ${os.cpus().length} cores · load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} · seed 1, school ${ctx.schoolUrn}`)
  console.log(`${'page'.padEnd(52)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`)
  let missed = 0
  for (const page of PAGES) {
    const client = users[page.user]
    const path = typeof page.path === 'string' ? page.path : await page.path(ctx)
    if (page.user !== 'none') await client.get(page.user === 'school' ? '/school' : '/admin')
    const once = async (i: number) => {
      const started = process.hrtime.bigint()
      const res = page.method === 'POST' ? await client.post(path, page.form?.(ctx, i) ?? {}) : await client.get(path)
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      if (res.status !== page.status) throw new Error(`${page.name}: expected ${page.status}, got ${res.status}`)
      return ms
    }
    for (let i = 0; i < (page.warmUp ?? 20); i++) await once(i)
    const times: number[] = []
    for (let i = 0; i < (page.runs ?? 200); i++) times.push(await once(i))
    times.sort((a, b) => a - b)
    const p50 = times[Math.floor(times.length * 0.5)]!
    const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!
    const over = p95 > BAR_MS
    if (over) missed++
    console.log(`${page.name.padEnd(52)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}${over ? '  over the 100 ms bar' : ''}`)
  }
  await app.close()
  await close()
  console.log(missed === 0 ? 'every page within the bar' : `${missed} page(s) over the bar`)
  process.exit(missed === 0 ? 0 : 1)
}

await main()
