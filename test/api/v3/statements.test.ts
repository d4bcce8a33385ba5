import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import * as d from '../../support/factories-declarations.ts'

const t = await setupTestApp()
await f.cohort(t.db, 2024)
await f.cohort(t.db, 2025)
const teachFirst = await d.provider(t.db, 2025, 'Teach First')
const ambition = await d.provider(t.db, 2025, 'Ambition Institute')
const apr = await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2025, year: 2027, month: 4, cut_off_date: '2027-03-31', payment_date: '2027-04-25', created_at: '2025-07-01T10:00:13Z' })
const jan = await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2025, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' })
const old = await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2024, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25', status: 'paid', created_at: '2025-07-01T10:00:14Z' })
const theirs = await d.statement(t.db, { lead_provider_id: ambition.id, cohort: 2025, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' })

const get = (token: string, path = '') => t.request('GET', `/api/v3/statements${path}`, { token })
const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((x) => x.id)
const NOT_FOUND = { errors: [{ title: 'Resource not found', detail: 'Nothing could be found for the provided details' }] }

describe('GET /api/v3/statements', () => {
  it("D-64: the worked example — the caller's statements, attributes in order, no type or status", async () => {
    const res = await get(teachFirst.token, '?filter[cohort]=2025&page[per_page]=1')
    expect(res.status).toBe(200)
    expect(res.text).toBe(
      JSON.stringify({
        data: [
          {
            id: jan.id,
            type: 'statement',
            attributes: {
              month: 'January', year: '2027', cohort: '2025', cut_off_date: '2026-12-31', payment_date: '2027-01-25', paid: false,
              created_at: '2025-07-01T10:00:12Z', updated_at: '2025-07-01T10:00:12Z',
            },
          },
        ],
      }),
    )
  })

  it('D-64, C-48: ordered by payment_date, then id; sort is ignored; every cohort', async () => {
    const expected = [jan.id, old.id].sort()
    expect(ids(await get(teachFirst.token, '?sort=-created_at'))).toEqual([...expected, apr.id])
    expect(ids(await get(ambition.token))).toEqual([theirs.id])
  })

  it('D-64, C-40 … C-44: filters cohort and updated_since', async () => {
    expect(ids(await get(teachFirst.token, '?filter[cohort]=2024'))).toEqual([old.id])
    expect((await get(teachFirst.token, '?filter[cohort]=abc')).text).toBe('{"data":[]}')
    expect(ids(await get(teachFirst.token, '?filter[updated_since]=2025-07-01T10:00:13Z'))).toEqual([old.id, apr.id])
    const bad = await get(teachFirst.token, '?filter[updated_since]=yesterday')
    expect(bad.status).toBe(400)
  })

  it('D-64: paid is the status paid', async () => {
    const res = await get(teachFirst.token, `/${old.id}`)
    expect(res.body.data.attributes.paid).toBe(true)
  })

  it('D-65: the stamp moves with the statement row, not when declarations attach', async () => {
    const scene = await d.trainee(t.db, teachFirst, { cohort: 2025, started_on: '2025-09-01' })
    await t.request('POST', '/api/v3/participant-declarations', {
      token: teachFirst.token,
      date: '2026-11-23T10:00:00Z',
      body: d.declarationBody({ participant_id: scene.teacherId, declaration_type: 'started', declaration_date: '2026-11-20T09:00:00Z', course_identifier: 'ecf-induction', evidence_held: 'other' }),
    })
    expect((await get(teachFirst.token, `/${jan.id}`)).body.data.attributes.updated_at).toBe('2025-07-01T10:00:12Z')
    await t.admin('POST', `/statements/${jan.id}/mark-payable`, undefined, { date: '2027-01-02T09:00:00Z' })
    expect((await get(teachFirst.token, `/${jan.id}`)).body.data.attributes.updated_at).toBe('2027-01-02T09:00:00Z')
  })
})

describe('GET /api/v3/statements/{id}', () => {
  it("D-64, C-28: another lead provider's statement, an unknown or a malformed id is the 404", async () => {
    for (const id of [theirs.id, '45146ec2-594a-495a-bb02-8b2280a3deaf', 'x']) {
      const res = await get(teachFirst.token, `/${id}`)
      expect([res.status, res.body]).toEqual([404, NOT_FOUND])
    }
  })

  it('D-66: a statement names the cohort it pays', async () => {
    const res = await get(teachFirst.token, `/${apr.id}`)
    expect(res.body.data.attributes).toMatchObject({ month: 'April', year: '2027', cohort: '2025' })
  })

  it('C-8: no token is the 401', async () => {
    expect((await t.request('GET', `/api/v3/statements/${jan.id}`)).status).toBe(401)
  })
})
