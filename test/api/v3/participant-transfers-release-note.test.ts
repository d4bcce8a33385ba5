// T-30: every statement of the 17 December 2025 release note, each named by a test, plus the
// fixed statement count of a transfers page (issue 6).
import { describe, expect, it } from 'vitest'
import { setupTestApp, type TestApp } from '../../support/app.ts'
import { countingApp } from '../../support/count-statements.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'

const t = await setupTestApp()
const production = await setupTestApp({ mode: 'production' }, { database: t.database })
await f.cohort(t.db, 2025)
const ambition = await f.leadProvider(t.db, { name: 'Ambition Institute' })
const teachFirst = await f.leadProvider(t.db, { name: 'Teach First' })
const dp = await f.deliveryPartner(t.db)
await f.pairing(t.db, ambition.id, dp.id, 2025)
await f.pairing(t.db, teachFirst.id, dp.id, 2025)
const riverside = await f.school(t.db, { urn: '200002' })
const oakwood = await f.school(t.db, { urn: '200003' })
await p.partnership(t.db, { school_id: riverside.id, lead_provider_id: ambition.id, delivery_partner_id: dp.id, cohort: 2025 })
await p.partnership(t.db, { school_id: oakwood.id, lead_provider_id: teachFirst.id, delivery_partner_id: dp.id, cohort: 2025 })

let trn = 5300000
async function registerAt(app: TestApp, urn: string, fields: Record<string, unknown>, date: string) {
  const n = fields.trn ?? String(++trn)
  const body = { trn: n, first_name: 'Grace', last_name: 'Patel', date_of_birth: '1995-05-05', email: `grace.${n}@example.sch.uk`, working_pattern: 'full_time', training_programme: 'provider_led', lead_provider_id: ambition.id, started_on: '2025-09-01', ...fields }
  const res = await app.admin('POST', `/schools/${urn}/ects`, body, { date })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return { id: res.body.data.participant_id as string, trn: n as string }
}
const transfersFor = (token: string, id: string, date: string) => t.request('GET', `/api/v3/participants/${id}/transfers`, { token, date })

describe('T-30: release note of 17 December 2025', () => {
  it('"The GET /participants/transfers endpoint is now available in the Register ECTs sandbox" (T-23, T-26): in sandbox and production modes', async () => {
    for (const app of [t, production]) {
      const res = await app.request('GET', '/api/v3/participants/transfers', { token: ambition.token })
      expect(res.status).toBe(200)
      expect(Array.isArray(res.body.data)).toBe(true)
    }
  })

  it('"Schools can now report that an ECT or mentor has left their school for any reason, even when they are not moving to another school" and "When no new school is reported, the reason will show as unknown" (R-30, T-7, T-12)', async () => {
    const ect = await registerAt(t, '200002', {}, '2025-08-20T09:00:00Z')
    const leaving = await t.admin('POST', `/schools/200002/ects/${ect.id}/leaving`, { leaving_on: '2026-01-31' }, { date: '2026-01-05T10:00:00Z' })
    expect(leaving.status).toBe(200)
    const res = await transfersFor(ambition.token, ect.id, '2026-01-05T10:00:00Z')
    expect(res.body.data.attributes.transfers).toEqual([
      expect.objectContaining({ transfer_type: 'unknown', status: 'incomplete', joining: null, leaving: { school_urn: '200002', provider: 'Ambition Institute', date: '2026-01-31' } }),
    ])
  })

  it('"Previously, schools could only tell us a participant had left if they believed they were joining another school" (R-30): the leaving report asks for no destination', async () => {
    const ect = await registerAt(t, '200002', {}, '2025-08-20T09:00:00Z')
    const res = await t.admin('POST', `/schools/200002/ects/${ect.id}/leaving`, { leaving_on: '2026-01-31', school_urn: '200003' }, { date: '2026-01-05T10:00:00Z' })
    expect(res.status).toBe(422)
    expect(res.body).toEqual({ errors: [{ title: 'school_urn', detail: "The '#/school_urn' is not a recognised field." }] })
  })

  it('"lead providers may see more participants returned in GET /participants/transfers" and "You may see more transfers where a participant has left a school but no new school has been reported yet" (T-6, T-12)', async () => {
    const ect = await registerAt(t, '200002', {}, '2025-08-20T09:00:00Z')
    const before = await t.request('GET', '/api/v3/participants/transfers?page[per_page]=3000', { token: ambition.token, date: '2026-01-05T10:00:00Z' })
    expect(before.body.data.map((r: { id: string }) => r.id)).not.toContain(ect.id)
    await t.admin('POST', `/schools/200002/ects/${ect.id}/leaving`, { leaving_on: '2026-02-28' }, { date: '2026-01-05T10:00:00Z' })
    const after = await t.request('GET', '/api/v3/participants/transfers?page[per_page]=3000', { token: ambition.token, date: '2026-01-05T10:00:00Z' })
    expect(after.body.data.map((r: { id: string }) => r.id)).toContain(ect.id)
  })

  it('"We have also updated the leaving reason logic, and how joining and leaving dates are handled", "leaving and joining dates cannot overlap", "If the leaving date submitted by the old school conflicts with the joining date submitted by the new school, the service will update the leaving date to match the joining date" and "leaving date of 3 December 2025 … joining date of 1 December 2025 … corrected to 1 December 2025" (T-12, T-14, R-10)', async () => {
    const grace = await registerAt(t, '200002', {}, '2025-08-20T09:00:00Z')
    await t.admin('POST', `/schools/200002/ects/${grace.id}/leaving`, { leaving_on: '2025-12-03' }, { date: '2025-11-20T14:05:00Z' })
    await registerAt(t, '200003', { trn: grace.trn, lead_provider_id: teachFirst.id, started_on: '2025-12-01' }, '2025-11-24T10:20:00Z')
    for (const token of [ambition.token, teachFirst.token]) {
      const [transfer] = (await transfersFor(token, grace.id, '2025-11-24T10:20:00Z')).body.data.attributes.transfers
      expect(transfer.leaving.date).toBe('2025-12-01')
      expect(transfer.joining.date).toBe('2025-12-01')
    }
  })

  it('"This only applies when dates overlap. If there is a natural gap … the dates will not be changed" (T-15)', async () => {
    const omar = await registerAt(t, '200002', {}, '2025-08-20T09:00:00Z')
    await t.admin('POST', `/schools/200002/ects/${omar.id}/leaving`, { leaving_on: '2026-03-27' }, { date: '2026-03-09T13:00:00Z' })
    await registerAt(t, '200003', { trn: omar.trn, lead_provider_id: teachFirst.id, started_on: '2026-04-13' }, '2026-03-30T09:10:00Z')
    const [transfer] = (await transfersFor(teachFirst.token, omar.id, '2026-03-30T09:10:00Z')).body.data.attributes.transfers
    expect([transfer.leaving.date, transfer.joining.date]).toEqual(['2026-03-27', '2026-04-13'])
  })

  it('"data returned in the transfers endpoint is more accurate and consistent … conflicting timelines will no longer appear" (T-14, T-18, R-10): an overlapping period is refused by the database itself', async () => {
    const teacher = await p.teacher(t.db)
    await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: riverside.id, started_on: '2025-09-01' })
    await expect(p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: oakwood.id, started_on: '2025-12-01' })).rejects.toMatchObject({ code: '23P01' })
  })

  it('"You should ensure your systems can handle leaving dates that may be corrected where a joining date is earlier" (T-14, T-21, T-22): the correction is seen through filter[updated_since]', async () => {
    const ect = await registerAt(t, '200002', {}, '2025-08-20T09:00:00Z')
    await t.admin('POST', `/schools/200002/ects/${ect.id}/leaving`, { leaving_on: '2026-06-30' }, { date: '2026-05-01T09:00:00Z' })
    const poll = '2026-05-10T12:00:00Z'
    const quiet = await t.request('GET', `/api/v3/participants/transfers?filter[updated_since]=${poll}&page[per_page]=3000`, { token: ambition.token, date: '2026-05-10T12:00:00Z' })
    expect(quiet.body.data.map((r: { id: string }) => r.id)).not.toContain(ect.id)
    await registerAt(t, '200003', { trn: ect.trn, lead_provider_id: teachFirst.id, started_on: '2026-06-01' }, '2026-05-11T08:00:00Z')
    const next = await t.request('GET', `/api/v3/participants/transfers?filter[updated_since]=${poll}&page[per_page]=3000`, { token: ambition.token, date: '2026-05-11T09:00:00Z' })
    const mine = next.body.data.find((r: { id: string }) => r.id === ect.id)
    expect(mine.attributes.transfers[0].leaving.date).toBe('2026-06-01')
    expect(mine.attributes.updated_at).toBe('2026-05-11T08:00:00Z')
  })
})

