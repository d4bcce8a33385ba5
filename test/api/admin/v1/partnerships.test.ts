import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../../support/app.ts'
import * as f from '../../../support/factories.ts'
import * as p from '../../../support/factories-participants.ts'

const t = await setupTestApp()
const ambition = await f.leadProvider(t.db, { name: 'Ambition Institute' })
const northern = await f.deliveryPartner(t.db, { name: 'Northern Lights Teaching Alliance' })
const pennine = await f.deliveryPartner(t.db, { name: 'Pennine Learning Partnership' })
const unpaired = await f.deliveryPartner(t.db, { name: 'Unpaired Partners' })
await f.cohort(t.db, 2026, { partnerships_open: false })
await f.pairing(t.db, ambition.id, northern.id, 2026)
await f.pairing(t.db, ambition.id, pennine.id, 2026)

const AT = '2026-07-01T14:00:00Z'
const create = (body: unknown, date = AT) => t.admin('POST', '/partnerships', body, { date })

describe('POST /api/admin/v1/partnerships', () => {
  it('G44, P-24, P-60: DfE adds a second delivery partner under the same lead provider — an additional partnership, 201', async () => {
    const school = await f.school(t.db)
    await p.partnership(t.db, { school_id: school.id, lead_provider_id: ambition.id, delivery_partner_id: northern.id, cohort: 2026 })
    const res = await create({ urn: school.urn, lead_provider_id: ambition.id, delivery_partner_id: pennine.id, cohort: '2026' })
    expect(res.status).toBe(201)
    expect(res.text).toBe(
      JSON.stringify({
        data: {
          id: res.body.data.id,
          cohort: '2026',
          urn: school.urn,
          school_id: school.id,
          lead_provider_id: ambition.id,
          delivery_partner_id: pennine.id,
          additional: true,
          created_by: 'operator',
          created_at: AT,
          updated_at: AT,
        },
      }),
    )
    const events = await t.db.selectFrom('events').select(['author', 'action']).where('subject_id', '=', res.body.data.id).execute()
    expect(events).toEqual([{ author: 'operator', action: 'partnership.created' }])
  })

  it('P-24 (decided), P-33: primary when none exists, whatever the cohort opening, eligibility or programme; EOI training attaches', async () => {
    const school = await f.school(t.db, { eligible: false })
    const teacher = await p.teacher(t.db)
    const period = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: school.id, started_on: '2026-09-01' })
    const eoi = await p.trainingPeriod(t.db, period, { cohort: 2026, lead_provider_id: ambition.id, started_on: '2026-09-01' })
    const res = await create({ urn: Number(school.urn), lead_provider_id: ambition.id.toUpperCase(), delivery_partner_id: northern.id, cohort: 2026 })
    expect(res.status).toBe(201)
    expect(res.body.data).toMatchObject({ additional: false, created_by: 'operator', delivery_partner_id: northern.id, lead_provider_id: ambition.id })
    const tp = await t.db.selectFrom('training_periods').select(['partnership_id', 'began_as_eoi']).where('id', '=', eoi.id).executeTakeFirstOrThrow()
    expect(tp).toEqual({ partnership_id: res.body.data.id, began_as_eoi: true })
    const row = await t.db.selectFrom('partnerships').select('first_attached_at').where('id', '=', res.body.data.id).executeTakeFirstOrThrow()
    expect(row.first_attached_at?.toISOString()).toBe('2026-07-01T14:00:00.000Z')
  })

  it('P-24: not paired, then already on that pairing — under delivery_partner_id once all four resolve', async () => {
    const school = await f.school(t.db)
    const notPaired = await create({ urn: school.urn, lead_provider_id: ambition.id, delivery_partner_id: unpaired.id, cohort: '2026' })
    expect([notPaired.status, notPaired.body]).toEqual([
      422,
      { errors: [{ title: 'delivery_partner_id', detail: 'The delivery partner is not paired with this lead provider for the cohort.' }] },
    ])
    expect((await create({ urn: school.urn, lead_provider_id: ambition.id, delivery_partner_id: northern.id, cohort: '2026' })).status).toBe(201)
    const again = await create({ urn: school.urn, lead_provider_id: ambition.id, delivery_partner_id: northern.id, cohort: '2026' })
    expect([again.status, again.body]).toEqual([
      422,
      { errors: [{ title: 'delivery_partner_id', detail: 'This school already has a partnership with this lead provider and delivery partner for the cohort.' }] },
    ])
  })

  it('C-76, C-77: every failed field in request-table order, then unrecognised fields', async () => {
    const res = await create({ urn: '14285', delivery_partner_id: 'nope', cohort: null, colour: 'blue' })
    expect([res.status, res.body]).toEqual([
      422,
      {
        errors: [
          { title: 'urn', detail: "The '#/urn' must be a 6-digit URN." },
          { title: 'lead_provider_id', detail: "Enter a '#/lead_provider_id'." },
          { title: 'delivery_partner_id', detail: "The '#/delivery_partner_id' must be a UUID." },
          { title: 'cohort', detail: "Enter a '#/cohort'." },
          { title: 'colour', detail: "The '#/colour' is not a recognised field." },
        ],
      },
    ])
    const unknown = await create({ urn: '999999', lead_provider_id: '00000000-0000-4000-8000-000000000000', delivery_partner_id: '00000000-0000-4000-8000-000000000001', cohort: '2031' })
    expect(unknown.body).toEqual({
      errors: [
        { title: 'urn', detail: "The '#/urn' you have entered is invalid." },
        { title: 'lead_provider_id', detail: "The '#/lead_provider_id' you have entered is invalid." },
        { title: 'delivery_partner_id', detail: "The '#/delivery_partner_id' you have entered is invalid." },
        { title: 'cohort', detail: "The '#/cohort' you have entered is invalid." },
      ],
    })
  })

  it('C-73: a body that is not an object is the 400; malformed JSON never a 500', async () => {
    for (const [payload, detail] of [
      ['[]', 'The request body must be a JSON object of fields, not an array.'],
      ['"x"', 'The request body must be a JSON object of fields, not a string.'],
      ['{"urn":', 'The request body is not valid JSON: it ends before the JSON is complete.'],
    ]) {
      const res = await t.request('POST', '/api/admin/v1/partnerships', { token: t.adminToken, payload: payload!, headers: { 'content-type': 'application/json' } })
      expect([res.status, res.body]).toEqual([400, { errors: [{ title: 'Bad request', detail }] }])
    }
    const empty = await t.request('POST', '/api/admin/v1/partnerships', { token: t.adminToken })
    expect(empty.status).toBe(422)
  })

  it('C-72, C-8: a lead provider token is the 401', async () => {
    const res = await t.request('POST', '/api/admin/v1/partnerships', { token: ambition.token, body: {} })
    expect([res.status, res.body]).toEqual([401, { error: 'HTTP Token: Access denied' }])
  })
})
