import { describe, expect, it } from 'vitest'
import { notAnObject, eventsAbout, invalid, itNeedsTheAdminToken } from '../../../support/admin.ts'
import { setupTestApp } from '../../../support/app.ts'
import { onPostgres } from '../../../support/db.ts'
import * as f from '../../../support/factories.ts'

const t = await setupTestApp()
const ambition = await f.leadProvider(t.db, { name: 'Ambition Institute' })
const teachFirst = await f.leadProvider(t.db, { name: 'Teach First' })
const northern = await f.deliveryPartner(t.db, { name: 'Northern Lights Teaching Alliance', created_at: '2025-04-01T09:00:00Z' })
const pennine = await f.deliveryPartner(t.db, { name: 'Pennine Learning Partnership', created_at: '2025-04-01T09:00:02Z' })
await f.cohort(t.db, 2024)
await f.cohort(t.db, 2025)
await f.cohort(t.db, 2030)
const unknownId = '00000000-0000-4000-8000-000000000000'
const DUPLICATE = 'This delivery partner is already paired with this lead provider for the cohort.'

describe('POST /api/admin/v1/lead-provider-delivery-partners', () => {
  itNeedsTheAdminToken(t, 'POST', '/lead-provider-delivery-partners', { lead_provider_id: ambition.id, delivery_partner_id: northern.id, cohort: '2024' })

  it('P-19: the worked example answers 201 with the pairing', async () => {
    const body = { lead_provider_id: ambition.id, delivery_partner_id: northern.id, cohort: '2025' }
    const res = await t.admin('POST', '/lead-provider-delivery-partners', body, { date: '2025-05-02T10:06:00Z' })
    expect(res.status).toBe(201)
    expect(res.text).toBe(JSON.stringify({ data: { id: res.body.data.id, ...body, created_at: '2025-05-02T10:06:00Z' } }))
    expect((await eventsAbout(t, res.body.data.id)).map((e) => [e.author, e.action])).toEqual([['operator', 'pairing.created']])
  })

  it('P-19, P-38, P-39: the lead provider sees the delivery partner in the cohort, with the moved stamp', async () => {
    const res = await t.request('GET', '/api/v3/delivery-partners', { token: ambition.token })
    expect(res.body).toEqual({
      data: [
        {
          id: northern.id,
          type: 'delivery-partner',
          attributes: { name: 'Northern Lights Teaching Alliance', created_at: '2025-04-01T09:00:00Z', updated_at: '2025-05-02T10:06:00Z', cohort: ['2025'] },
        },
      ],
    })
    const other = await t.request('GET', '/api/v3/delivery-partners', { token: teachFirst.token })
    expect(other.body).toEqual({ data: [] })
  })

  it('P-19: a second identical pairing is a 422 under delivery_partner_id', async () => {
    const res = await t.admin('POST', '/lead-provider-delivery-partners', { lead_provider_id: ambition.id.toUpperCase(), delivery_partner_id: northern.id, cohort: 2025 })
    expect(res.status).toBe(422)
    expect(res.body).toEqual(invalid(['delivery_partner_id', DUPLICATE]))
  })

  it('P-19: allowed for a cohort that has not started (decided) and for another lead provider', async () => {
    const future = await t.admin('POST', '/lead-provider-delivery-partners', { lead_provider_id: ambition.id, delivery_partner_id: northern.id, cohort: '2030' }, { date: '2025-05-02T10:07:00Z' })
    expect(future.status).toBe(201)
    const other = await t.admin('POST', '/lead-provider-delivery-partners', { lead_provider_id: teachFirst.id, delivery_partner_id: northern.id, cohort: '2025' })
    expect(other.status).toBe(201)
  })

  it('C-77: ids and a year that match nothing are invalid; the duplicate check waits for all three', async () => {
    const res = await t.admin('POST', '/lead-provider-delivery-partners', { lead_provider_id: unknownId, delivery_partner_id: pennine.id, cohort: '2031' })
    expect(res.status).toBe(422)
    expect(res.body).toEqual(
      invalid(['lead_provider_id', "The '#/lead_provider_id' you have entered is invalid."], ['cohort', "The '#/cohort' you have entered is invalid."]),
    )
    const partly = await t.admin('POST', '/lead-provider-delivery-partners', { lead_provider_id: ambition.id, delivery_partner_id: northern.id, cohort: '2029' })
    expect(partly.body).toEqual(invalid(['cohort', "The '#/cohort' you have entered is invalid."]))
    const dp = await t.admin('POST', '/lead-provider-delivery-partners', { lead_provider_id: ambition.id, delivery_partner_id: unknownId, cohort: '2025' })
    expect(dp.body).toEqual(invalid(['delivery_partner_id', "The '#/delivery_partner_id' you have entered is invalid."]))
  })

  it('C-76, C-77: every field at once, in table order, then unrecognised fields', async () => {
    const res = await t.admin('POST', '/lead-provider-delivery-partners', { school: 'x', cohort: '25', delivery_partner_id: 'abc' })
    expect(res.status).toBe(422)
    expect(res.body).toEqual(
      invalid(
        ['lead_provider_id', "Enter a '#/lead_provider_id'."],
        ['delivery_partner_id', "The '#/delivery_partner_id' must be a UUID."],
        ['cohort', `The '#/cohort' must be a year such as "2025".`],
        ['school', "The '#/school' is not a recognised field."],
      ),
    )
    const mixed = await t.admin('POST', '/lead-provider-delivery-partners', { lead_provider_id: unknownId, delivery_partner_id: northern.id, cohort: null })
    expect(mixed.body).toEqual(invalid(['lead_provider_id', "The '#/lead_provider_id' you have entered is invalid."], ['cohort', "Enter a '#/cohort'."]))
  })

  it('C-73: a body that is not an object is the 400', async () => {
    const res = await t.admin('POST', '/lead-provider-delivery-partners', [ambition.id])
    expect(res.status).toBe(400)
    expect(res.body).toEqual(notAnObject('an array'))
  })

  it.runIf(onPostgres)('Q-10: concurrent identical pairings give one 201 and 422s', async () => {
    const body = { lead_provider_id: teachFirst.id, delivery_partner_id: pennine.id, cohort: '2024' }
    const answers = await Promise.all(Array.from({ length: 5 }, () => t.admin('POST', '/lead-provider-delivery-partners', body)))
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422, 422])
    for (const a of answers.filter((x) => x.status === 422)) expect(a.body).toEqual(invalid(['delivery_partner_id', DUPLICATE]))
  })
})
