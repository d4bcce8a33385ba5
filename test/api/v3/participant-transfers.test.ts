// Transfers derived from periods built with factories; the worked scenarios of spec/04 through
// the school actions are in participant-transfers-scenarios.test.ts.
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'

const t = await setupTestApp()
const ambition = await f.leadProvider(t.db, { name: 'Ambition Institute' })
const teachFirst = await f.leadProvider(t.db, { name: 'Teach First' })
const bystander = await f.leadProvider(t.db, { name: 'Bystander Trust' })
const dp = await f.deliveryPartner(t.db)
await f.pairing(t.db, ambition.id, dp.id, 2025)
await f.pairing(t.db, teachFirst.id, dp.id, 2025)
const greenfield = await f.school(t.db, { urn: '100001' })
const oakwood = await f.school(t.db, { urn: '100003' })
const ambitionGreenfield = await p.partnership(t.db, { school_id: greenfield.id, lead_provider_id: ambition.id, delivery_partner_id: dp.id, cohort: 2025 })
const teachFirstOakwood = await p.partnership(t.db, { school_id: oakwood.id, lead_provider_id: teachFirst.id, delivery_partner_id: dp.id, cohort: 2025 })

async function leaver(fields: { created_at: string; leaving_on: string; recorded_at: string; joins?: { started_on: string; at: string; partnership_id: string | null; lead_provider_id?: string; school_led?: boolean } }) {
  const teacher = await p.teacher(t.db, { created_at: fields.created_at })
  const old = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: greenfield.id, started_on: '2025-09-01', finished_on: fields.leaving_on, created_at: '2025-08-01T09:00:00Z' })
  await p.trainingPeriod(t.db, old, { cohort: 2025, lead_provider_id: ambition.id, partnership_id: ambitionGreenfield.id, started_on: '2025-09-01', finished_on: fields.leaving_on, created_at: '2025-08-01T09:00:00Z' })
  await t.db.updateTable('at_school_periods').set({ leaving_recorded_at: new Date(fields.recorded_at), updated_at: new Date(fields.recorded_at) }).where('id', '=', old.id).execute()
  await t.db.updateTable('training_periods').set({ updated_at: new Date(fields.recorded_at) }).where('at_school_period_id', '=', old.id).execute()
  if (fields.joins) {
    const next = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: oakwood.id, started_on: fields.joins.started_on, created_at: fields.joins.at })
    await p.trainingPeriod(t.db, next, {
      cohort: 2025,
      lead_provider_id: fields.joins.lead_provider_id ?? teachFirst.id,
      partnership_id: fields.joins.partnership_id,
      school_led: fields.joins.school_led ?? false,
      started_on: fields.joins.started_on,
      created_at: fields.joins.at,
    })
  }
  const record = await t.db.selectFrom('teachers').select('ect_training_record_id').where('id', '=', teacher.id).executeTakeFirstOrThrow()
  return { id: teacher.id, trainingRecordId: record.ect_training_record_id }
}

const liam = await leaver({ created_at: '2025-08-01T09:00:00Z', leaving_on: '2026-03-20', recorded_at: '2026-02-23T10:00:00Z', joins: { started_on: '2026-03-20', at: '2026-03-02T15:45:10Z', partnership_id: teachFirstOakwood.id } })
const noah = await leaver({ created_at: '2025-08-02T09:00:00Z', leaving_on: '2026-03-31', recorded_at: '2026-03-02T11:30:00Z' })

const liamOn = (status: string, updatedAt: string) => ({
  id: liam.id,
  type: 'participant-transfer',
  attributes: {
    transfers: [
      {
        training_record_id: liam.trainingRecordId,
        transfer_type: 'new_provider',
        status,
        created_at: '2026-02-23T10:00:00Z',
        leaving: { school_urn: '100001', provider: 'Ambition Institute', date: '2026-03-20' },
        joining: { school_urn: '100003', provider: 'Teach First', date: '2026-03-20' },
      },
    ],
    updated_at: updatedAt,
  },
})

