import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../../../support/app.ts'
import * as f from '../../../../support/factories.ts'
import * as p from '../../../../support/factories-participants.ts'
import { ect, errors, mentor, scene, teacherRow } from './scene.ts'

const t = await setupTestApp()
const s = await scene(t)
const AT = '2025-09-01T08:12:40Z'
const NOT_FOUND = errors(['Resource not found', 'Nothing could be found for the provided details'])

async function registered(path = 'ects', body: Record<string, unknown> = path === 'ects' ? ect() : mentor()) {
  const res = await t.admin('POST', `/schools/100002/${path}`, body, { date: AT })
  expect(res.status).toBe(201)
  return res.body.data
}
const leave = (path: string, id: string, body: unknown, date = '2026-01-12T11:00:00Z') =>
  t.admin('POST', `/schools/100002/${path}/${id}/leaving`, body, { date })

describe('POST /api/admin/v1/schools/{urn}/ects/{participant_id}/leaving', () => {
  it('R-15: unknown URN, unknown or malformed participant, the other role or another school are 404; then the 400', async () => {
    const reg = await registered()
    expect((await t.admin('POST', `/schools/999999/ects/${reg.participant_id}/leaving`, 'x')).body).toEqual(NOT_FOUND)
    for (const path of [`/schools/100002/ects/not-a-uuid/leaving`, `/schools/100002/mentors/${reg.participant_id}/leaving`, `/schools/142857/ects/${reg.participant_id}/leaving`]) {
      const res = await t.admin('POST', path, { leaving_on: '2026-02-13' })
      expect(res.status).toBe(404)
      expect(res.body).toEqual(NOT_FOUND)
    }
    const bad = await leave('ects', reg.participant_id, [])
    expect(bad.status).toBe(400)
  })

  it('R-30: absent, not a date, more than 4 months ahead, on or before the start, on or before the latest started training', async () => {
    const reg = await registered()
    const check = async (body: unknown, detail: string, date?: string) => {
      const res = await leave('ects', reg.participant_id, body, date)
      expect(res.body).toEqual(errors(['leaving_on', detail]))
      expect(res.status).toBe(422)
    }
    await check({}, "Enter a '#/leaving_on'.")
    await check({ leaving_on: '2026-13-01' }, "The '#/leaving_on' must be a date in YYYY-MM-DD format.")
    await check({ leaving_on: '2026-05-13' }, 'Enter a date no further than 4 months from today')
    await check({ leaving_on: '2025-09-01' }, 'Our records show that Amira Khan started teaching at your school on 1 September 2025. Enter a date after 1 September 2025.')
    await t.admin('PUT', `/schools/100002/ects/${reg.participant_id}/training`, { training_programme: 'provider_led', lead_provider_id: s.ambition.id }, { date: '2025-11-03T10:05:00Z' })
    await check({ leaving_on: '2025-11-03' }, 'Our records show that Amira Khan started their latest training at your school on 3 November 2025. Enter a date after 3 November 2025.')
    const extra = await leave('ects', reg.participant_id, { leaving_on: '2026-01-01', colour: 'red' })
    expect(extra.body).toEqual(errors(['colour', "The '#/colour' is not a recognised field."]))
  })

  it('R-31: the period, its training and its mentorship finish; leaving_recorded_at is the first report', async () => {
    const reg = await registered()
    const m = await registered('mentors')
    await t.admin('PUT', `/schools/100002/ects/${reg.participant_id}/mentor`, { mentor_participant_id: m.participant_id }, { date: AT })
    const res = await leave('ects', reg.participant_id, { leaving_on: '2026-02-13' })
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ finished_on: '2026-02-13', reported_leaving_on: '2026-02-13', updated_at: '2026-01-12T11:00:00Z' })
    expect(res.body.data.training_periods).toMatchObject([{ started_on: '2025-09-01', finished_on: '2026-02-13' }])
    expect(res.body.data.mentorships).toEqual([{ id: res.body.data.mentorships[0].id, mentor_participant_id: m.participant_id, started_on: '2025-09-01', finished_on: '2026-02-13' }])
    expect((await teacherRow(t, reg.participant_id)).updated_at).toEqual(new Date('2026-01-12T11:00:00Z'))
    // T-16: a later date is never pushed later, only recorded; an earlier one brings the end forward.
    const later = await leave('ects', reg.participant_id, { leaving_on: '2026-03-01' }, '2026-01-20T09:00:00Z')
    expect(later.body.data).toMatchObject({ finished_on: '2026-02-13', reported_leaving_on: '2026-03-01' })
    const earlier = await leave('ects', reg.participant_id, { leaving_on: '2026-02-01' }, '2026-01-21T09:00:00Z')
    expect(earlier.body.data).toMatchObject({ finished_on: '2026-02-01', reported_leaving_on: '2026-02-01' })
    expect(earlier.body.data.training_periods[0].finished_on).toBe('2026-02-01')
    const period = await t.db.selectFrom('at_school_periods').select('leaving_recorded_at').where('id', '=', reg.id).executeTakeFirstOrThrow()
    expect(period.leaving_recorded_at).toEqual(new Date('2026-01-12T11:00:00Z'))
  })

  it('R-31, R-13: a mentor leaving ends the mentorships of their ECTs, whose teachers are bumped (R-14)', async () => {
    const reg = await registered()
    const m = await registered('mentors')
    await t.admin('PUT', `/schools/100002/ects/${reg.participant_id}/mentor`, { mentor_participant_id: m.participant_id }, { date: AT })
    const res = await leave('mentors', m.participant_id, { leaving_on: '2025-12-19' }, '2025-12-01T10:00:00Z')
    expect(res.body.data).toMatchObject({ role: 'mentor', finished_on: '2025-12-19', mentorships: [] })
    const ms = await t.db.selectFrom('mentorships').select('finished_on').where('ect_period_id', '=', reg.id).execute()
    expect(ms).toEqual([{ finished_on: '2025-12-19' }])
    expect((await teacherRow(t, reg.participant_id)).updated_at).toEqual(new Date('2025-12-01T10:00:00Z'))
  })

  it('R-12 cases 1 … 3 at the leaving date: finished kept, running finished, a confirmed future one emptied, an awaiting one deleted', async () => {
    const school = await f.school(t.db)
    const partnership = await p.partnership(t.db, { school_id: school.id, lead_provider_id: s.ambition.id, delivery_partner_id: s.northWest.id, cohort: 2025 })
    const teacher = await p.teacher(t.db, { first_name: 'Sam', last_name: 'Lee' })
    const period = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: school.id, started_on: '2025-09-01' })
    const kept = await p.trainingPeriod(t.db, period, { cohort: 2025, school_led: true, started_on: '2025-09-01', finished_on: '2025-10-01' })
    const running = await p.trainingPeriod(t.db, period, { cohort: 2025, school_led: true, started_on: '2025-10-01', finished_on: '2026-03-01' })
    const future = await p.trainingPeriod(t.db, period, { cohort: 2025, lead_provider_id: s.ambition.id, partnership_id: partnership.id, started_on: '2026-03-01', finished_on: '2026-04-01' })
    const awaiting = await p.trainingPeriod(t.db, period, { cohort: 2025, lead_provider_id: s.teachFirst.id, started_on: '2026-04-01' })
    const res = await t.admin('POST', `/schools/${school.urn}/ects/${teacher.id}/leaving`, { leaving_on: '2026-02-13' }, { date: '2026-01-12T11:00:00Z' })
    expect(res.status).toBe(200)
    expect(res.body.data.training_periods.map((tp: { id: string; started_on: string; finished_on: string }) => [tp.id, tp.started_on, tp.finished_on])).toEqual([
      [kept.id, '2025-09-01', '2025-10-01'],
      [running.id, '2025-10-01', '2026-02-13'],
      [future.id, '2026-02-13', '2026-02-13'],
    ])
    expect(await t.db.selectFrom('training_periods').select('id').where('id', '=', awaiting.id).executeTakeFirst()).toBeUndefined()
    const stamp = await t.db.selectFrom('partnerships').select('updated_at').where('id', '=', partnership.id).executeTakeFirstOrThrow()
    expect(stamp.updated_at).toEqual(new Date('2026-01-12T11:00:00Z'))
  })
})
