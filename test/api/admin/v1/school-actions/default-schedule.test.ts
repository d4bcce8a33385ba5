// D-37 rules 1 and 3 and D-38 through the school actions, and what the lead provider then sees.
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../../../support/app.ts'
import * as d from '../../../../support/factories-declarations.ts'
import * as f from '../../../../support/factories.ts'
import * as p from '../../../../support/factories-participants.ts'
import { ect, errors, mentor, registration, scene, teacherRow, training } from './scene.ts'

const t = await setupTestApp()
const s = await scene(t)
const AT = '2025-09-01T08:12:40Z'
const LATER = '2026-01-12T11:00:00Z'
for (const year of [2023, 2024]) {
  await f.pairing(t.db, s.ambition.id, s.northWest.id, year)
  await f.pairing(t.db, s.teachFirst.id, s.northWest.id, year)
}
// D-44: declarations need an open output statement.
await d.statement(t.db, { lead_provider_id: s.ambition.id, cohort: 2025, year: 2025, month: 11, cut_off_date: '2025-11-30', payment_date: '2025-12-25' })
const post = (path: string, body: unknown, date = AT) => t.admin('POST', `/schools/${path}`, body, { date })
const providerLed = (fields: Record<string, unknown> = {}) => ({ training_programme: 'provider_led', lead_provider_id: s.ambition.id, ...fields })
const partnership = (schoolId: string, cohort: number, leadProviderId = s.ambition.id) =>
  p.partnership(t.db, { school_id: schoolId, lead_provider_id: leadProviderId, delivery_partner_id: s.northWest.id, cohort })
const ambition = { lead_provider_id: s.ambition.id, lead_provider_name: 'Ambition Institute', delivery_partner_id: s.northWest.id }

/** An ECT or mentor trained by Ambition in 2023 at a new school since 2025-09-01; then 2023 is payments-frozen. */
async function inFrozen2023(path: 'ects' | 'mentors') {
  const school = await f.school(t.db, { name: 'Old School' })
  const old = await partnership(school.id, 2023)
  const body = (path === 'ects' ? ect : mentor)(providerLed())
  const reg = await post(`${school.urn}/${path}`, { ...body, cohort: '2023' })
  expect(reg.body.data.training_periods[0]).toMatchObject({ cohort: '2023', partnership_id: old.id, schedule_identifier: 'ecf-standard-september' })
  const frozen = await t.admin('PATCH', '/cohorts/2023', { payments_frozen_on: '2025-12-01' }, { date: AT })
  expect(frozen.status).toBe(200)
  return { school, body, reg: reg.body.data }
}

async function unfreeze() {
  await t.admin('PATCH', '/cohorts/2023', { payments_frozen_on: null }, { date: AT })
}

