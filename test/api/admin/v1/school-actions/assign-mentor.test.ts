import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../../../support/app.ts'
import { ect, errors, mentor, scene, teacherRow } from './scene.ts'

const t = await setupTestApp()
await scene(t)
const AT = '2025-09-01T08:12:40Z'
const NOW = '2025-11-12T09:30:12Z'

async function registered(path: 'ects' | 'mentors', fields: Record<string, unknown> = {}, urn = '100002') {
  const res = await t.admin('POST', `/schools/${urn}/${path}`, path === 'ects' ? ect(fields) : mentor(fields), { date: AT })
  expect(res.status).toBe(201)
  return res.body.data
}
const assign = (ectId: string, body: unknown, date = NOW) => t.admin('PUT', `/schools/100002/ects/${ectId}/mentor`, body, { date })
const mentorships = (res: { body: any }) => res.body.data.mentorships.map((m: Record<string, string>) => [m.mentor_participant_id, m.started_on, m.finished_on])

describe('PUT /api/admin/v1/schools/{urn}/ects/{participant_id}/mentor', () => {
  it('R-25, R-42 step 4: the mentorship starts today by default and the ECT is bumped (R-14)', async () => {
    const e = await registered('ects')
    const m = await registered('mentors', { started_on: '2025-11-12' })
    const res = await assign(e.participant_id, { mentor_participant_id: m.participant_id })
    expect(res.status).toBe(200)
    expect(res.body.data.mentorships).toEqual([{ id: res.body.data.mentorships[0].id, mentor_participant_id: m.participant_id, started_on: '2025-11-12', finished_on: null }])
    expect(res.body.data.updated_at).toBe(NOW)
    expect((await teacherRow(t, e.participant_id)).updated_at).toEqual(new Date(NOW))
  })

  it('R-15: mentors have no mentor action; the ECT must be at this school', async () => {
    const m = await registered('mentors')
    expect((await t.admin('PUT', `/schools/100002/mentors/${m.participant_id}/mentor`, {})).status).toBe(404)
    expect((await assign(m.participant_id, {})).status).toBe(404)
    const e = await registered('ects')
    expect((await t.admin('PUT', `/schools/142857/ects/${e.participant_id}/mentor`, {})).status).toBe(404)
  })

  it('R-24 participant_id: the ECT period is finished', async () => {
    const e = await registered('ects')
    await t.admin('POST', `/schools/100002/ects/${e.participant_id}/leaving`, { leaving_on: '2025-10-31' }, { date: '2025-10-01T09:00:00Z' })
    const m = await registered('mentors')
    expect((await assign(e.participant_id, { mentor_participant_id: m.participant_id })).body).toEqual(errors(['participant_id', 'Amira Khan left your school on 31 October 2025']))
  })

  it('R-24 mentor_participant_id: absent, not a UUID, not a mentor here, finished, the ECT themself, already assigned', async () => {
    const e = await registered('ects')
    const check = async (body: unknown, detail: string) => expect((await assign(e.participant_id, body)).body).toEqual(errors(['mentor_participant_id', detail]))
    await check({}, "Enter a '#/mentor_participant_id'.")
    await check({ mentor_participant_id: 'david' }, "The '#/mentor_participant_id' must be a UUID.")
    await check({ mentor_participant_id: e.participant_id }, 'This person is not registered as a mentor at your school')
    const elsewhere = await registered('mentors', {}, '142857')
    await check({ mentor_participant_id: elsewhere.participant_id }, 'This person is not registered as a mentor at your school')
    const gone = await registered('mentors')
    await t.admin('POST', `/schools/100002/mentors/${gone.participant_id}/leaving`, { leaving_on: '2025-11-01' }, { date: '2025-10-01T09:00:00Z' })
    await check({ mentor_participant_id: gone.participant_id }, 'This person is not registered as a mentor at your school')
    const self = await t.admin('POST', '/schools/100002/mentors', { ...mentor(), trn: e.trn, first_name: 'Amira', last_name: 'Khan', date_of_birth: '1997-03-14' }, { date: AT })
    expect(self.status).toBe(201)
    await check({ mentor_participant_id: e.participant_id }, 'A mentee cannot mentor themself')
    const m = await registered('mentors')
    expect((await assign(e.participant_id, { mentor_participant_id: m.participant_id })).status).toBe(200)
    await check({ mentor_participant_id: m.participant_id, started_on: '2025-12-01' }, 'This mentor is already assigned to this ECT')
  })

  it('R-24 started_on: not a date, before either period, on or after either end, on or before a started mentorship', async () => {
    const e = await registered('ects')
    const m = await registered('mentors', { started_on: '2025-10-01' })
    const check = async (started_on: unknown, detail: string, date = NOW) =>
      expect((await assign(e.participant_id, { mentor_participant_id: m.participant_id, started_on }, date)).body).toEqual(errors(['started_on', detail]))
    await check('tomorrow', "The '#/started_on' must be a date in YYYY-MM-DD format.")
    await check('2025-09-15', 'Enter a date on or after 1 October 2025, when both the ECT and the mentor are at your school')
    await t.admin('POST', `/schools/100002/mentors/${m.participant_id}/leaving`, { leaving_on: '2026-01-31' }, { date: NOW })
    await check('2026-01-31', 'Enter a date before 31 January 2026, when the ECT or the mentor leaves your school')
    const first = await assign(e.participant_id, { mentor_participant_id: m.participant_id, started_on: '2025-10-01' })
    expect(mentorships(first)).toEqual([[m.participant_id, '2025-10-01', '2026-01-31']])
    const other = await registered('mentors', { first_name: 'Priya', last_name: 'Shah' })
    const res = await assign(e.participant_id, { mentor_participant_id: other.participant_id, started_on: '2025-10-01' })
    expect(res.body).toEqual(errors(['started_on', 'Our records show that Amira Khan has been mentored by David Okafor since 1 October 2025. Enter a date after 1 October 2025.']))
  })

  it('R-25, R-13: a new mentor from F finishes the running mentorship on F and deletes later ones', async () => {
    const e = await registered('ects')
    const [a, b, c] = [await registered('mentors'), await registered('mentors'), await registered('mentors')]
    await assign(e.participant_id, { mentor_participant_id: a.participant_id, started_on: '2025-09-01' })
    await assign(e.participant_id, { mentor_participant_id: b.participant_id, started_on: '2025-12-01' })
    const res = await assign(e.participant_id, { mentor_participant_id: c.participant_id, started_on: '2025-11-20' })
    expect(mentorships(res)).toEqual([[a.participant_id, '2025-09-01', '2025-11-20'], [c.participant_id, '2025-11-20', null]])
  })
})