describe('GET /api/v3/participants/{id}/transfers', () => {
  it('T-7, T-8, T-9, T-10, T-21: scenario 2 seen by both providers, incomplete then complete', async () => {
    for (const token of [ambition.token, teachFirst.token]) {
      const before = await t.request('GET', `/api/v3/participants/${liam.id}/transfers`, { token, date: '2026-03-02T16:00:00Z' })
      expect(before.status).toBe(200)
      expect(before.body).toEqual({ data: liamOn('incomplete', '2026-03-02T15:45:10Z') })
      const after = await t.request('GET', `/api/v3/participants/${liam.id}/transfers`, { token, date: '2026-03-20' })
      expect(after.body).toEqual({ data: liamOn('complete', '2026-03-20T00:00:00Z') })
    }
  })

  it('T-12, T-7: a leaver with no new school is unknown with joining null; C-58 stamp when it completes', async () => {
    const res = await t.request('GET', `/api/v3/participants/${noah.id}/transfers`, { token: ambition.token, date: '2026-04-01' })
    expect(res.body).toEqual({
      data: {
        id: noah.id,
        type: 'participant-transfer',
        attributes: {
          transfers: [
            {
              training_record_id: noah.trainingRecordId,
              transfer_type: 'unknown',
              status: 'complete',
              created_at: '2026-03-02T11:30:00Z',
              leaving: { school_urn: '100001', provider: 'Ambition Institute', date: '2026-03-31' },
              joining: null,
            },
          ],
          updated_at: '2026-03-30T23:00:00Z',
        },
      },
    })
  })

  it('T-6, T-26, C-28: a provider that sees neither side gets 404; so does a malformed id', async () => {
    expect((await t.request('GET', `/api/v3/participants/${noah.id}/transfers`, { token: teachFirst.token })).status).toBe(404)
    expect((await t.request('GET', `/api/v3/participants/${liam.id}/transfers`, { token: bystander.token })).status).toBe(404)
    expect((await t.request('GET', '/api/v3/participants/nope/transfers', { token: ambition.token })).status).toBe(404)
  })
})

describe('GET /api/v3/participants/transfers', () => {
  it('T-23, T-27: lists each teacher the caller sees a transfer of, oldest teacher first', async () => {
    const res = await t.request('GET', '/api/v3/participants/transfers', { token: ambition.token, date: '2026-03-20' })
    expect(res.status).toBe(200)
    expect(res.body.data.map((r: { id: string }) => r.id)).toEqual([liam.id, noah.id])
    const other = await t.request('GET', '/api/v3/participants/transfers', { token: teachFirst.token, date: '2026-03-20' })
    expect(other.body).toEqual({ data: [liamOn('complete', '2026-03-20T00:00:00Z')] })
  })

  it('T-24: filter[updated_since] keeps resources whose T-21 updated_at is at or after it', async () => {
    const res = await t.request('GET', '/api/v3/participants/transfers?filter[updated_since]=2026-03-20T00:00:00Z', { token: ambition.token, date: '2026-03-20T10:00:00Z' })
    expect(res.body.data.map((r: { id: string }) => r.id)).toEqual([liam.id])
    const bad = await t.request('GET', '/api/v3/participants/transfers?filter[updated_since]=2026-03-20', { token: ambition.token })
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual({ errors: [{ title: 'Bad request', detail: "The filter '#/updated_since' must be a valid ISO 8601 date-time, such as 2026-03-20T00:00:00Z: a date alone is not enough" }] })
  })

  it('T-25: sort=-updated_at, then paging (C-35)', async () => {
    const res = await t.request('GET', '/api/v3/participants/transfers?sort=-updated_at&page[per_page]=1&page[page]=1', { token: ambition.token, date: '2026-04-01' })
    expect(res.body.data.map((r: { id: string }) => r.id)).toEqual([noah.id])
    const past = await t.request('GET', '/api/v3/participants/transfers?page[per_page]=1&page[page]=3', { token: ambition.token })
    expect(past.body).toEqual({ data: [] })
  })

  it('C-8: no token is the 401', async () => {
    const res = await t.request('GET', '/api/v3/participants/transfers')
    expect(res.status).toBe(401)
  })
})
