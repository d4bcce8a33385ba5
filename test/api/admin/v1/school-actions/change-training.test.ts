import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../../../support/app.ts'
import * as f from '../../../../support/factories.ts'
import * as p from '../../../../support/factories-participants.ts'
import { ect, errors, mentor, registration, scene, teacherRow, training } from './scene.ts'

const t = await setupTestApp()
const s = await scene(t)
const AT = '2025-09-01T08:12:40Z'
const NOW = '2025-11-03T10:05:00Z'

async function registered(path = 'ects', body: Record<string, unknown> = path === 'ects' ? ect() : mentor(), urn = '100002') {
  const res = await t.admin('POST', `/schools/${urn}/${path}`, body, { date: AT })
  expect(res.status).toBe(201)
  return res.body.data
}
const change = (path: string, id: string, body: unknown, date = NOW, urn = '100002') => t.admin('PUT', `/schools/${urn}/${path}/${id}/training`, body, { date })
const providerLed = (fields: Record<string, unknown> = {}) => ({ training_programme: 'provider_led', lead_provider_id: s.ambition.id, ...fields })

describe('PUT /api/admin/v1/schools/{urn}/ects/{participant_id}/training', () => {
  it('R-42 step 2, R-28, D-37: school-led to provider-led from 2025-11-03, awaiting a partnership', async () => {
    const body = ect()
    const reg = await registered('ects', body)
    const res = await change('ects', reg.participant_id, providerLed({ started_on: '2025-11-03' }))
    expect(res.status).toBe(200)
    expect(res.text).toBe(JSON.stringify({
      data: registration({
        id: reg.id, participant_id: reg.participant_id, trn: body.trn, email: body.email, created_at: AT, updated_at: NOW,
        training_periods: [
          training({ id: reg.training_periods[0].id, training_programme: 'school_led', finished_on: '2025-11-03' }),
          training({ id: res.body.data.training_periods[1].id, lead_provider_id: s.ambition.id, lead_provider_name: 'Ambition Institute', schedule_identifier: 'ecf-standard-january', started_on: '2025-11-03' }),
        ],
      }),
    }))
    expect((await teacherRow(t, reg.participant_id)).updated_at).toEqual(new Date(NOW))
  })

  it('R-15: the participant must be at this school in the path’s role', async () => {
    const reg = await registered('mentors')
    expect((await change('ects', reg.participant_id, providerLed())).status).toBe(404)
    expect((await change('mentors', reg.participant_id, providerLed(), NOW, '142857')).status).toBe(404)
    expect((await change('mentors', reg.participant_id, 'x')).status).toBe(400)
  })

  it('R-27 participant_id: the at-school period is finished', async () => {
    const reg = await registered()
    await t.admin('POST', `/schools/100002/ects/${reg.participant_id}/leaving`, { leaving_on: '2025-10-31' }, { date: '2025-10-01T09:00:00Z' })
    const res = await change('ects', reg.participant_id, providerLed({ colour: 1 }))
    expect(res.body).toEqual(errors(['participant_id', 'Amira Khan left your school on 31 October 2025'], ['colour', "The '#/colour' is not a recognised field."]))
  })

  it('R-27 training_programme: absent, other value, already school-led (ECT), absent training (mentor)', async () => {
    const reg = await registered()
    expect((await change('ects', reg.participant_id, {})).body).toEqual(errors(['training_programme', "Enter a '#/training_programme'."]))
    expect((await change('ects', reg.participant_id, { training_programme: 'x' })).body).toEqual(errors(['training_programme', "The '#/training_programme' must be one of: provider_led, school_led."]))
    expect((await change('ects', reg.participant_id, { training_programme: 'school_led' })).body).toEqual(errors(['training_programme', 'The training is already school-led']))
    const m = await registered('mentors')
    expect((await change('mentors', m.participant_id, { training_programme: 'school_led' })).body).toEqual(errors(['training_programme', 'The training is already school-led']))
  })

  it('R-27 lead_provider_id: as R-20, and the training in force already has this lead provider', async () => {
    const reg = await registered()
    const check = async (body: unknown, detail: string) => expect((await change('ects', reg.participant_id, body)).body).toEqual(errors(['lead_provider_id', detail]))
    await check({ training_programme: 'provider_led' }, "Enter a '#/lead_provider_id'.")
    await check(providerLed({ lead_provider_id: 'x' }), "The '#/lead_provider_id' must be a UUID.")
    await check(providerLed({ lead_provider_id: s.northWest.id }), "The '#/lead_provider_id' you have entered is invalid.")
    expect((await change('ects', reg.participant_id, { training_programme: 'school_led', lead_provider_id: s.ambition.id })).body).toEqual(
      errors(['training_programme', 'The training is already school-led'], ['lead_provider_id', 'A lead provider can only be given for provider-led training']),
    )
    const unpaired = await f.leadProvider(t.db, { name: 'Capita' })
    await check(providerLed({ lead_provider_id: unpaired.id }), 'Capita is not working with schools in the 2025 cohort. Select a different lead provider')
    expect((await change('ects', reg.participant_id, providerLed())).status).toBe(200)
    await check(providerLed({ started_on: '2025-12-01' }), 'Select a different lead provider')
  })

  it('R-27 started_on: not a date, before the period, on or after its end, on or before the latest training started before today', async () => {
    const reg = await registered()
    const check = async (body: unknown, detail: string, date = NOW) => expect((await change('ects', reg.participant_id, body, date)).body).toEqual(errors(['started_on', detail]))
    await check(providerLed({ started_on: 'soon' }), "The '#/started_on' must be a date in YYYY-MM-DD format.")
    await check(providerLed({ started_on: '2025-08-31' }), 'Enter a date on or after 1 September 2025, when Amira Khan started at your school')
    await check(providerLed({ started_on: '2025-09-01' }), 'Our records show that Amira Khan started their latest training at your school on 1 September 2025. Enter a date after 1 September 2025.')
    await t.admin('POST', `/schools/100002/ects/${reg.participant_id}/leaving`, { leaving_on: '2026-01-31' }, { date: NOW })
    await check(providerLed({ started_on: '2026-01-31' }), 'Enter a date before 31 January 2026, when Amira Khan leaves your school')
    // a past date is accepted when it empties no started training.
    const back = await change('ects', reg.participant_id, providerLed({ started_on: '2025-10-01' }))
    expect(back.body.data.training_periods.map((tp: { started_on: string; finished_on: string }) => [tp.started_on, tp.finished_on])).toEqual([['2025-09-01', '2025-10-01'], ['2025-10-01', '2026-01-31']])
  })

  it('R-27 cohort: not a year, no such cohort, payments-frozen today', async () => {
    const reg = await registered()
    const check = async (cohort: unknown, detail: string) => expect((await change('ects', reg.participant_id, providerLed({ cohort }))).body).toEqual(errors(['cohort', detail]))
    await check('twenty', 'The \'#/cohort\' must be a year such as "2025".')
    await check('2040', "The '#/cohort' you have entered is invalid.")
    await t.db.updateTable('cohorts').set({ payments_frozen_on: '2025-10-01' }).where('year', '=', 2023).execute()
    await check('2023', 'You cannot register a participant in a payments frozen cohort')
    await t.db.updateTable('cohorts').set({ payments_frozen_on: null }).where('year', '=', 2023).execute()
  })
})

