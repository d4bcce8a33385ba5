import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../../support/app.ts'
import * as f from '../../../support/factories.ts'
import * as p from '../../../support/factories-participants.ts'
import { body, enrolment, errors, participant, partnershipOf, placed, provider, put, trainingPeriods, type Provider, type Scene } from './scene.ts'

const t = await setupTestApp()
const NOW = '2026-01-12T10:00:00Z'
const lp = await provider(t, [2023, 2024, 2025, 2026])
const other = await provider(t, [2025, 2026])
await f.cohort(t.db, 2020)

const change = (id: string, attributes: Record<string, unknown>, date = NOW, caller: Provider = lp) =>
  put(t, caller, id, 'change-schedule', body('participant-change-schedule', attributes), date)
const to = (schedule_identifier: unknown, extra: Record<string, unknown> = {}) => ({ schedule_identifier, course_identifier: 'ecf-induction', ...extra })
const freeze = (year: number, on: string | null) => t.db.updateTable('cohorts').set({ payments_frozen_on: on }).where('year', '=', year).execute()
const TEXT = {
  missing: "The property '#/schedule_identifier' must be present and correspond to a valid schedule.",
  invalid: 'Enter a valid schedule identifier.',
  already: 'Selected schedule is already on the profile',
  notForCourse: 'Selected schedule is not valid for the course_identifier',
  mentorReduced: 'Mentors cannot be placed on a reduced schedule. Assign them to a different schedule.',
  invalidates:
    'The change of schedule cannot be applied because a previous change of schedule and a declaration were made on the same day. Applying another change of schedule would invalidate existing declarations. Please contact DfE for assistance.',
  noPartnership:
    'You cannot change a participant to this contract_period as you do not have a partnership with the school for the contract_period. Contact the DfE for assistance.',
  frozen: 'You cannot move a participant to a payments frozen cohort unless they previously belonged to that cohort.',
  completed: "You cannot change this participant's schedule as they have completed their training or induction.",
  left: "You cannot change this participant's schedule. This is because the participant has a 'left' participant_status, so they are not training with you currently.",
  withdrawn: 'Cannot perform actions on a withdrawn participant',
  later: "You cannot change this participant's schedule as they are due to start with another lead provider in the future.",
}

async function setTeacher(s: Scene, values: Record<string, unknown>) {
  await t.db.updateTable('teachers').set(values).where('id', '=', s.teacherId).execute()
}

