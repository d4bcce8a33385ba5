import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../../../support/app.ts'
import * as f from '../../../../support/factories.ts'
import * as p from '../../../../support/factories-participants.ts'
import { ect, errors, mentor, registration, schoolCohortStamp, scene, teacherRow, training, type Body } from './scene.ts'

const t = await setupTestApp()
const s = await scene(t)
const AT = '2025-09-01T08:12:40Z'
const post = (path: string, body: unknown, date = AT) => t.admin('POST', `/schools/${path}`, body, { date })

describe('POST /api/admin/v1/schools/{urn}/ects', () => {
  it('R-16, R-42 step 1: a school-led ECT answers 201 with the registration resource exactly', async () => {
    const body = ect()
    const res = await post('100002/ects', body)
    expect(res.status).toBe(201)
    const { id, participant_id, training_periods } = res.body.data
    expect(res.text).toBe(
      JSON.stringify({
        data: registration({
          id,
          participant_id,
          trn: body.trn,
          email: body.email,
          training_periods: [training({ id: training_periods[0].id, training_programme: 'school_led' })],
          created_at: AT,
        }),
      }),
    )
  })

  it('R-23: the worked 422 example', async () => {
    const res = await post('100002/ects', {
      trn: '30123', first_name: 'Amira', last_name: 'Khan', email: 'amira.khan@riverside.example.sch.uk',
      started_on: '2025-09-01', working_pattern: 'full_time', training_programme: 'provider_led', colour: 'blue',
    })
    expect(res.status).toBe(422)
    expect(res.text).toBe(JSON.stringify(errors(
      ['trn', "The '#/trn' must be 7 digits."],
      ['date_of_birth', "Enter a '#/date_of_birth'."],
      ['lead_provider_id', "Enter a '#/lead_provider_id'."],
      ['colour', "The '#/colour' is not a recognised field."],
    )))
  })

  it('R-15: an unknown URN is a 404 before the body is read; a body that is not an object is a 400', async () => {
    expect(await post('999999/ects', 'nonsense')).toMatchObject({ status: 404, body: errors(['Resource not found', 'Nothing could be found for the provided details']) })
    for (const [body, kind] of [[[1], 'an array'], ['text', 'a string'], [42, 'a number']]) {
      const res = await post('100002/ects', body)
      expect(res.status).toBe(400)
      expect(res.body).toEqual(errors(['Bad request', `The request body must be a JSON object of fields, not ${kind}.`]))
    }
    const empty = await post('100002/ects', {})
    expect(empty.body.errors.map((e: Body) => e.title)).toEqual(['trn', 'first_name', 'last_name', 'date_of_birth', 'email', 'started_on', 'working_pattern', 'training_programme'])
  })

  it('C-72: the operator API needs the admin token', async () => {
    const res = await t.request('POST', '/api/admin/v1/schools/100002/ects', { token: s.ambition.token, body: ect() })
    expect(res.status).toBe(401)
  })
})

