// S-50 … S-55: the sandbox endpoints on the operator API (sandbox mode); production in
// endpoints-production.test.ts.
import { describe, expect, it } from 'vitest'
import { seedId } from '../../src/sandbox/derive.ts'
import { leadProviderPlans } from '../../src/sandbox/reference.ts'
import { SCENARIO_NAMES } from '../../src/sandbox/scenarios/catalogue.ts'
import { setupTestApp } from '../support/app.ts'

const t = await setupTestApp()
const T = '2026-11-23'
const at = `${T}T12:00:00Z`
const lps = leadProviderPlans(1)
const counts = { cohorts: 6, lead_providers: 6, delivery_partners: 21, schools: 57, partnerships: 90, teachers: 222, declarations: 150, statements: 516 }

describe('POST /api/admin/v1/sandbox/seed and /reset', () => {
  it('S-31: a seeding date before 2026-08-01 is refused', async () => {
    const res = await t.admin('POST', '/sandbox/seed', {}, { date: '2026-07-31' })
    expect(res.status).toBe(422)
    expect(res.body).toEqual({ errors: [{ title: 'seeding_date', detail: 'The sandbox data set needs a seeding date on or after 2026-08-01' }] })
  })

  it('S-51, issue 18: a scenario on an empty database says to seed first', async () => {
    const res = await t.admin('POST', '/sandbox/seed', { scenario: 'eoi-school' }, { date: at })
    expect([res.status, res.body]).toEqual([422, { errors: [{ title: 'scenario', detail: 'The database holds no data yet: load the seed data set first (POST /api/admin/v1/sandbox/seed, or rect seed), then add the scenario.' }] }])
  })

  it('S-50, S-55: the base data set into an empty database, 201 with the reset body', async () => {
    const res = await t.admin('POST', '/sandbox/seed', { lead_provider_id: 'ignored' }, { date: at })
    expect(res.status).toBe(201)
    expect(res.body.data).toEqual({
      seed: 1, seeding_date: T, empty: false, scale: 'small', counts,
      lead_providers: lps.map(({ id, name, token }) => ({ id, name, token })),
    })
  }, 300_000)

  it('S-50: data present → 422 pointing at reset', async () => {
    const res = await t.admin('POST', '/sandbox/seed', {}, { date: at })
    expect(res.status).toBe(422)
    expect(res.body).toEqual({ errors: [{ title: 'scenario', detail: 'The database already holds data. Use POST /api/admin/v1/sandbox/reset to replace it.' }] })
  })

  it('S-51: missing and unknown scenario, unknown lead provider: all fields at once', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000'
    const res = await t.admin('POST', '/sandbox/seed', { scenario: 'nope', lead_provider_id: unknown, other_lead_provider_id: unknown }, { date: at })
    expect(res.status).toBe(422)
    expect(res.body.errors).toEqual([
      { title: 'scenario', detail: `The '#/scenario' must be one of: ${SCENARIO_NAMES.join(', ')}` },
      { title: 'lead_provider_id', detail: "The '#/lead_provider_id' you have entered is invalid." },
      { title: 'other_lead_provider_id', detail: "The '#/other_lead_provider_id' you have entered is invalid." },
    ])
    const missing = await t.admin('POST', '/sandbox/seed', { scenario: null }, { date: at })
    expect(missing.body).toEqual({ errors: [{ title: 'scenario', detail: "Enter a '#/scenario'." }] })
  })

  it('S-51: no cohort contains d → 422', async () => {
    const res = await t.admin('POST', '/sandbox/seed', { scenario: 'eoi-school' }, { date: '2031-03-02' })
    expect(res.body).toEqual({ errors: [{ title: 'scenario', detail: 'No cohort contains 2031-03-02.' }] })
  })

  it('S-51 … S-53: every scenario runs; the first school is URN 149001; ids follow k', async () => {
    const reports = []
    for (const scenario of SCENARIO_NAMES) {
      const res = await t.admin('POST', '/sandbox/seed', { scenario }, { date: at })
      expect(res.status, `${scenario}: ${JSON.stringify(res.body)}`).toBe(201)
      reports.push(res.body.data)
    }
    expect(reports[0].schools[0].urn).toBe('149001')
    expect(reports[0]).toMatchObject({ scenario: 'eoi-school', today: T, cohort: '2026', lead_provider_id: lps[0]!.id })
    expect(reports[0].schools[0].id).toBe(seedId(1, 'scenario:1:school:A'))
    expect(reports[1].participants).toHaveLength(3)
    expect(reports[7]).toMatchObject({ scenario: 'transfer-new-provider', other_lead_provider_id: lps[1]!.id })
    expect(reports[14].declarations).toHaveLength(5)
  }, 300_000)

  it('S-52: what the lead providers see', async () => {
    const token = lps[0]!.token
    const get = (path: string, tok = token) => t.request('GET', `/api/v3/${path}`, { token: tok, date: at })
    const partnered = await t.admin('POST', '/sandbox/seed', { scenario: 'partnered-school-with-participants' }, { date: at })
    const partnership = await get(`partnerships/${partnered.body.data.partnerships[0]}`)
    expect(partnership.body.data.attributes.participants_currently_training).toBe(3)
    const moved = await t.admin('POST', '/sandbox/seed', { scenario: 'transfer-new-provider' }, { date: at })
    const ect = moved.body.data.participants[0].id
    for (const tok of [lps[0]!.token, lps[1]!.token]) {
      const transfers = await get(`participants/${ect}/transfers`, tok)
      expect(transfers.body.data.attributes.transfers[0]).toMatchObject({ transfer_type: 'new_provider', status: 'complete' })
    }
    const eoi = await t.admin('POST', '/sandbox/seed', { scenario: 'eoi-school' }, { date: at })
    const school = await get(`schools/${eoi.body.data.schools[0].id}?filter[cohort]=2026`)
    expect(school.body.data.attributes.expression_of_interest).toBe(true)
  }, 120_000)

  it('S-54, S-55: reset replaces the data, keeps the admin token, and the same calls give the same ids again', async () => {
    const res = await t.admin('POST', '/sandbox/reset', {}, { date: at })
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ seed: 1, seeding_date: T, empty: false, scale: 'small', counts })
    const first = await t.admin('POST', '/sandbox/seed', { scenario: 'eoi-school' }, { date: at })
    expect(first.body.data.schools[0]).toMatchObject({ urn: '149001', id: seedId(1, 'scenario:1:school:A') })
    expect((await t.request('GET', '/api/v3/partnerships', { token: lps[0]!.token, date: at })).status).toBe(200)
  }, 300_000)

  it('S-54, issue 18: a plain reset, with no body at all, returns to seed 1 after a reset to seed 2, so the printed tokens work again', async () => {
    const two = await t.admin('POST', '/sandbox/reset', { seed: 2 }, { date: at })
    expect(two.body.data).toMatchObject({ seed: 2, empty: false })
    expect((await t.request('GET', '/api/v3/partnerships', { token: lps[0]!.token, date: at })).status).toBe(401)
    const plain = await t.request('POST', '/api/admin/v1/sandbox/reset', { token: t.adminToken, date: at })
    expect(plain.status).toBe(200)
    expect(plain.body.data).toMatchObject({ seed: 1, seeding_date: T, empty: false, counts })
    expect(plain.body.data.lead_providers[0]).toEqual({ id: lps[0]!.id, name: lps[0]!.name, token: lps[0]!.token })
    expect((await t.request('GET', '/api/v3/partnerships', { token: lps[0]!.token, date: at })).status).toBe(200)
  }, 300_000)

  it('C-73, issue 18: the operator document marks the reset body optional, and a body with required fields required', async () => {
    const document = (await t.request('GET', '/api/admin/v1/openapi.json')).body
    expect(document.paths['/api/admin/v1/sandbox/reset'].post.requestBody.required).toBe(false)
    expect(document.paths['/api/admin/v1/cohorts'].post.requestBody.required).toBe(true)
  })

  it('S-54, S-55: empty reset, bad values', async () => {
    const bad = await t.admin('POST', '/sandbox/reset', { seed: -1, empty: 'yes' }, { date: at })
    expect(bad.body).toEqual({
      errors: [
        { title: 'seed', detail: "The '#/seed' must be a whole number from 0 to 2147483647." },
        { title: 'empty', detail: "The '#/empty' must be true or false." },
      ],
    })
    const empty = await t.admin('POST', '/sandbox/reset', { empty: true }, { date: at })
    expect(empty.body.data).toMatchObject({ empty: true, counts: { cohorts: 0, schools: 0, teachers: 0 }, lead_providers: [] })
    expect((await t.request('GET', '/api/v3/partnerships', { token: lps[0]!.token })).status).toBe(401)
    expect((await t.admin('GET', '/lead-providers')).status).toBe(200)
  }, 120_000)
})