describe('PUT /api/v3/participants/{id}/change-schedule: effects', () => {
  it('D-23: a TP that started before today finishes today; a new TP on the target schedule starts today', async () => {
    const s = await placed(t, lp)
    const res = await change(s.teacherId, to('ecf-extended-september'))
    expect(res.status).toBe(200)
    expect(res.body).toEqual(participant(s, [enrolment(s, { schedule_identifier: 'ecf-extended-september' })], NOW))
    const partnershipId = await partnershipOf(t, lp, s.school.id, 2025)
    expect(await trainingPeriods(t, s.teacherId)).toEqual([
      expect.objectContaining({ id: s.tpId, schedule_identifier: 'ecf-standard-september', started_on: '2025-09-01', finished_on: '2026-01-12' }),
      expect.objectContaining({ partnership_id: partnershipId, cohort_year: 2025, schedule_identifier: 'ecf-extended-september', started_on: '2026-01-12', finished_on: null }),
    ])
    const events = await t.db.selectFrom('events').select(['author', 'lead_provider_id', 'action']).where('subject_id', '=', s.teacherId).execute()
    expect(events).toEqual([{ author: 'lead_provider', lead_provider_id: lp.id, action: 'participant.schedule_changed' }])
  })

  it("D-23: the new TP ends on the earliest of the old TP's and the period's finished_on after today", async () => {
    const s = await placed(t, lp, { period: { started_on: '2025-09-01', finished_on: '2026-07-20' }, tp: { started_on: '2025-09-01', finished_on: '2026-05-01' } })
    const res = await change(s.teacherId, to('ecf-reduced-september'))
    expect(res.body.data.attributes.ecf_enrolments[0]).toEqual(enrolment(s, { schedule_identifier: 'ecf-reduced-september', participant_status: 'leaving' }))
    expect((await trainingPeriods(t, s.teacherId)).map((tp) => [tp.started_on, tp.finished_on])).toEqual([
      ['2025-09-01', '2026-01-12'],
      ['2026-01-12', '2026-05-01'],
    ])
  })

  it('D-20, D-22: a named cohort moves the participant to the partnership with the same delivery partner there', async () => {
    const s = await placed(t, lp)
    const same = await partnershipOf(t, lp, s.school.id, 2026)
    const dp = await f.deliveryPartner(t.db)
    await f.pairing(t.db, lp.id, dp.id, 2026)
    await p.partnership(t.db, { school_id: s.school.id, lead_provider_id: lp.id, delivery_partner_id: dp.id, cohort: 2026, additional: true, created_at: '2025-12-01T00:00:00Z' })
    const res = await change(s.teacherId, to('ecf-standard-september', { cohort: '2026' }))
    expect(res.status).toBe(200)
    expect(res.body.data.attributes.ecf_enrolments).toEqual([enrolment(s, { cohort: '2026' })])
    expect((await trainingPeriods(t, s.teacherId))[1]).toEqual(expect.objectContaining({ cohort_year: 2026, partnership_id: same, started_on: '2026-01-12' }))
  })

  it('D-22: without one with the same delivery partner, the most recently created partnership in that cohort', async () => {
    const s = await placed(t, lp)
    const ids = []
    for (const created_at of ['2025-10-01T00:00:00Z', '2025-11-01T00:00:00Z']) {
      const dp = await f.deliveryPartner(t.db)
      await f.pairing(t.db, lp.id, dp.id, 2026)
      ids.push({ dp: dp.id, id: (await p.partnership(t.db, { school_id: s.school.id, lead_provider_id: lp.id, delivery_partner_id: dp.id, cohort: 2026, additional: ids.length > 0, created_at })).id })
    }
    const res = await change(s.teacherId, to('ecf-standard-september', { cohort: 2026 }))
    expect(res.body.data.attributes.ecf_enrolments[0]).toEqual(enrolment(s, { cohort: '2026', delivery_partner_id: ids[1]!.dp }))
  })

  it('D-20: a cohort that is empty, not a year or names no cohort falls back to the TP\'s own, without an error', async () => {
    for (const cohort of ['', 'abc', '2099', '20 25', null]) {
      const s = await placed(t, lp)
      const res = await change(s.teacherId, to('ecf-extended-january', { cohort }))
      expect([cohort, res.status, res.body.data.attributes.ecf_enrolments[0].cohort]).toEqual([cohort, 200, '2025'])
    }
  })

  it('D-24: a TP that starts today or later (joining) is changed in place, cohort and partnership included', async () => {
    const s = await placed(t, lp, { period: { started_on: '2026-02-01' } })
    const target = await partnershipOf(t, lp, s.school.id, 2026)
    const res = await change(s.teacherId, to('ecf-standard-april', { cohort: '2026' }))
    expect(res.body.data.attributes.ecf_enrolments).toEqual([enrolment(s, { cohort: '2026', schedule_identifier: 'ecf-standard-april', participant_status: 'joining' })])
    expect(await trainingPeriods(t, s.teacherId)).toEqual([
      expect.objectContaining({ id: s.tpId, cohort_year: 2026, partnership_id: target, schedule_identifier: 'ecf-standard-april', started_on: '2026-02-01', finished_on: null }),
    ])
  })

  it('D-23 exception: an ECT who completed induction moving to a reduced schedule is updated in place', async () => {
    const s = await placed(t, lp)
    await setTeacher(s, { induction_completed_on: '2026-01-05' })
    const res = await change(s.teacherId, to('ecf-reduced-january'))
    expect(res.status).toBe(200)
    expect(await trainingPeriods(t, s.teacherId)).toEqual([
      expect.objectContaining({ id: s.tpId, schedule_identifier: 'ecf-reduced-january', started_on: '2025-09-01', finished_on: null }),
    ])
  })

  it('D-26: moving out of a payments-frozen cohort records its year; moving back into it (CS9 allows) clears it', async () => {
    const s = await placed(t, lp, { cohort: 2023, period: { started_on: '2023-09-01' } })
    await partnershipOf(t, lp, s.school.id, 2025)
    await freeze(2023, '2025-07-31')
    const out = await change(s.teacherId, to('ecf-extended-september', { cohort: '2025' }))
    expect(out.status).toBe(200)
    expect(out.body.data.attributes.ecf_enrolments[0]).toEqual(
      enrolment(s, { cohort: '2025', schedule_identifier: 'ecf-extended-september', cohort_changed_after_payments_frozen: true }),
    )
    const back = await change(s.teacherId, to('ecf-standard-september', { cohort: '2023' }), '2026-01-14T10:00:00Z')
    expect(back.status).toBe(200)
    expect(back.body.data.attributes.ecf_enrolments[0]).toEqual(enrolment(s, { cohort: '2023', cohort_changed_after_payments_frozen: false }))
    await freeze(2023, null)
  })
})

