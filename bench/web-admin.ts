// W-110 for the admin pages (spec/08 section 5): the seed-1 sandbox on PGlite (small scale, rate
// limits off), an admin signed in; every admin page template with the seed's ids giving the
// largest tables gets 20 warm-up then 200 sequential requests, every form its failing POST (422)
// and the write journeys 50 successful submits. Prints page, p50, p95; exits 1 when a p95 > 100 ms.
// `adminBenchPages` is the list the web bench (bench:web) can take as it is.
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { buildApp } from '../src/app.ts'
import { clockAt } from '../src/clock.ts'
import { testConfig } from '../src/config.ts'
import { kyselyOverPGlite, openPGlite, type Db } from '../src/db/connect.ts'
import { migrate } from '../src/db/migrate.ts'
import { inTransaction } from '../src/db/transaction.ts'
import { seedBaseData } from '../src/sandbox/reset.ts'
import { webClient, type FormFields } from '../test/support/web.ts'

export type BenchPage = { name: string; url: string }
export type BenchForm = { name: string; url: string; page: string; fields: (i: number) => FormFields; status: number; times: number }

const BAR_MS = 100

/** Each admin page template once, with the seed's ids that give it the most rows. */
export async function adminBenchPages(db: Db): Promise<BenchPage[]> {
  const one = async <T>(query: string) => (await sql.raw<T>(query).execute(db)).rows[0]!
  const lp = await one<{ id: string }>(`SELECT lead_provider_id AS id FROM lead_provider_delivery_partners GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)
  const dp = await one<{ id: string }>(`SELECT delivery_partner_id AS id FROM lead_provider_delivery_partners GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)
  const cohort = await one<{ year: number }>(`SELECT cohort_year AS year FROM lead_provider_delivery_partners GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)
  const school = await one<{ urn: string }>(`SELECT s.urn FROM at_school_periods a JOIN schools s ON s.id = a.school_id GROUP BY s.urn ORDER BY count(*) DESC LIMIT 1`)
  const teacher = await one<{ id: string; trn: string }>(`SELECT t.id, t.trn FROM events e JOIN teachers t ON t.id = e.subject_id OR e.subject_id IN (SELECT id FROM at_school_periods WHERE teacher_id = t.id) GROUP BY t.id, t.trn ORDER BY count(*) DESC LIMIT 1`)
  const statement = await one<{ id: string }>(`SELECT statement_id AS id FROM declarations WHERE statement_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)
  const token = await one<{ id: string }>(`SELECT id FROM lead_provider_tokens WHERE revoked_at IS NULL LIMIT 1`)
  return [
    { name: 'home', url: '/admin' },
    { name: 'cohorts', url: '/admin/cohorts' },
    { name: 'cohort', url: `/admin/cohorts/${cohort.year}` },
    { name: 'cohort edit', url: `/admin/cohorts/${cohort.year}/edit` },
    { name: 'cohort new', url: '/admin/cohorts/new' },
    { name: 'pairing new (cohort)', url: `/admin/cohorts/${cohort.year}/pairings/new` },
    { name: 'lead providers', url: '/admin/lead-providers' },
    { name: 'lead provider', url: `/admin/lead-providers/${lp.id}` },
    { name: 'lead provider new', url: '/admin/lead-providers/new' },
    { name: 'token new', url: `/admin/lead-providers/${lp.id}/tokens/new` },
    { name: 'token revoke', url: `/admin/tokens/${token.id}/revoke` },
    { name: 'delivery partners', url: '/admin/delivery-partners' },
    { name: 'delivery partner', url: `/admin/delivery-partners/${dp.id}` },
    { name: 'pairing new (delivery partner)', url: `/admin/delivery-partners/${dp.id}/pairings/new` },
    { name: 'schools', url: '/admin/schools' },
    { name: 'schools search', url: '/admin/schools?q=school' },
    { name: 'school new', url: '/admin/schools/new' },
    { name: 'school', url: `/admin/schools/${school.urn}` },
    { name: 'school edit', url: `/admin/schools/${school.urn}/edit` },
    { name: 'partnership cohort', url: `/admin/schools/${school.urn}/partnerships/new/cohort` },
    { name: 'statements', url: '/admin/statements' },
    { name: 'statements filtered', url: `/admin/statements?lead_provider_id=${lp.id}&status=open` },
    { name: 'statement', url: `/admin/statements/${statement.id}` },
    { name: 'teachers', url: '/admin/teachers' },
    { name: 'teachers lookup miss', url: '/admin/teachers?trn=0000001' },
    { name: 'teacher', url: `/admin/teachers/${teacher.id}` },
    { name: 'sandbox', url: '/admin/sandbox' },
    { name: 'reset confirm', url: '/admin/sandbox/reset/confirm?seed=1&empty=false' },
  ]
}

