import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'

const t = await setupTestApp()
const ambition = await f.leadProvider(t.db, { name: 'Ambition Institute' })
const teachFirst = await f.leadProvider(t.db, { name: 'Teach First' })
const northern = await f.deliveryPartner(t.db, { name: 'Northern Lights Teaching Alliance', created_at: '2025-04-01T09:00:00Z', updated_at: '2025-05-02T10:06:00Z' })
const pennine = await f.deliveryPartner(t.db, { name: 'Pennine Learning Partnership', created_at: '2025-04-01T09:00:02Z', updated_at: '2025-05-02T10:07:00Z' })
const other = await f.deliveryPartner(t.db, { name: 'Someone Else', created_at: '2025-04-01T09:00:03Z' })
await f.pairing(t.db, ambition.id, northern.id, 2024)
await f.pairing(t.db, ambition.id, northern.id, 2025)
await f.pairing(t.db, ambition.id, pennine.id, 2025)
await f.pairing(t.db, teachFirst.id, other.id, 2025)

const northernJson = {
  id: northern.id,
  type: 'delivery-partner',
  attributes: { name: 'Northern Lights Teaching Alliance', created_at: '2025-04-01T09:00:00Z', updated_at: '2025-05-02T10:06:00Z', cohort: ['2024', '2025'] },
}
const pennineJson = {
  id: pennine.id,
  type: 'delivery-partner',
  attributes: { name: 'Pennine Learning Partnership', created_at: '2025-04-01T09:00:02Z', updated_at: '2025-05-02T10:07:00Z', cohort: ['2025'] },
}

describe('GET /api/v3/delivery-partners', () => {
  it('P-41: the worked example, filter[cohort]=2025 for Ambition Institute', async () => {
    const res = await t.request('GET', '/api/v3/delivery-partners?filter[cohort]=2025', { token: ambition.token })
    expect(res.status).toBe(200)
    expect(res.text).toBe(JSON.stringify({ data: [northernJson, pennineJson] }))
  })

  it('P-39: only delivery partners paired with the caller', async () => {
    const res = await t.request('GET', '/api/v3/delivery-partners', { token: teachFirst.token })
    expect(res.body.data.map((d: { id: string }) => d.id)).toEqual([other.id])
  })

  it('P-41: cohorts with no pairing of the caller match nothing (decided)', async () => {
    const res = await t.request('GET', '/api/v3/delivery-partners?filter[cohort]=2024', { token: ambition.token })
    expect(res.body).toEqual({ data: [northernJson] })
    const none = await t.request('GET', '/api/v3/delivery-partners?filter[cohort]=20A1', { token: ambition.token })
    expect(none.body).toEqual({ data: [] })
  })

  it('C-48: sort by -name', async () => {
    const res = await t.request('GET', '/api/v3/delivery-partners?sort=-name', { token: ambition.token })
    expect(res.body.data.map((d: { id: string }) => d.id)).toEqual([pennine.id, northern.id])
  })

  it('C-35: a page past the end is an empty list; per_page 0 is the 400', async () => {
    const past = await t.request('GET', '/api/v3/delivery-partners?page[page]=3&page[per_page]=1', { token: ambition.token })
    expect(past.body).toEqual({ data: [] })
    const bad = await t.request('GET', '/api/v3/delivery-partners?page[per_page]=0', { token: ambition.token })
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual({ errors: [{ title: 'Bad request', detail: "The '#/page[page]' and '#/page[per_page]' parameter values must be a valid positive number" }] })
  })
})

describe('GET /api/v3/delivery-partners/{id}', () => {
  it('P-42: one delivery partner with the caller\'s cohorts', async () => {
    const res = await t.request('GET', `/api/v3/delivery-partners/${northern.id.toUpperCase()}`, { token: ambition.token })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ data: northernJson })
  })

  it('P-39, C-28: another provider\'s delivery partner is a 404', async () => {
    const res = await t.request('GET', `/api/v3/delivery-partners/${other.id}`, { token: ambition.token })
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ errors: [{ title: 'Resource not found', detail: 'Nothing could be found for the provided details' }] })
  })

  it('C-16: a malformed id is a 404', async () => {
    const res = await t.request('GET', '/api/v3/delivery-partners/not-a-uuid', { token: ambition.token })
    expect(res.status).toBe(404)
  })

  it('C-8: no token is the 401 body', async () => {
    const res = await t.request('GET', `/api/v3/delivery-partners/${northern.id}`)
    expect(res.status).toBe(401)
    expect(res.text).toBe('{"error":"HTTP Token: Access denied"}')
    expect(res.headers['www-authenticate']).toBeUndefined()
  })
})