describe('issue 6: a page of transfers costs a fixed number of statements', () => {
  it('T-23: per_page 1, 20 and 3000 take the same number of statements', async () => {
    const busy = await f.leadProvider(t.db)
    await f.pairing(t.db, busy.id, dp.id, 2025)
    const a = await f.school(t.db)
    const b = await f.school(t.db)
    const pa = await p.partnership(t.db, { school_id: a.id, lead_provider_id: busy.id, delivery_partner_id: dp.id, cohort: 2025 })
    const pb = await p.partnership(t.db, { school_id: b.id, lead_provider_id: busy.id, delivery_partner_id: dp.id, cohort: 2025 })
    for (let i = 0; i < 20; i++) {
      const teacher = await p.teacher(t.db)
      const old = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: a.id, started_on: '2025-09-01', finished_on: '2026-01-05' })
      await p.trainingPeriod(t.db, old, { cohort: 2025, lead_provider_id: busy.id, partnership_id: pa.id, started_on: '2025-09-01', finished_on: '2026-01-05' })
      const next = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: b.id, started_on: '2026-01-05' })
      await p.trainingPeriod(t.db, next, { cohort: 2025, lead_provider_id: busy.id, partnership_id: pb.id, started_on: '2026-01-05' })
    }
    const counting = await countingApp(t.db, { authorization: `Bearer ${busy.token}` })
    try {
      // Builds the documents. Not the page measured: a page asked for a second time is kept as a copy (page-copies.ts).
      await counting.statementsFor('/api/v3/participants/transfers?page[per_page]=2')
      const one = await counting.statementsFor('/api/v3/participants/transfers?page[per_page]=1')
      const twenty = await counting.statementsFor('/api/v3/participants/transfers?page[per_page]=20')
      const all = await counting.statementsFor('/api/v3/participants/transfers?page[per_page]=3000')
      expect([one.rows, twenty.rows, all.rows]).toEqual([1, 20, 20])
      expect(twenty.statements).toBe(one.statements)
      expect(all.statements).toBe(one.statements)
      expect(one.statements).toBe(2) // the token lookup, then the page
    } finally {
      await counting.close()
    }
  })
})