describe('D-21: the checks of change-schedule', () => {
  it('D-11: A1 and A2 before the groups; with no target TP only CS1 … CS3 run', async () => {
    const s = await placed(t, lp)
    expect((await change(s.teacherId, { schedule_identifier: 'x', course_identifier: 'nope' })).body).toEqual(
      errors(['course_identifier', "Enter a '#/course_identifier'."], ['schedule_identifier', TEXT.invalid]),
    )
    expect((await change(s.teacherId, { schedule_identifier: 'ecf-standard-april', course_identifier: 'ecf-mentor', cohort: '2020' })).body).toEqual(
      errors(['course_identifier', "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again."], ['schedule_identifier', TEXT.missing]),
    )
  })

  it('D-21 CS1: schedule_identifier missing or blank', async () => {
    const s = await placed(t, lp)
    for (const value of [undefined, null, '', ' ']) {
      const res = await change(s.teacherId, { course_identifier: 'ecf-induction', ...(value === undefined ? {} : { schedule_identifier: value }) })
      expect([value, res.status, res.body]).toEqual([value, 422, errors(['schedule_identifier', TEXT.missing])])
    }
  })

  it('D-21 CS2: not one of the twelve identifiers', async () => {
    const s = await placed(t, lp)
    for (const value of ['ecf-standard-march', 'ECF-STANDARD-APRIL', 'ecf_standard_april']) {
      expect((await change(s.teacherId, to(value))).body).toEqual(errors(['schedule_identifier', TEXT.invalid]))
    }
  })

  it('D-21 CS3: the target cohort has no such schedule', async () => {
    const s = await placed(t, lp)
    const res = await change(s.teacherId, to('ecf-standard-april', { cohort: '2020' }))
    expect(res.body).toEqual(errors(['schedule_identifier', TEXT.missing], ['cohort', TEXT.noPartnership]))
  })

  it('D-21 CS4: the target schedule is already the TP\'s (the same identifier in another cohort is a change)', async () => {
    const s = await placed(t, lp)
    expect((await change(s.teacherId, to('ecf-standard-september'))).body).toEqual(errors(['schedule_identifier', TEXT.already]))
    expect((await change(s.teacherId, to('ecf-standard-september', { cohort: '2025' }))).body).toEqual(errors(['schedule_identifier', TEXT.already]))
  })

  it('D-21 CS5: an ECT cannot take a replacement schedule', async () => {
    const s = await placed(t, lp)
    expect((await change(s.teacherId, to('ecf-replacement-january'))).body).toEqual(errors(['schedule_identifier', TEXT.notForCourse]))
  })

  it('D-21 CS6: a mentor cannot take a reduced schedule; replacement is fine', async () => {
    const s = await placed(t, lp, { role: 'mentor' })
    const mentor = (id: string) => change(s.teacherId, { schedule_identifier: id, course_identifier: 'ecf-mentor' })
    expect((await mentor('ecf-reduced-april')).body).toEqual(errors(['schedule_identifier', TEXT.mentorReduced]))
    const ok = await mentor('ecf-replacement-january')
    expect([ok.status, ok.body.data.attributes.ecf_enrolments[0].schedule_identifier]).toEqual([200, 'ecf-replacement-january'])
  })

  it('D-21 CS7, D-32: a joining TP whose declaration would fall outside the target schedule\'s milestone window', async () => {
    const s = await placed(t, lp, { period: { started_on: '2026-01-12' } })
    await t.db
      .insertInto('declarations' as never)
      .values({
        id: randomUUID(), training_period_id: s.tpId, teacher_id: s.teacherId, role: 'ect', lead_provider_id: lp.id, declaration_type: 'started',
        declaration_date: new Date('2025-12-01T09:00:00Z'), evidence_held: 'training-event-attended', mentor_teacher_id: null,
        delivery_partner_id: lp.deliveryPartnerId, pupil_premium_uplift: false, sparsity_uplift: false, payment_status: 'voided',
        statement_id: null, clawback_statement_id: null, voided_at: new Date(NOW), created_at: new Date(NOW), updated_at: new Date(NOW),
      } as never)
      .execute()
    // ecf-standard-april 2025 starts 2026-04-01 (D-35): the 2025-12-01 declaration (voided, any state counts) would be before it.
    expect((await change(s.teacherId, to('ecf-standard-april'))).body).toEqual(errors(['schedule_identifier', TEXT.invalidates]))
    // ecf-extended-september 2025 starts 2025-09-01: still inside.
    expect((await change(s.teacherId, to('ecf-extended-september'))).status).toBe(200)
  })

  it('D-21 CS8: another cohort needs a partnership of the caller at the school in it', async () => {
    const s = await placed(t, lp)
    await partnershipOf(t, other, s.school.id, 2026)
    expect((await change(s.teacherId, to('ecf-standard-september', { cohort: '2026' }))).body).toEqual(errors(['cohort', TEXT.noPartnership]))
  })

  it('D-21 CS9: a payments-frozen target cohort, unless it is the role\'s payments-frozen year — also within the cohort', async () => {
    const s = await placed(t, lp, { cohort: 2023, period: { started_on: '2023-09-01' } })
    await freeze(2023, '2026-01-12')
    expect((await change(s.teacherId, to('ecf-extended-september'))).body).toEqual(errors(['cohort', TEXT.frozen]))
    await setTeacher(s, { ect_payments_frozen_year: 2023 })
    expect((await change(s.teacherId, to('ecf-extended-september'))).status).toBe(200)
    await freeze(2023, null)
  })

  it('D-21 CS10: an ECT who completed induction (unless to reduced); a mentor with a funding end date', async () => {
    const e = await placed(t, lp)
    await setTeacher(e, { induction_completed_on: '2026-01-05' })
    expect((await change(e.teacherId, to('ecf-extended-september'))).body).toEqual(errors(['participant_id', TEXT.completed]))
    const m = await placed(t, lp, { role: 'mentor' })
    await setTeacher(m, { mentor_ineligible_for_funding_on: '2026-01-05' })
    expect((await change(m.teacherId, { schedule_identifier: 'ecf-extended-september', course_identifier: 'ecf-mentor' })).body).toEqual(
      errors(['participant_id', TEXT.completed]),
    )
  })

  it("D-21 CS11: a participant whose status is left (finished, withdrawn or deferred); the group stops there", async () => {
    const gone = await placed(t, lp, { period: { started_on: '2025-09-01', finished_on: '2026-01-01' } })
    expect((await change(gone.teacherId, to('ecf-extended-september'))).body).toEqual(errors(['participant_id', TEXT.left]))
    const withdrawn = await placed(t, lp)
    await put(t, lp, withdrawn.teacherId, 'withdraw', body('w', { reason: 'other', course_identifier: 'ecf-induction' }), '2026-01-05T10:00:00Z')
    expect((await change(withdrawn.teacherId, to('ecf-extended-september'))).body).toEqual(errors(['participant_id', TEXT.left]))
  })

  it('D-21 CS12: a withdrawn TP that still reads leaving (finished_on after today) is refused', async () => {
    const s = await placed(t, lp, { period: { started_on: '2025-09-01', finished_on: '2026-03-01' } })
    await t.db.updateTable('training_periods').set({ withdrawn_at: new Date('2026-01-05T10:00:00Z'), withdrawal_reason: 'other' }).where('id', '=', s.tpId).execute()
    expect((await change(s.teacherId, to('ecf-extended-september'))).body).toEqual(errors(['participant_id', TEXT.withdrawn]))
  })

  it('D-21 CS13: the teacher is due to start later with another lead provider, at another school', async () => {
    const s = await placed(t, lp, { period: { started_on: '2025-09-01', finished_on: '2026-02-01' } })
    await placed(t, other, { teacherId: s.teacherId, period: { started_on: '2026-02-01' } })
    expect((await change(s.teacherId, to('ecf-extended-september'))).body).toEqual(errors(['participant_id', TEXT.later]))
  })

  it('D-21: the three groups report together, each stopping at its first failure (C-30 order)', async () => {
    const s = await placed(t, lp, { cohort: 2023, period: { started_on: '2023-09-01', finished_on: '2026-01-01' } })
    await freeze(2024, '2025-01-31')
    await setTeacher(s, { induction_completed_on: '2025-12-01' })
    const res = await change(s.teacherId, to('ecf-replacement-april', { cohort: '2024' }))
    expect([res.status, res.body]).toEqual([
      422,
      errors(['schedule_identifier', TEXT.notForCourse], ['cohort', TEXT.noPartnership], ['participant_id', TEXT.completed]),
    ])
    await freeze(2024, null)
  })
})