describe('D-38, D-37 rule 1: frozen-cohort reassignment', () => {
  it('D-38, D-37 rule 1, R-21 rule 1: an ECT registered at a new school goes to 2024 on ecf-extended-september; D-9 R-34 the frozen year shows', async () => {
    const { school, body, reg } = await inFrozen2023('ects')
    const riverside2024 = await partnership(s.riverside.id, 2024)
    const again = { ...body, email: 'amira.k2@riverside.example.sch.uk', started_on: '2026-02-01' }
    const res = await post('100002/ects', again, LATER)
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      data: registration({
        id: res.body.data.id, participant_id: reg.participant_id, trn: body.trn, email: again.email, started_on: '2026-02-01', created_at: LATER,
        previous_school: { school_urn: school.urn, started_on: '2025-09-01', finished_on: '2026-02-01', reported_leaving_on: null },
        training_periods: [training({
          id: res.body.data.training_periods[0].id, ...ambition, cohort: '2024', partnership_id: riverside2024.id,
          schedule_identifier: 'ecf-extended-september', started_on: '2026-02-01',
        })],
      }),
    })
    const teacher = await teacherRow(t, reg.participant_id)
    expect(teacher).toMatchObject({ ect_payments_frozen_year: 2023, updated_at: new Date(LATER) })
    const shown = await t.request('GET', `/api/v3/participants/${reg.participant_id}`, { token: s.ambition.token, date: LATER })
    expect(shown.body.data.attributes.ecf_enrolments).toEqual([{
      training_record_id: teacher.ect_training_record_id,
      email: again.email,
      mentor_id: null,
      school_urn: '100002',
      participant_type: 'ect',
      working_pattern: 'full_time',
      cohort: '2024',
      training_status: 'active',
      participant_status: 'joining',
      eligible_for_funding: true,
      pupil_premium_uplift: false,
      sparsity_uplift: false,
      schedule_identifier: 'ecf-extended-september',
      delivery_partner_id: s.northWest.id,
      withdrawal: null,
      deferral: null,
      created_at: AT,
      induction_end_date: null,
      most_recent_induction_period_end_date: null,
      overall_induction_start_date: null,
      mentor_funding_end_date: null,
      cohort_changed_after_payments_frozen: true,
      mentor_ineligible_for_funding_reason: null,
    }])
    await unfreeze()
  })

  it('D-38, R-28: a change of lead provider out of a payments-frozen cohort goes to 2024 on ecf-extended-september and records the year', async () => {
    const { school, reg } = await inFrozen2023('ects')
    const teachFirst2024 = await partnership(school.id, 2024, s.teachFirst.id)
    const res = await t.admin('PUT', `/schools/${school.urn}/ects/${reg.participant_id}/training`, providerLed({ lead_provider_id: s.teachFirst.id }), { date: LATER })
    expect(res.status).toBe(200)
    expect(res.body.data.training_periods).toEqual([
      training({ id: reg.training_periods[0].id, ...ambition, cohort: '2023', partnership_id: reg.training_periods[0].partnership_id, schedule_identifier: 'ecf-standard-september', finished_on: '2026-01-12' }),
      training({
        id: res.body.data.training_periods[1].id, lead_provider_id: s.teachFirst.id, lead_provider_name: 'Teach First', delivery_partner_id: s.northWest.id,
        cohort: '2024', partnership_id: teachFirst2024.id, schedule_identifier: 'ecf-extended-september', started_on: '2026-01-12',
      }),
    ])
    expect((await teacherRow(t, reg.participant_id)).ect_payments_frozen_year).toBe(2023)
    await unfreeze()
  })

  it('D-38: an explicit cohort is never overridden (and a frozen one is refused); a cohort not yet frozen is kept', async () => {
    const { body, reg } = await inFrozen2023('ects')
    const explicit = await post('142857/ects', { ...body, email: 'amira.k3@oakfield.example.sch.uk', started_on: '2025-10-01', cohort: '2025' }, '2025-12-01T09:00:00Z')
    expect(explicit.body.data.training_periods[0]).toMatchObject({ cohort: '2025', schedule_identifier: 'ecf-standard-september' })
    expect((await teacherRow(t, reg.participant_id)).ect_payments_frozen_year).toBeNull()
    const refused = await post('100002/ects', { ...body, email: 'amira.k4@riverside.example.sch.uk', started_on: '2025-12-02', cohort: '2023' }, '2025-12-01T09:00:00Z')
    expect(refused.body).toEqual(errors(['cohort', 'You cannot register a participant in a payments frozen cohort']))

    const before = await inFrozen2023('ects')
    const early = await post('100002/ects', { ...before.body, email: 'amira.k5@riverside.example.sch.uk', started_on: '2025-11-01' }, '2025-11-30T09:00:00Z')
    expect(early.body.data.training_periods[0]).toMatchObject({ cohort: '2023', schedule_identifier: 'ecf-standard-september' })
    expect((await teacherRow(t, before.reg.participant_id)).ect_payments_frozen_year).toBeNull()
    await unfreeze()
  })

  it('D-38: mentors are never reassigned; D-37 rule 2 keeps their schedule in the frozen cohort', async () => {
    const { body, reg } = await inFrozen2023('mentors')
    const res = await post('100002/mentors', { ...body, email: 'david.o2@riverside.example.sch.uk', started_on: '2026-02-01' }, LATER)
    expect(res.body.data.training_periods[0]).toMatchObject({ cohort: '2023', schedule_identifier: 'ecf-standard-september' })
    expect((await teacherRow(t, reg.participant_id)).mentor_payments_frozen_year).toBeNull()
    await unfreeze()
  })
})

