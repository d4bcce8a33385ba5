import { describe, expect, it } from 'vitest'
import { eventsAbout, invalid, itNeedsTheAdminToken, itPagesLikeV3, NOT_FOUND } from '../../../support/admin.ts'
import { setupTestApp } from '../../../support/app.ts'
import * as f from '../../../support/factories.ts'
import * as d from '../../../support/factories-declarations.ts'

const t = await setupTestApp()
await f.cohort(t.db, 2025)
await f.cohort(t.db, 2022)
await t.db.updateTable('cohorts').set({ payments_frozen_on: '2025-01-01' }).where('year', '=', 2022).execute()
const zeta = await d.provider(t.db, 2025, 'Zeta Learning')
const alpha = await d.provider(t.db, 2025, 'alpha Institute')

const NOW = '2026-11-23T10:00:00Z'
const create = (body: unknown, date = NOW) => t.admin('POST', '/statements', body, { date })
const body = (extra: Record<string, unknown> = {}) => ({
  lead_provider_id: alpha.id, cohort: '2025', year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25', ...extra,
})

describe('POST /api/admin/v1/statements', () => {
  itNeedsTheAdminToken(t, 'POST', '/statements', body())

  it('D-82: 201 with the statement, open', async () => {
    const res = await create(body())
    expect(res.status).toBe(201)
    expect(res.text).toBe(
      JSON.stringify({
        data: {
          id: res.body.data.id, lead_provider_id: alpha.id, cohort: '2025', year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25',
          status: 'open', marked_as_paid_at: null, created_at: NOW.replace('.000', ''), updated_at: NOW,
        },
      }),
    )
    expect(await eventsAbout(t, res.body.data.id)).toMatchObject([{ author: 'operator', action: 'statement.created' }])
  })

  it('D-82, C-76, C-77: every field, in the table order, then unrecognised fields', async () => {
    const res = await create({ cohort: 'twenty', year: '27', month: 2, cut_off_date: '2026-02-30', payment_date: 5, colour: 'blue' })
    expect(res.status).toBe(422)
    expect(res.body).toEqual(
      invalid(
        ['lead_provider_id', "Enter a '#/lead_provider_id'."],
        ['cohort', 'The \'#/cohort\' must be a year such as "2025".'],
        ['year', 'The \'#/year\' must be a year such as "2025".'],
        ['month', "The '#/month' must be one of: 1, 4, 8, 11."],
        ['cut_off_date', "The '#/cut_off_date' must be a date in YYYY-MM-DD format."],
        ['payment_date', "The '#/payment_date' must be a date in YYYY-MM-DD format."],
        ['colour', "The '#/colour' is not a recognised field."],
      ),
    )
    const blank = await create({})
    expect(blank.body.errors.map((e: { title: string }) => e.title)).toEqual(['lead_provider_id', 'cohort', 'year', 'month', 'cut_off_date', 'payment_date'])
  })

  it('D-82: unknown lead provider and cohort; the year range; the payment date after the cut-off', async () => {
    const res = await create(body({ lead_provider_id: '4a1f0c2e-8d3b-4f6a-9b2c-7e5d1a0f3c88', cohort: 2019, year: 2031, payment_date: '2026-12-31' }))
    expect(res.body).toEqual(
      invalid(
        ['lead_provider_id', "The '#/lead_provider_id' you have entered is invalid."],
        ['cohort', "The '#/cohort' you have entered is invalid."],
        ['payment_date', 'The payment date must be after the cut-off date.'],
      ),
    )
    const range = await create(body({ year: 2030 }))
    expect(range.body).toEqual(invalid(['year', "The '#/year' must be from the cohort year to four years after it."]))
    const low = await create(body({ year: '2024' }))
    expect(low.body).toEqual(invalid(['year', "The '#/year' must be from the cohort year to four years after it."]))
  })

  it('D-82, D-7: a payments-frozen cohort takes no statements', async () => {
    const res = await create(body({ cohort: 2022, year: 2023 }))
    expect(res.body).toEqual(invalid(['cohort', 'Cohort 2022 is payments-frozen; statements cannot be added.']))
  })

  it('D-82, C-79: the same lead provider, cohort, year and month again', async () => {
    await create(body({ lead_provider_id: zeta.id, month: '4', cut_off_date: '2027-03-31', payment_date: '2027-04-25' }))
    const res = await create(body({ lead_provider_id: zeta.id, month: 4, cut_off_date: '2027-03-31', payment_date: '2027-04-25' }))
    expect(res.body).toEqual(invalid(['month', 'A statement for this lead provider, cohort, year and month already exists.']))
  })

  it('D-82, C-73: a body that is not an object is the 400', async () => {
    const res = await t.admin('POST', '/statements', [1])
    expect(res.status).toBe(400)
  })
})