describe('R-20: validation, row by row', () => {
  const expect422 = async (path: string, body: unknown, ...pairs: [string, string][]) => {
    const res = await post(path, body)
    expect(res.body).toEqual(errors(...pairs))
    expect(res.status).toBe(422)
  }

  it('R-20 trn: absent, not 7 digits, already registered as an ECT (and as a mentor) at this school', async () => {
    await expect422('100002/ects', ect({ trn: undefined }), ['trn', "Enter a '#/trn'."])
    await expect422('100002/ects', ect({ trn: '30123456' }), ['trn', "The '#/trn' must be 7 digits."])
    await expect422('100002/ects', ect({ trn: 3012345 }), ['trn', "The '#/trn' must be 7 digits."])
    const first = ect()
    expect((await post('100002/ects', first)).status).toBe(201)
    await expect422('100002/ects', { ...first, started_on: '2025-10-01' }, ['trn', 'Amira Khan is already registered as an ECT at this school'])
    const m = mentor()
    expect((await post('100002/mentors', m)).status).toBe(201)
    await expect422('100002/mentors', { ...m, started_on: '2025-10-01' }, ['trn', 'David Okafor is already registered as a mentor at this school'])
  })

  it('R-20 first_name, last_name: absent, not a string, over 100 characters after trimming', async () => {
    await expect422('100002/ects', ect({ first_name: '  ', last_name: 7 }), ['first_name', "Enter a '#/first_name'."], ['last_name', "The '#/last_name' must be a string."])
    await expect422('100002/ects', ect({ first_name: 'A'.repeat(101), last_name: undefined }), ['first_name', "The '#/first_name' must be 100 characters or fewer."], ['last_name', "Enter a '#/last_name'."])
    const res = await post('100002/ects', ect({ first_name: `  ${'A'.repeat(100)}  ` }))
    expect(res.status).toBe(201)
    expect(res.body.data.first_name).toBe('A'.repeat(100))
  })

  it('R-20 date_of_birth: absent, not a date, over 100, under 18, not the stored one', async () => {
    await expect422('100002/ects', ect({ date_of_birth: undefined }), ['date_of_birth', "Enter a '#/date_of_birth'."])
    await expect422('100002/ects', ect({ date_of_birth: '1997-02-30' }), ['date_of_birth', "The '#/date_of_birth' must be a date in YYYY-MM-DD format."])
    await expect422('100002/ects', ect({ date_of_birth: '1925-08-31' }), ['date_of_birth', 'The teacher cannot be more than 100 years old'])
    expect((await post('100002/ects', ect({ date_of_birth: '1925-09-01' }))).status).toBe(201)
    await expect422('100002/ects', ect({ date_of_birth: '2007-09-02' }), ['date_of_birth', 'The teacher cannot be less than 18 years old'])
    expect((await post('100002/ects', ect({ date_of_birth: '2007-09-01' }))).status).toBe(201)
    const known = await p.teacher(t.db)
    await expect422('100002/ects', ect({ trn: known.trn }), ['date_of_birth', 'The date of birth does not match our records for this teacher reference number'])
  })

  it('R-20 email: absent, not an email address (Notify rules) or over 254 characters, in use by another teacher', async () => {
    await expect422('100002/ects', ect({ email: '' }), ['email', "Enter a '#/email'."])
    for (const email of ['amira', 'amira@school', 'amira..khan@school.uk', 'amira@-school.uk', `${'a'.repeat(243)}@school.uk.x`]) {
      await expect422('100002/ects', ect({ email }), ['email', "The '#/email' must be an email address."])
    }
    const other = await p.teacher(t.db)
    const period = await p.atSchoolPeriod(t.db, { teacher_id: other.id, school_id: s.oakfield.id, role: 'mentor', started_on: '2024-09-01', email: 'Shared@School.uk' })
    await expect422('100002/ects', ect({ email: 'shared@school.uk' }), ['email', 'This email is already in use for a different ECT or mentor'])
    await t.db.updateTable('at_school_periods').set({ finished_on: '2025-09-01' }).where('id', '=', period.id).execute()
    expect((await post('100002/ects', ect({ email: 'shared@school.uk' }))).status).toBe(201)
  })

  it('R-20 started_on: absent, not a date, too far in the past', async () => {
    await expect422('100002/ects', ect({ started_on: undefined }), ['started_on', "Enter a '#/started_on'."])
    await expect422('100002/ects', ect({ started_on: '1 Sept' }), ['started_on', "The '#/started_on' must be a date in YYYY-MM-DD format."])
    await expect422('100002/ects', ect({ started_on: '2023-05-31' }), ['started_on', 'Start date cannot be this far in the past. Enter a date on or after 1 June 2023.'])
    expect((await post('100002/ects', ect({ started_on: '2023-06-01' }))).status).toBe(201)
  })

  it('R-20 started_on, T-17: on or before the latest period’s start, its latest started training, 4 months ahead', async () => {
    const body = ect()
    expect((await post('142857/ects', { ...body, started_on: '2025-09-01', email: 'a.khan@oakfield.sch.uk' })).status).toBe(201)
    await expect422('100002/ects', { ...body, started_on: '2025-09-01' }, ['started_on', 'Our records show that Amira Khan started teaching at Oakfield Primary School on 1 September 2025. Enter a start date after 1 September 2025.'])
    const m = mentor()
    expect((await post('142857/mentors', { ...m, email: 'd.okafor@oakfield.sch.uk' })).status).toBe(201)
    await expect422('100002/mentors', { ...m, started_on: '2025-08-01' }, ['started_on', 'Our records show that David Okafor started ECT mentoring at Oakfield Primary School on 1 September 2025. Enter a start date after 1 September 2025.'])
    // A change of training at Oakfield on 2025-10-01 (started) blocks a start on or before it.
    const later = { date: '2025-10-01T09:00:00Z' }
    const id = (await t.db.selectFrom('teachers').select('id').where('trn', '=', body.trn).executeTakeFirstOrThrow()).id
    const changed = await t.admin('PUT', `/schools/142857/ects/${id}/training`, { training_programme: 'provider_led', lead_provider_id: s.ambition.id }, later)
    expect(changed.status).toBe(200)
    const res = await t.admin('POST', '/schools/100002/ects', { ...body, started_on: '2025-10-01' }, later)
    expect(res.body).toEqual(errors(['started_on', 'Our records show that Amira Khan started their latest training at Oakfield Primary School on 1 October 2025. Enter a start date after 1 October 2025.']))
    const ahead = await t.admin('POST', '/schools/100002/ects', { ...body, started_on: '2026-02-02' }, later)
    expect(ahead.body).toEqual(errors(['started_on', 'Start date must be on or before 1 February 2026. You cannot register the ECT this far in advance.']))
    expect((await t.admin('POST', '/schools/100002/ects', { ...body, started_on: '2026-02-01' }, later)).status).toBe(201)
  })

  it('R-20 working_pattern: absent, other value; not a mentor field (C-76)', async () => {
    await expect422('100002/ects', ect({ working_pattern: undefined }), ['working_pattern', "Enter a '#/working_pattern'."])
    await expect422('100002/ects', ect({ working_pattern: 'sometimes' }), ['working_pattern', "The '#/working_pattern' must be one of: full_time, part_time."])
    await expect422('100002/mentors', { ...mentor(), working_pattern: 'full_time' }, ['working_pattern', "The '#/working_pattern' is not a recognised field."])
  })

  it('R-20 training_programme: absent, other value, a mentor who completed cannot be provider-led again', async () => {
    await expect422('100002/ects', ect({ training_programme: undefined }), ['training_programme', "Enter a '#/training_programme'."])
    await expect422('100002/ects', ect({ training_programme: 'fip' }), ['training_programme', "The '#/training_programme' must be one of: provider_led, school_led."])
    const done = await p.teacher(t.db, { first_name: 'Jo', last_name: 'Bloggs', mentor_ineligible_for_funding_on: '2025-07-31' })
    const m = mentor({ trn: done.trn, date_of_birth: '1995-01-01' })
    await expect422('100002/mentors', { ...m, training_programme: 'provider_led', lead_provider_id: s.ambition.id }, ['training_programme', 'Jo Bloggs has completed mentor training and cannot be registered for provider-led training again'])
    expect((await post('100002/mentors', m)).status).toBe(201)
  })

  it('R-20 lead_provider_id: absent, not a UUID, unknown, given with school_led, not available in the cohort', async () => {
    const providerLed = (lead_provider_id: unknown) => ect({ training_programme: 'provider_led', lead_provider_id })
    await expect422('100002/ects', providerLed(null), ['lead_provider_id', "Enter a '#/lead_provider_id'."])
    await expect422('100002/ects', providerLed('ambition'), ['lead_provider_id', "The '#/lead_provider_id' must be a UUID."])
    await expect422('100002/ects', providerLed('00000000-0000-4000-8000-000000000000'), ['lead_provider_id', "The '#/lead_provider_id' you have entered is invalid."])
    await expect422('100002/ects', ect({ lead_provider_id: s.ambition.id }), ['lead_provider_id', 'A lead provider can only be given for provider-led training'])
    await expect422('100002/ects', ect({ lead_provider_id: 'x' }), ['lead_provider_id', 'A lead provider can only be given for provider-led training'])
    const unpaired = await f.leadProvider(t.db, { name: 'Best Practice Network' })
    await expect422('100002/ects', providerLed(unpaired.id), ['lead_provider_id', 'Best Practice Network is not working with schools in the 2025 cohort. Select a different lead provider'])
  })

  it('R-20 cohort: not a year, no such cohort, payments-frozen, no cohort for the start date', async () => {
    await expect422('100002/ects', ect({ cohort: '25' }), ['cohort', 'The \'#/cohort\' must be a year such as "2025".'])
    await expect422('100002/ects', ect({ cohort: '2031' }), ['cohort', "The '#/cohort' you have entered is invalid."])
    await f.cohort(t.db, 2022)
    await t.db.updateTable('cohorts').set({ payments_frozen_on: '2025-08-01' }).where('year', '=', 2022).execute()
    await expect422('100002/ects', ect({ cohort: 2022 }), ['cohort', 'You cannot register a participant in a payments frozen cohort'])
    await expect422('100002/ects', ect({ started_on: '2027-07-01' }), ['cohort', 'There is no cohort for a start date of 1 July 2027'])
    // A school-led mentor creates no training, so no cohort is needed.
    expect((await post('100002/mentors', mentor({ started_on: '2027-07-01' }))).status).toBe(201)
  })

  it('R-20 partnership_id and use_previous_partnership: format, only provider-led, a partnership of this school', async () => {
    await expect422('100002/ects', ect({ partnership_id: 'p-1', use_previous_partnership: 'yes' }),
      ['partnership_id', "The '#/partnership_id' must be a UUID."], ['use_previous_partnership', "The '#/use_previous_partnership' must be true or false."])
    await expect422('100002/ects', ect({ partnership_id: s.ambition.id, use_previous_partnership: true }),
      ['partnership_id', 'A partnership can only be given for provider-led training'], ['use_previous_partnership', 'A partnership can only be reused for provider-led training'])
    expect((await post('100002/ects', ect({ use_previous_partnership: false }))).status).toBe(201)
    const elsewhere = await p.partnership(t.db, { school_id: s.oakfield.id, lead_provider_id: s.ambition.id, delivery_partner_id: s.northWest.id, cohort: 2025 })
    await expect422('100002/ects', ect({ training_programme: 'provider_led', lead_provider_id: s.ambition.id, partnership_id: elsewhere.id }), ['partnership_id', "The '#/partnership_id' you have entered is invalid."])
  })
})

