// J14, J15 and the home in-process, over the seeded sandbox (W-80, W-90, W-91, W-100, W-117):
// statements filtered and marked payable and paid; a teacher's history and events.
import { beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../../src/clock.ts'
import { setupTestApp } from '../../support/app.ts'
import { titleFor, webClient } from '../../support/web.ts'
import { adminBenchPages } from '../../../bench/web-admin.ts'
import { largestSchool, PAGES } from '../../../bench/web-pages.ts'
import { signedInAdmin, NOT_FOUND_TITLE } from './support.ts'

const t = await setupTestApp()
const admin = await signedInAdmin(t.app)
const DATE = '2026-11-23'
let tokens: { id: string; name: string; token: string }[]

beforeAll(async () => {
  const seeded = await t.admin('POST', '/sandbox/seed', { seed: 1 }, { date: DATE })
  expect(seeded.status).toBe(201)
  tokens = seeded.body.data.lead_providers
  await admin.submit('/time-travel', { 'date-day': '23', 'date-month': '11', 'date-year': '2026' })
}, 240_000)

describe('the seeded sandbox in the admin pages', () => {
  it('W-80: the home links each area with its count', async () => {
    const home = await admin.page('/admin')
    expect([home.h1, home.title]).toEqual(['DfE admin', titleFor('DfE admin')])
    const count = async (table: 'schools' | 'teachers' | 'cohorts' | 'lead_providers' | 'delivery_partners') =>
      Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const open = Number((await t.db.selectFrom('statements').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'open').executeTakeFirstOrThrow()).n)
    for (const text of [`${await count('schools')} schools`, `${await count('teachers')} teachers`, `${await count('cohorts')} cohorts`, `${await count('lead_providers')} lead providers`, `${await count('delivery_partners')} delivery partners`, `${open} open statements`]) {
      expect(home.text).toContain(text)
    }
  })

  it('W-90: statements filtered by lead provider, cohort and status, in D-81\'s order, paged 50', async () => {
    const all = await admin.page('/admin/statements')
    expect(all.h1).toBe('Statements')
    const total = Number(/(\d+) statements, by lead provider/.exec(all.text)![1])
    expect(total).toBe(Number((await t.db.selectFrom('statements').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n))
    expect(all.text).toContain('aria-label="Pagination"')
    const lp = tokens[0]!
    const filtered = await admin.page(`/admin/statements?lead_provider_id=${lp.id}&cohort=2025&status=open`)
    const operator = await t.admin('GET', `/statements?filter[lead_provider_id]=${lp.id}&filter[cohort]=2025&filter[status]=open`)
    const ids = [...filtered.text.matchAll(/href="\/admin\/statements\/([0-9a-f-]{36})"/g)].map((m) => m[1])
    expect(ids).toEqual(operator.body.data.map((s: { id: string }) => s.id).slice(0, 50))
  })

  it('W-90, W-100 (D-84, D-85): marking payable is refused verbatim before the cut-off; after it, payable then paid, seen in /api/v3/statements', async () => {
    const lp = tokens[0]!
    const open = (await t.admin('GET', `/statements?filter[lead_provider_id]=${lp.id}&filter[status]=open`)).body.data
      .filter((s: { cut_off_date: string }) => s.cut_off_date >= DATE)
      .sort((a: { cut_off_date: string }, b: { cut_off_date: string }) => a.cut_off_date.localeCompare(b.cut_off_date))[0]
    const page = await admin.page(`/admin/statements/${open.id}`)
    expect(page.status).toBe(200)
    const refused = await admin.submit(`/admin/statements/${open.id}/mark-payable`)
    expect([refused.status, refused.title, refused.summary]).toEqual([422, titleFor(page.h1, true), [{ text: `The cut-off date ${open.cut_off_date} has not passed yet.`, href: '#actions' }]])
    const [y, m, d] = addDays(open.cut_off_date, 1).split('-')
    await admin.submit('/time-travel', { 'date-day': d!, 'date-month': m!, 'date-year': y! })
    const payable = await admin.submit(`/admin/statements/${open.id}/mark-payable`)
    expect([payable.status, (await admin.follow(payable)).text.includes('Statement marked as payable')]).toEqual([303, true])
    const paid = await admin.submit(`/admin/statements/${open.id}/mark-paid`)
    const after = await admin.follow(paid)
    expect(after.text).toContain('Statement marked as paid')
    expect(after.text).not.toContain('Mark as paid')
    const v3 = await t.request('GET', `/api/v3/statements/${open.id}`, { token: lp.token })
    expect(v3.body.data.attributes.paid).toBe(true)
    const again = await admin.submit(`/admin/statements/${open.id}/mark-paid`)
    expect([again.status, again.summary]).toEqual([422, [{ text: 'Only a payable statement can be marked paid.', href: '#actions' }]])
    await admin.submit('/time-travel', { 'date-day': '23', 'date-month': '11', 'date-year': '2026' })
  })

  it('W-90: a statement with declarations counts them by type and state and lists each, linking to the teacher', async () => {
    const row = await t.db.selectFrom('declarations').select(['statement_id', 'teacher_id']).where('statement_id', 'is not', null).executeTakeFirstOrThrow()
    const page = await admin.page(`/admin/statements/${row.statement_id}`)
    expect(page.text).toContain('Counted by type and state')
    expect(page.text).toContain(`href="/admin/teachers/${row.teacher_id}"`)
  })

  it('W-91: the TRN lookup: its errors, an unknown TRN, and a known one going to the teacher', async () => {
    expect((await admin.page('/admin/teachers')).h1).toBe('Find a teacher')
    const blank = await admin.page('/admin/teachers?trn=')
    expect([blank.status, blank.inline]).toEqual([422, { trn: 'Enter a teacher reference number (TRN)' }])
    expect((await admin.page('/admin/teachers?trn=12a')).inline).toEqual({ trn: 'Teacher reference number must be 7 digits' })
    expect((await admin.page('/admin/teachers?trn=0000001')).text).toContain('No teacher has TRN 0000001')
    const teacher = await t.db.selectFrom('declarations as d').innerJoin('teachers as x', 'x.id', 'd.teacher_id').select(['x.id', 'x.trn', 'x.first_name', 'x.last_name']).executeTakeFirstOrThrow()
    const found = await admin.page(`/admin/teachers?trn=${teacher.trn.slice(0, 3)} ${teacher.trn.slice(3)}`)
    expect([found.status, found.location]).toEqual([302, `/admin/teachers/${teacher.id}`])
  })

  it('W-91, W-16: the teacher page shows registrations, training, declarations and every event, newest first, changing nothing', async () => {
    const teacher = await t.db.selectFrom('declarations as d').innerJoin('teachers as x', 'x.id', 'd.teacher_id').select(['x.id', 'x.trn', 'x.first_name', 'x.last_name']).executeTakeFirstOrThrow()
    const before = await t.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
    const page = await admin.page(`/admin/teachers/${teacher.id}`)
    expect([page.h1, page.title]).toEqual([`${teacher.first_name} ${teacher.last_name}`, titleFor(`${teacher.first_name} ${teacher.last_name}`)])
    for (const text of ['Registrations', 'Training', 'Declarations', 'Event history', teacher.trn, teacher.id, 'declaration.created']) expect(page.text).toContain(text)
    expect(await t.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).toEqual(before)
    for (const url of ['/admin/teachers/nope', '/admin/teachers/00000000-0000-4000-8000-000000000000', '/admin/statements/nope', '/admin/statements/00000000-0000-4000-8000-000000000000']) {
      expect([url, (await admin.page(url)).title]).toEqual([url, NOT_FOUND_TITLE])
    }
  })
})

describe('the pages bench:web times', () => {
  // The speed itself is measured by `npm run bench:web` (bench/web-admin.ts, bench/web-pages.ts);
  // here, that its instrument still reaches every page it times, with the answer it expects.
  it('W-110: every admin page the bench times answers 200, and every start page its expected status, on the seed-1 sandbox', async () => {
    for (const page of await adminBenchPages(t.db)) expect([page.name, (await admin.page(page.url)).status]).toEqual([page.name, 200])
    const ctx = { db: t.db, schoolUrn: await largestSchool(t.db) }
    for (const page of PAGES.filter((p) => p.method !== 'POST' && p.user !== 'school')) {
      const path = typeof page.path === 'string' ? page.path : await page.path(ctx)
      const client = page.user === 'admin' ? admin : webClient(t.app)
      expect([page.name, (await client.get(path)).status]).toEqual([page.name, page.status])
    }
  })
})