describe('GET /api/admin/v1/statements', () => {
  itNeedsTheAdminToken(t, 'GET', '/statements')
  itPagesLikeV3(t, '/statements')

  it('D-81: ordered by lead provider name, cohort and cut-off; filters lead provider, cohort and status, one value each', async () => {
    const all = await t.admin('GET', '/statements')
    const rows = all.body.data.map((s: { lead_provider_id: string; cut_off_date: string }) => [s.lead_provider_id === alpha.id ? 'alpha' : 'zeta', s.cut_off_date])
    expect(rows).toEqual([['alpha', '2026-12-31'], ['zeta', '2027-03-31']])
    expect((await t.admin('GET', `/statements?filter[lead_provider_id]=${zeta.id}`)).body.data).toHaveLength(1)
    expect((await t.admin('GET', '/statements?filter[lead_provider_id]=nope')).text).toBe('{"data":[]}')
    expect((await t.admin('GET', '/statements?filter[cohort]=2025')).body.data).toHaveLength(2)
    expect((await t.admin('GET', '/statements?filter[cohort]=2024')).text).toBe('{"data":[]}')
    expect((await t.admin('GET', '/statements?filter[status]=open')).body.data).toHaveLength(2)
    expect((await t.admin('GET', '/statements?filter[status]=paid')).text).toBe('{"data":[]}')
    expect((await t.admin('GET', '/statements?filter[status]=closed')).text).toBe('{"data":[]}')
  })
})