describe('D-37 rule 3: replacement mentors', () => {
  /** A provider-led ECT at a school partnered with Ambition in 2025, mentored by A; Ambition declares `started` with A as mentor_id. */
  async function declaredWithMentorA() {
    const school = await f.school(t.db)
    await partnership(school.id, 2025)
    const e = (await post(`${school.urn}/ects`, ect(providerLed()))).body.data
    const a = (await post(`${school.urn}/mentors`, mentor())).body.data
    await t.admin('PUT', `/schools/${school.urn}/ects/${e.participant_id}/mentor`, { mentor_participant_id: a.participant_id }, { date: AT })
    const declared = await t.request('POST', '/api/v3/participant-declarations', {
      token: s.ambition.token,
      date: '2025-10-01T10:00:00Z',
      body: d.declarationBody({ participant_id: e.participant_id, declaration_type: 'started', declaration_date: '2025-09-20T09:00:00Z', course_identifier: 'ecf-induction', evidence_held: 'training-event-attended' }),
    })
    expect(declared.status).toBe(200)
    expect(declared.body.data.attributes.mentor_id).toBe(a.participant_id)
    return { school, e, a, declarationId: declared.body.data.id as string }
  }

  /** Mentor B, school-led, assigned to the ECT from 2025-11-03, then changed to provider-led with Ambition that day. */
  async function replaceWithB(school: { urn: string }, ectId: string, fields: Record<string, unknown> = {}) {
    const body = mentor({ first_name: 'Grace', ...fields })
    const b = (await post(`${school.urn}/mentors`, body)).body.data
    const date = { date: '2025-11-03T10:05:00Z' }
    expect((await t.admin('PUT', `/schools/${school.urn}/ects/${ectId}/mentor`, { mentor_participant_id: b.participant_id }, date)).status).toBe(200)
    const res = await t.admin('PUT', `/schools/${school.urn}/mentors/${b.participant_id}/training`, providerLed(), date)
    expect(res.status).toBe(200)
    return { b, body, res }
  }

  it("D-37 rule 3: a mentor of a provider-led ECT already declared with another mentor gets ecf-replacement-<month>", async () => {
    const { school, e } = await declaredWithMentorA()
    const { b, body, res } = await replaceWithB(school, e.participant_id)
    expect(res.body).toEqual({
      data: registration({
        id: b.id, participant_id: b.participant_id, role: 'mentor', school_urn: school.urn, trn: body.trn, email: body.email, first_name: 'Grace', last_name: 'Okafor',
        date_of_birth: '1985-06-02', working_pattern: null, created_at: AT, updated_at: '2025-11-03T10:05:00Z',
        training_periods: [training({
          id: res.body.data.training_periods[0].id, ...ambition, partnership_id: res.body.data.training_periods[0].partnership_id,
          schedule_identifier: 'ecf-replacement-january', started_on: '2025-11-03',
        })],
      }),
    })
    expect(res.body.data.training_periods[0].partnership_id).not.toBeNull()
  })

  it('D-37 rule 3: not when the only declaration is voided, nor when the mentor has a mentor_ineligible_for_funding_on', async () => {
    const voided = await declaredWithMentorA()
    await t.request('PUT', `/api/v3/participant-declarations/${voided.declarationId}/void`, { token: s.ambition.token, date: '2025-10-02T10:00:00Z' })
    const afterVoid = await replaceWithB(voided.school, voided.e.participant_id)
    expect(afterVoid.res.body.data.training_periods[0]).toMatchObject({ schedule_identifier: 'ecf-standard-january' })

    const completed = await declaredWithMentorA()
    const body = mentor({ first_name: 'Grace' })
    const b = (await post(`${completed.school.urn}/mentors`, body)).body.data
    const funding = { mentor_ineligible_for_funding_on: '2025-07-31', mentor_ineligible_for_funding_reason: 'completed_during_early_roll_out' }
    expect((await t.admin('PUT', `/participants/${b.participant_id}/mentor-funding`, funding, { date: AT })).status).toBe(200)
    const date = { date: '2025-11-03T10:05:00Z' }
    await t.admin('PUT', `/schools/${completed.school.urn}/ects/${completed.e.participant_id}/mentor`, { mentor_participant_id: b.participant_id }, date)
    // R-20's completed-mentor row is for registration; a change of training still creates the TP.
    const res = await t.admin('PUT', `/schools/${completed.school.urn}/mentors/${b.participant_id}/training`, providerLed(), date)
    expect(res.body.data.training_periods[0]).toMatchObject({ schedule_identifier: 'ecf-standard-january' })
  })

  it('D-37 rule 3: an ECT whose declaration names no mentor makes no replacement', async () => {
    const school = await f.school(t.db)
    await partnership(school.id, 2025)
    const e = (await post(`${school.urn}/ects`, ect(providerLed()))).body.data
    await t.request('POST', '/api/v3/participant-declarations', {
      token: s.ambition.token,
      date: '2025-10-01T10:00:00Z',
      body: d.declarationBody({ participant_id: e.participant_id, declaration_type: 'started', declaration_date: '2025-09-20T09:00:00Z', course_identifier: 'ecf-induction', evidence_held: 'training-event-attended' }),
    })
    const { res } = await replaceWithB(school, e.participant_id)
    expect(res.body.data.training_periods[0]).toMatchObject({ schedule_identifier: 'ecf-standard-january' })
  })
})