describe('R-28, R-29: effects', () => {
  it('R-12 case 2 (R-29): an awaiting-partnership period is deleted by a change; R-42 the lead provider never saw it', async () => {
    const reg = await registered('ects', ect(providerLed()))
    const res = await change('ects', reg.participant_id, { training_programme: 'school_led' })
    expect(res.body.data.training_periods).toEqual([training({ id: res.body.data.training_periods[0].id, training_programme: 'school_led', started_on: '2025-11-03' })])
  })

  it('R-12 case 3: a confirmed period not yet started becomes [F, F); R-28 the cohort is kept; D-37 rule 2 keeps the schedule', async () => {
    const school = await f.school(t.db)
    await f.pairing(t.db, s.ambition.id, s.northWest.id, 2024)
    await f.pairing(t.db, s.teachFirst.id, s.northWest.id, 2024)
    const partnership = await p.partnership(t.db, { school_id: school.id, lead_provider_id: s.ambition.id, delivery_partner_id: s.northWest.id, cohort: 2024 })
    const teacher = await p.teacher(t.db, { first_name: 'Sam', last_name: 'Lee' })
    const period = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: school.id, started_on: '2025-09-01' })
    const future = await p.trainingPeriod(t.db, period, { cohort: 2024, lead_provider_id: s.ambition.id, partnership_id: partnership.id, started_on: '2025-12-01', schedule_identifier: 'ecf-standard-september' })
    const res = await change('ects', teacher.id, { training_programme: 'provider_led', lead_provider_id: s.teachFirst.id }, NOW, school.urn)
    expect(res.status).toBe(200)
    expect(res.body.data.training_periods).toEqual([
      training({ id: future.id, lead_provider_id: s.ambition.id, lead_provider_name: 'Ambition Institute', cohort: '2024', partnership_id: partnership.id, delivery_partner_id: s.northWest.id, schedule_identifier: 'ecf-standard-september', started_on: '2025-11-03', finished_on: '2025-11-03' }),
      training({ id: res.body.data.training_periods[1].id, lead_provider_id: s.teachFirst.id, lead_provider_name: 'Teach First', cohort: '2024', schedule_identifier: 'ecf-standard-september', started_on: '2025-11-03' }),
    ])
    const stamp = await t.db.selectFrom('partnerships').select('updated_at').where('id', '=', partnership.id).executeTakeFirstOrThrow()
    expect(stamp.updated_at).toEqual(new Date(NOW))
  })

  it('R-29, R-9: a mentor changed to school-led gets no training; the first provider-led mentor training sets the funding fact', async () => {
    const m = await registered('mentors')
    expect((await teacherRow(t, m.participant_id)).mentor_eligible_for_funding_at).toBeNull()
    const led = await change('mentors', m.participant_id, providerLed())
    expect(led.body.data.training_periods).toMatchObject([{ training_programme: 'provider_led', started_on: '2025-11-03', schedule_identifier: 'ecf-standard-january' }])
    expect((await teacherRow(t, m.participant_id)).mentor_eligible_for_funding_at).toEqual(new Date(NOW))
    // R-12 case 2: the awaiting-partnership period is withdrawn, not finished.
    const back = await change('mentors', m.participant_id, { training_programme: 'school_led', started_on: '2025-12-01' })
    expect(back.body.data.training_periods).toEqual([])
  })

  it('R-29, P-5: the new training attaches to the school’s partnership when there is one', async () => {
    const school = await f.school(t.db)
    const partnership = await p.partnership(t.db, { school_id: school.id, lead_provider_id: s.ambition.id, delivery_partner_id: s.northWest.id, cohort: 2025 })
    const reg = await registered('ects', ect(), school.urn)
    const res = await change('ects', reg.participant_id, providerLed(), NOW, school.urn)
    expect(res.body.data.training_periods[1]).toMatchObject({ partnership_id: partnership.id, delivery_partner_id: s.northWest.id, cohort: '2025' })
  })
})