describe('POST /api/admin/v1/cohorts/{year}/statements', () => {
  itNeedsTheAdminToken(t, 'POST', '/cohorts/2025/statements')

  it('D-83: the 16-statement calendar for one lead provider, skipping what exists', async () => {
    await f.cohort(t.db, 2026)
    const lp = await d.provider(t.db, 2026, 'Calendar Provider')
    await d.statement(t.db, { lead_provider_id: lp.id, cohort: 2026, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' })
    const res = await t.admin('POST', '/cohorts/2026/statements', { lead_provider_id: lp.id }, { date: NOW })
    expect(res.status).toBe(201)
    expect(res.body.data.already_present).toBe(1)
    const months = res.body.data.created.map((s: { year: number; month: number; cut_off_date: string; payment_date: string }) => `${s.year}-${s.month}:${s.cut_off_date}/${s.payment_date}`)
    expect(months).toEqual([
      '2026-11:2026-10-31/2026-11-25',
      '2027-4:2027-03-31/2027-04-25', '2027-8:2027-07-31/2027-08-25', '2027-11:2027-10-31/2027-11-25',
      '2028-1:2027-12-31/2028-01-25', '2028-4:2028-03-31/2028-04-25', '2028-8:2028-07-31/2028-08-25', '2028-11:2028-10-31/2028-11-25',
      '2029-1:2028-12-31/2029-01-25', '2029-4:2029-03-31/2029-04-25', '2029-8:2029-07-31/2029-08-25', '2029-11:2029-10-31/2029-11-25',
      '2030-1:2029-12-31/2030-01-25', '2030-4:2030-03-31/2030-04-25', '2030-8:2030-07-31/2030-08-25',
    ])
    expect(res.body.data.created[0]).toMatchObject({ lead_provider_id: lp.id, cohort: '2026', status: 'open', marked_as_paid_at: null })
    const again = await t.admin('POST', '/cohorts/2026/statements', { lead_provider_id: lp.id }, { date: NOW })
    expect(again.body).toEqual({ data: { created: [], already_present: 16 } })
  })

  it('D-83: without a lead provider, every lead provider paired in the cohort', async () => {
    await f.cohort(t.db, 2027)
    await d.provider(t.db, 2027, 'Paired A')
    await d.provider(t.db, 2027, 'Paired B')
    const res = await t.admin('POST', '/cohorts/2027/statements', undefined, { date: NOW })
    expect(res.status).toBe(201)
    expect(res.body.data.created).toHaveLength(32)
    expect(res.body.data.already_present).toBe(0)
  })

  it('D-83, C-78: unknown cohort 404 before the body; unknown lead provider; a frozen cohort', async () => {
    expect((await t.admin('POST', '/cohorts/2031/statements', { colour: 1 })).body).toEqual(NOT_FOUND)
    expect((await t.admin('POST', '/cohorts/20x1/statements')).status).toBe(404)
    const unknown = await t.admin('POST', '/cohorts/2025/statements', { lead_provider_id: '4a1f0c2e-8d3b-4f6a-9b2c-7e5d1a0f3c88', colour: 1 })
    expect(unknown.body).toEqual(invalid(['lead_provider_id', "The '#/lead_provider_id' you have entered is invalid."], ['colour', "The '#/colour' is not a recognised field."]))
    const frozen = await t.admin('POST', '/cohorts/2022/statements', {}, { date: NOW })
    expect(frozen.body).toEqual(invalid(['cohort', 'Cohort 2022 is payments-frozen; statements cannot be added.']))
  })
})

describe('POST /api/admin/v1/statements/{id}/mark-payable and /mark-paid', () => {
  itNeedsTheAdminToken(t, 'POST', '/statements/45146ec2-594a-495a-bb02-8b2280a3deaf/mark-paid')

  it('D-84: only after the cut-off; D-85: only a payable one; the statement is returned', async () => {
    const lp = await d.provider(t.db, 2025, 'Payments Provider')
    const s = await d.statement(t.db, { lead_provider_id: lp.id, cohort: 2025, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' })
    const early = await t.admin('POST', `/statements/${s.id}/mark-payable`, undefined, { date: '2026-12-31T23:00:00Z' })
    expect(early.body).toEqual(invalid(['cut_off_date', 'The cut-off date 2026-12-31 has not passed yet.']))
    const notPayable = await t.admin('POST', `/statements/${s.id}/mark-paid`, undefined, { date: '2027-01-02T10:00:00Z' })
    expect(notPayable.body).toEqual(invalid(['status', 'Only a payable statement can be marked paid.']))
    const payable = await t.admin('POST', `/statements/${s.id}/mark-payable`, undefined, { date: '2027-01-02T10:00:00Z' })
    expect(payable.status).toBe(200)
    expect(payable.body.data).toMatchObject({ id: s.id, status: 'payable', updated_at: '2027-01-02T10:00:00Z', marked_as_paid_at: null })
    const twice = await t.admin('POST', `/statements/${s.id}/mark-payable`, undefined, { date: '2027-01-03T10:00:00Z' })
    expect(twice.body).toEqual(invalid(['status', 'Only an open statement can be marked payable.']))
    const paid = await t.admin('POST', `/statements/${s.id}/mark-paid`, undefined, { date: '2027-01-25T10:00:00Z' })
    expect(paid.body.data).toMatchObject({ status: 'paid', marked_as_paid_at: '2027-01-25T10:00:00Z', updated_at: '2027-01-25T10:00:00Z' })
    const paidAgain = await t.admin('POST', `/statements/${s.id}/mark-paid`, undefined, { date: '2027-01-26T10:00:00Z' })
    expect(paidAgain.body).toEqual(invalid(['status', 'Only a payable statement can be marked paid.']))
    expect((await eventsAbout(t, s.id)).map((e) => e.action)).toEqual(['statement.payable', 'statement.paid'])
  })

  it('D-84, D-85: 404 for unknown and malformed ids', async () => {
    for (const path of ['45146ec2-594a-495a-bb02-8b2280a3deaf/mark-payable', 'nope/mark-paid']) {
      expect((await t.admin('POST', `/statements/${path}`)).body).toEqual(NOT_FOUND)
    }
  })
})