describe('R-21, R-22: effects', () => {
  it('R-21: a back-dated start lands in today’s cohort, a future start in its own', async () => {
    const back = await post('100002/ects', ect({ started_on: '2025-05-01' }))
    expect(back.body.data.training_periods[0]).toMatchObject({ cohort: '2025', started_on: '2025-05-01' })
    const future = await post('100002/ects', ect({ started_on: '2026-06-01' }))
    expect(future.body.data.training_periods[0]).toMatchObject({ cohort: '2026', started_on: '2026-06-01' })
  })

  it('R-22 step 4, P-5, D-37: provider-led training attaches to the primary partnership, on the default schedule', async () => {
    const school = await f.school(t.db, { name: 'Hill Top' })
    const partnership = await p.partnership(t.db, { school_id: school.id, lead_provider_id: s.ambition.id, delivery_partner_id: s.northWest.id, cohort: 2025 })
    const at = '2025-11-12T09:28:03Z'
    const body = mentor({ training_programme: 'provider_led', lead_provider_id: s.ambition.id, started_on: '2025-11-12' })
    const res = await post(`${school.urn}/mentors`, body, at)
    expect(res.status).toBe(201)
    const { id, participant_id, training_periods } = res.body.data
    expect(res.body).toEqual({
      data: registration({
        id, participant_id, role: 'mentor', school_urn: school.urn, trn: body.trn, email: body.email, first_name: 'David', last_name: 'Okafor',
        date_of_birth: '1985-06-02', working_pattern: null, started_on: '2025-11-12', created_at: at,
        training_periods: [training({
          id: training_periods[0].id, lead_provider_id: s.ambition.id, lead_provider_name: 'Ambition Institute', partnership_id: partnership.id,
          delivery_partner_id: s.northWest.id, schedule_identifier: 'ecf-standard-january', started_on: '2025-11-12',
        })],
      }),
    })
    const stored = await t.db.selectFrom('partnerships').select(['first_attached_at', 'updated_at']).where('id', '=', partnership.id).executeTakeFirstOrThrow()
    expect(stored).toEqual({ first_attached_at: new Date(at), updated_at: new Date(at) })
    const teacher = await teacherRow(t, participant_id)
    expect(teacher).toMatchObject({ mentor_eligible_for_funding_at: new Date(at), ect_eligible_for_funding_at: null, updated_at: new Date(at) })
    expect(await schoolCohortStamp(t, school.id, 2025)).toEqual({ updated_at: new Date(at) })
  })

  it('R-22 step 4: with no partnership the training awaits one; partnership_id names an additional one', async () => {
    const school = await f.school(t.db)
    const awaiting = await post(`${school.urn}/ects`, ect({ training_programme: 'provider_led', lead_provider_id: s.ambition.id }))
    expect(awaiting.body.data.training_periods[0]).toMatchObject({ partnership_id: null, delivery_partner_id: null, schedule_identifier: 'ecf-standard-september' })
    const other = await f.deliveryPartner(t.db)
    await f.pairing(t.db, s.ambition.id, other.id, 2025)
    const additional = await p.partnership(t.db, { school_id: school.id, lead_provider_id: s.ambition.id, delivery_partner_id: other.id, cohort: 2025, additional: true })
    const named = await post(`${school.urn}/ects`, ect({ training_programme: 'provider_led', lead_provider_id: s.ambition.id, partnership_id: additional.id }))
    expect(named.body.data.training_periods[0]).toMatchObject({ partnership_id: additional.id, delivery_partner_id: other.id })
  })

  it('R-22 step 4, P-34: use_previous_partnership carries the most recent partnership forward', async () => {
    const school = await f.school(t.db)
    await f.pairing(t.db, s.ambition.id, s.northWest.id, 2024)
    const old = await p.partnership(t.db, { school_id: school.id, lead_provider_id: s.ambition.id, delivery_partner_id: s.northWest.id, cohort: 2024 })
    const res = await post(`${school.urn}/ects`, ect({ training_programme: 'provider_led', lead_provider_id: s.ambition.id, use_previous_partnership: true }))
    const created = await t.db.selectFrom('partnerships').selectAll().where('carried_from_partnership_id', '=', old.id).executeTakeFirstOrThrow()
    expect(created).toMatchObject({ cohort_year: 2025, created_by: 'carry_forward', delivery_partner_id: s.northWest.id })
    expect(res.body.data.training_periods[0]).toMatchObject({ partnership_id: created.id, delivery_partner_id: s.northWest.id })
  })

  it('R-22 step 2, T-14: registering at a new school corrects the overlapping old period, its training and mentorships', async () => {
    const body = ect({ training_programme: 'provider_led', lead_provider_id: s.ambition.id })
    const from = await f.school(t.db, { name: 'Old School' })
    const partnership = await p.partnership(t.db, { school_id: from.id, lead_provider_id: s.ambition.id, delivery_partner_id: s.northWest.id, cohort: 2025 })
    const old = await post(`${from.urn}/ects`, body)
    const participantId = old.body.data.participant_id
    const m = await post(`${from.urn}/mentors`, mentor())
    await t.admin('PUT', `/schools/${from.urn}/ects/${participantId}/mentor`, { mentor_participant_id: m.body.data.participant_id }, { date: AT })
    const leaving = await t.admin('POST', `/schools/${from.urn}/ects/${participantId}/leaving`, { leaving_on: '2026-03-31' }, { date: '2026-01-05T10:00:00Z' })
    expect(leaving.body.data.finished_on).toBe('2026-03-31')
    const at = '2026-01-12T11:00:00Z'
    const res = await post('100002/ects', { ...body, email: 'amira.k@riverside.example.sch.uk', started_on: '2026-02-01' }, at)
    expect(res.status).toBe(201)
    expect(res.body.data.previous_school).toEqual({ school_urn: from.urn, started_on: '2025-09-01', finished_on: '2026-02-01', reported_leaving_on: '2026-03-31' })
    expect(res.body.data.training_periods[0]).toMatchObject({ cohort: '2025', schedule_identifier: 'ecf-standard-september', partnership_id: null, started_on: '2026-02-01' })
    const period = await t.db.selectFrom('at_school_periods').selectAll().where('id', '=', old.body.data.id).executeTakeFirstOrThrow()
    expect(period).toMatchObject({ finished_on: '2026-02-01', reported_leaving_on: '2026-03-31', leaving_recorded_at: new Date('2026-01-05T10:00:00Z'), updated_at: new Date(at) })
    const tps = await t.db.selectFrom('training_periods').select(['finished_on', 'partnership_id']).where('at_school_period_id', '=', old.body.data.id).execute()
    expect(tps).toEqual([{ finished_on: '2026-02-01', partnership_id: partnership.id }])
    const ms = await t.db.selectFrom('mentorships').select(['finished_on']).where('ect_period_id', '=', old.body.data.id).execute()
    expect(ms).toEqual([{ finished_on: '2026-02-01' }])
    const stamp = await t.db.selectFrom('partnerships').select('updated_at').where('id', '=', partnership.id).executeTakeFirstOrThrow()
    expect(stamp.updated_at).toEqual(new Date(at))
  })

  it('R-22 step 2, T-15: a period finished on or before the new start is left alone', async () => {
    const body = ect()
    const old = await post('142857/ects', body)
    await t.admin('POST', `/schools/142857/ects/${old.body.data.participant_id}/leaving`, { leaving_on: '2025-12-19' }, { date: '2025-12-01T10:00:00Z' })
    const res = await post('100002/ects', { ...body, started_on: '2026-01-05' }, '2026-01-05T10:00:00Z')
    expect(res.body.data.previous_school).toEqual({ school_urn: '142857', started_on: '2025-09-01', finished_on: '2025-12-19', reported_leaving_on: '2025-12-19' })
  })

  it('R-22 step 1 (decided): an existing teacher keeps the stored names; R-9 the ECT funding fact is set once', async () => {
    const body = ect()
    const first = await post('142857/ects', body)
    const again = await post('100002/ects', { ...body, first_name: 'Amy', started_on: '2025-10-01' }, '2025-10-01T10:00:00Z')
    expect(again.body.data).toMatchObject({ participant_id: first.body.data.participant_id, first_name: 'Amira' })
    expect((await teacherRow(t, first.body.data.participant_id)).ect_eligible_for_funding_at).toEqual(new Date(AT))
  })
})