/** Every form's failing POST, and the write journeys' successful submits. */
export async function adminBenchForms(db: Db): Promise<BenchForm[]> {
  const pages = Object.fromEntries((await adminBenchPages(db)).map((p) => [p.name, p.url]))
  const cohort = pages.cohort!
  const lp = pages['lead provider']!
  const school = pages.school!
  return [
    { name: 'POST lead provider new (422)', url: '/admin/lead-providers/new', page: '/admin/lead-providers/new', fields: () => ({ name: '' }), status: 422, times: 200 },
    { name: 'POST delivery partner new (422)', url: '/admin/delivery-partners/new', page: '/admin/delivery-partners/new', fields: () => ({ name: '' }), status: 422, times: 200 },
    { name: 'POST cohort new (422)', url: '/admin/cohorts/new', page: '/admin/cohorts/new', fields: () => ({ year: '' }), status: 422, times: 200 },
    { name: 'POST cohort edit (422)', url: `${cohort}/edit`, page: `${cohort}/edit`, fields: () => ({ payments_frozen: 'date' }), status: 422, times: 200 },
    { name: 'POST pairing new (422)', url: `${cohort}/pairings/new`, page: `${cohort}/pairings/new`, fields: () => ({}), status: 422, times: 200 },
    { name: 'POST school new (422)', url: '/admin/schools/new', page: '/admin/schools/new', fields: () => ({ urn: '1' }), status: 422, times: 200 },
    { name: 'POST school edit (422)', url: `${school}/edit`, page: `${school}/edit`, fields: () => ({ name: '' }), status: 422, times: 200 },
    { name: 'POST token new (422)', url: `${lp}/tokens/new`, page: `${lp}/tokens/new`, fields: () => ({ description: 'x'.repeat(300) }), status: 422, times: 200 },
    { name: 'POST partnership cohort (422)', url: `${school}/partnerships/new/cohort`, page: `${school}/partnerships/new/cohort`, fields: () => ({}), status: 422, times: 200 },
    { name: 'POST sandbox reset (422)', url: '/admin/sandbox/reset', page: '/admin/sandbox', fields: () => ({ seed: '-1' }), status: 422, times: 200 },
    { name: 'POST lead provider new', url: '/admin/lead-providers/new', page: '/admin/lead-providers/new', fields: (i) => ({ name: `Bench Learning ${i}` }), status: 303, times: 50 },
    { name: 'POST delivery partner new', url: '/admin/delivery-partners/new', page: '/admin/delivery-partners/new', fields: (i) => ({ name: `Bench Partners ${i}` }), status: 303, times: 50 },
    { name: 'POST token new', url: `${lp}/tokens/new`, page: `${lp}/tokens/new`, fields: (i) => ({ description: `bench ${i}` }), status: 200, times: 50 },
    { name: 'POST school new', url: '/admin/schools/new', page: '/admin/schools/new', fields: (i) => ({ urn: String(190000 + i), name: `Bench School ${i}`, eligible: 'yes', establishment_status: 'open' }), status: 303, times: 50 },
    { name: 'POST school edit', url: `${school}/edit`, page: `${school}/edit`, fields: (i) => ({ name: `Bench Renamed ${i}`, eligible: 'yes', establishment_status: 'open' }), status: 303, times: 50 },
  ]
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

async function main(): Promise<void> {
  const connection = kyselyOverPGlite(await openPGlite(null))
  const { db } = connection
  await migrate(db, new Date())
  await inTransaction(db, (tx) => seedBaseData(tx, clockAt(new Date()), 1))
  const app = await buildApp({ db, config: testConfig({ rateLimitToken: 0, rateLimitIp: 0, logLevel: 'silent' }) })
  await app.ready()
  const web = webClient(app)
  await web.follow(await web.signInAsAdmin())
  const rows: { name: string; p50: number; p95: number }[] = []
  const time = async (name: string, times: number, run: (i: number) => Promise<number>, expected: number) => {
    const samples: number[] = []
    for (let i = 0; i < times; i++) {
      const started = performance.now()
      const status = await run(i)
      samples.push(performance.now() - started)
      if (status !== expected) throw new Error(`${name}: ${status}, expected ${expected}`)
    }
    samples.sort((a, b) => a - b)
    rows.push({ name, p50: percentile(samples, 50), p95: percentile(samples, 95) })
  }
  for (const page of await adminBenchPages(db)) {
    for (let i = 0; i < 20; i++) await web.get(page.url)
    await time(`GET ${page.name}`, 200, async () => (await web.get(page.url)).status, 200)
  }
  for (const form of await adminBenchForms(db)) {
    await web.get(form.page)
    const offset = form.status === 422 ? 0 : 10_000
    await time(form.name, form.times, async (i) => (await web.post(form.url, form.fields(i + offset))).status, form.status)
  }
  await app.close()
  await connection.close()
  const width = Math.max(...rows.map((r) => r.name.length))
  console.log(`${'page'.padEnd(width)}  p50 ms  p95 ms`)
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${r.p50.toFixed(1).padStart(6)}  ${r.p95.toFixed(1).padStart(6)}${r.p95 > BAR_MS ? '  ✗' : ''}`)
  const missed = rows.filter((r) => r.p95 > BAR_MS)
  console.log(missed.length === 0 ? `every admin page p95 ≤ ${BAR_MS} ms` : `${missed.length} over ${BAR_MS} ms p95`)
  process.exit(missed.length === 0 ? 0 : 1)
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
