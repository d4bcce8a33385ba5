import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import { onPostgres } from '../../support/db.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'
import * as d from '../../support/factories-declarations.ts'
import { badShape, SHAPE } from '../../support/bodies.ts'

const t = await setupTestApp()
await f.cohort(t.db, 2024)
await f.cohort(t.db, 2025)
const teachFirst = await d.provider(t.db, 2025, 'Teach First')
await f.pairing(t.db, teachFirst.id, teachFirst.deliveryPartnerId, 2024)
const ambition = await d.provider(t.db, 2025, 'Ambition Institute')

// Teach First's 2025 output statements around the D-56 timeline.
await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2025, year: 2026, month: 11, cut_off_date: '2026-10-31', payment_date: '2026-11-25' })
const jan2027 = await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2025, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' })
await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2025, year: 2027, month: 4, cut_off_date: '2027-03-31', payment_date: '2027-04-25' })
const tf2024 = await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2024, year: 2025, month: 1, cut_off_date: '2024-12-31', payment_date: '2025-01-25' })
await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2024, year: 2025, month: 4, cut_off_date: '2025-03-31', payment_date: '2025-04-25' })
await d.statement(t.db, { lead_provider_id: ambition.id, cohort: 2025, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' })

const NOW = '2026-11-23T10:15:02Z'
const post = (token: string, attributes: Record<string, unknown>, date = NOW) =>
  t.request('POST', '/api/v3/participant-declarations', { token, body: d.declarationBody(attributes), date })
const errors = (...pairs: [string, string][]) => ({ errors: pairs.map(([title, detail]) => ({ title, detail })) })

const ect = (fields: Partial<Parameters<typeof d.trainee>[2]> = {}) => d.trainee(t.db, teachFirst, { cohort: 2025, started_on: '2025-09-01', ...fields })
const started = (participantId: string, extra: Record<string, unknown> = {}) => ({
  participant_id: participantId,
  declaration_type: 'started',
  declaration_date: '2026-11-20T09:00:00Z',
  course_identifier: 'ecf-induction',
  evidence_held: 'training-event-attended',
  ...extra,
})

const TEXT = {
  enter: (n: string) => `Enter a '#/${n}'.`,
  unknown: "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.",
  course: "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.",
  duplicate: 'A declaration has already been submitted that will be, or has been, paid for this event.',
  future: "The '#/declaration_date' value cannot be a future date. Check the date and try again.",
  early: 'Declaration date must be on or after the milestone start date for the same declaration type.',
  late: 'Declaration date must be on or before the milestone date for the same declaration type.',
  badDate: "Enter a valid RCF3339 '#/declaration_date'.",
  mentorTypes:
    'You cannot send retained or extended declarations for participants who began their mentor training after June 2025. Resubmit this declaration with either a started or completed declaration.',
  evidenceMissing: "Enter a '#/evidence_held' value for this participant.",
  evidenceInvalid: "Enter an available '#/evidence_held' type for this participant.",
  noMilestone: "The property '#/declaration_type' does not exist for this schedule.",
  sequence: "This '#/declaration_date' is invalid. Check that it is in sequence with existing declaration dates for this participant.",
}

describe('POST /api/v3/participant-declarations', () => {
  it('D-43, D-48, D-54, D-63: a started declaration is eligible on the earliest open statement, with the mentor and delivery partner of the day', async () => {
    const scene = await ect()
    const mentor = await p.teacher(t.db)
    const mentorPeriod = await p.atSchoolPeriod(t.db, { teacher_id: mentor.id, school_id: scene.schoolId, role: 'mentor', started_on: '2025-09-01' })
    await p.mentorship(t.db, { ect_period: { id: scene.periodId, teacher_id: scene.teacherId, school_id: scene.schoolId }, mentor_period: mentorPeriod, started_on: '2025-09-01' })
    const res = await post(teachFirst.token, started(scene.teacherId))
    expect(res.status).toBe(200)
    const id = res.body.data.id
    expect(res.text).toBe(
      JSON.stringify({
        data: {
          id,
          type: 'participant-declaration',
          attributes: {
            participant_id: scene.teacherId,
            declaration_type: 'started',
            course_identifier: 'ecf-induction',
            declaration_date: '2026-11-20T09:00:00Z',
            mentor_id: mentor.id,
            state: 'eligible',
            updated_at: '2026-11-23T10:15:02Z',
            created_at: '2026-11-23T10:15:02Z',
            delivery_partner_id: teachFirst.deliveryPartnerId,
            statement_id: jan2027.id,
            clawback_statement_id: null,
            ineligible_for_funding_reason: null,
            uplift_paid: false,
            evidence_held: 'training-event-attended',
            lead_provider_name: 'Teach First',
          },
        },
      }),
    )
    const show = await t.request('GET', `/api/v3/participant-declarations/${id}`, { token: teachFirst.token, date: NOW })
    expect(show.body).toEqual(res.body)
  })

  it('D-42: while the role is not funding-eligible the declaration is submitted, on no statement', async () => {
    const scene = await ect()
    await t.db.updateTable('teachers').set({ ect_eligible_for_funding_at: null }).where('id', '=', scene.teacherId).execute()
    const res = await post(teachFirst.token, started(scene.teacherId))
    expect(res.status).toBe(200)
    expect(res.body.data.attributes).toMatchObject({ state: 'submitted', statement_id: null })
  })

  it('D-3, C-21: a body without data.attributes or without any attribute the endpoint reads is the 400', async () => {
    const allowed = ['participant_id', 'declaration_type', 'declaration_date', 'course_identifier', 'evidence_held']
    const cases: [unknown, string][] = [
      [undefined, SHAPE.none], [[], SHAPE.array], [{ data: null }, SHAPE.dataNull], [{ data: {} }, SHAPE.noAttributes], [{ data: { attributes: {} } }, SHAPE.attributesEmpty],
      [{ data: { attributes: { colour: 'blue' } } }, SHAPE.noneRead], [{ data: { attributes: [1] } }, SHAPE.attributesArray],
    ]
    for (const [body, problem] of cases) {
      const res = await t.request('POST', '/api/v3/participant-declarations', { token: teachFirst.token, ...(body !== undefined ? { body } : {}) })
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400])
      expect(res.body).toEqual(badShape(problem, allowed))
    }
    const blank = await post(teachFirst.token, { participant_id: null })
    expect(blank.status).toBe(422)
  })

  it('D-44 #1: a missing participant_id, then nothing else but #21 is skipped', async () => {
    const res = await post(teachFirst.token, { declaration_type: 'started' })
    expect(res.status).toBe(422)
    expect(res.body).toEqual(errors(['participant_id', TEXT.enter('participant_id')]))
  })

  it('D-44 #2: an unknown or malformed participant id is not recognised (422, not 404)', async () => {
    for (const id of ['5b9e1d3f-7a2c-4f8e-9b4d-3c6a0e2f8d71', 'not-a-uuid', 42]) {
      const res = await post(teachFirst.token, started(id as string))
      expect(res.status).toBe(422)
      expect(res.body).toEqual(errors(['participant_id', TEXT.unknown]))
    }
  })

  it('D-44 #3, D-2: no role — absent, null or any other value than the two identifiers', async () => {
    const scene = await ect()
    for (const course of [undefined, null, 'ecf-ect', 'ECF-INDUCTION', 'npq-leading-teaching']) {
      const res = await post(teachFirst.token, started(scene.teacherId, { course_identifier: course }))
      expect(res.body).toEqual(errors(['course_identifier', TEXT.enter('course_identifier')]))
    }
  })

  it('D-44 #4: a missing declaration_date', async () => {
    const scene = await ect()
    const res = await post(teachFirst.token, started(scene.teacherId, { declaration_date: '  ' }))
    expect(res.body).toEqual(errors(['declaration_date', TEXT.enter('declaration_date')]))
  })

  it('D-44 #5: the caller knows the participant only in the other role', async () => {
    const scene = await ect()
    const res = await post(teachFirst.token, started(scene.teacherId, { course_identifier: 'ecf-mentor' }))
    expect(res.body).toEqual(errors(['course_identifier', TEXT.course]))
  })

  it('D-44 #6, #7: a missing or unknown declaration_type', async () => {
    const scene = await ect()
    expect((await post(teachFirst.token, started(scene.teacherId, { declaration_type: '' }))).body).toEqual(errors(['declaration_type', TEXT.enter('declaration_type')]))
    expect((await post(teachFirst.token, started(scene.teacherId, { declaration_type: 'retained-5' }))).body).toEqual(
      errors(['declaration_type', 'Enter a valid declaration type.']),
    )
  })

  it('D-44 #8, D-47: a second declaration of the same type is a duplicate, even with an identical body; any lead provider', async () => {
    const scene = await ect()
    expect((await post(teachFirst.token, started(scene.teacherId))).status).toBe(200)
    const again = await post(teachFirst.token, started(scene.teacherId))
    expect(again.status).toBe(422)
    expect(again.body).toEqual(errors(['declaration_type', TEXT.duplicate]))
    // Ambition trains her later at another school: Teach First's declaration still holds the slot.
    await t.db.updateTable('training_periods').set({ finished_on: '2026-01-01' }).where('id', '=', scene.trainingId).execute()
    await t.db.updateTable('at_school_periods').set({ finished_on: '2026-01-01' }).where('id', '=', scene.periodId).execute()
    await d.trainee(t.db, ambition, { cohort: 2025, started_on: '2026-01-01', teacher_id: scene.teacherId })
    const other = await post(ambition.token, started(scene.teacherId, { declaration_date: '2026-11-21T09:00:00Z' }))
    expect(other.body).toEqual(errors(['declaration_type', TEXT.duplicate]))
  })

  it('D-47: voiding frees the slot', async () => {
    const scene = await ect()
    const first = await post(teachFirst.token, started(scene.teacherId))
    await t.request('PUT', `/api/v3/participant-declarations/${first.body.data.id}/void`, { token: teachFirst.token, date: NOW })
    const second = await post(teachFirst.token, started(scene.teacherId))
    expect(second.status).toBe(200)
    expect(second.body.data.id).not.toBe(first.body.data.id)
  })

  it.skipIf(!onPostgres)('D-47 (decided): of 50 identical concurrent POSTs exactly one succeeds; the others get the same 422 #8', async () => {
    const scene = await ect()
    const results = await Promise.all(Array.from({ length: 50 }, () => post(teachFirst.token, started(scene.teacherId))))
    expect(results.filter((r) => r.status === 200)).toHaveLength(1)
    const rest = results.filter((r) => r.status !== 200)
    expect(rest).toHaveLength(49)
    for (const r of rest) expect([r.status, r.body]).toEqual([422, errors(['declaration_type', TEXT.duplicate])])
    const rows = await t.db.selectFrom('declarations').select('id').where('teacher_id', '=', scene.teacherId).execute()
    expect(rows).toHaveLength(1)
  })

  it('D-44 #9: a declaration date after now', async () => {
    const scene = await ect()
    const res = await post(teachFirst.token, started(scene.teacherId, { declaration_date: '2026-11-23T10:15:03Z' }))
    expect(res.body).toEqual(errors(['declaration_date', TEXT.future]))
  })

  it('D-44 #10, #11, D-32: the milestone window in Europe/London (2024 standard-september started: 2024-06-01 → 2024-12-31)', async () => {
    const scene = await d.trainee(t.db, teachFirst, { cohort: 2024, started_on: '2024-09-01' })
    const at = (date: string) => post(teachFirst.token, started(scene.teacherId, { declaration_date: date, evidence_held: null }), '2025-01-10T12:00:00Z')
    expect((await at('2024-05-31T22:59:59Z')).body).toEqual(errors(['declaration_date', TEXT.early]))
    expect((await at('2025-01-01T00:00:00Z')).body).toEqual(errors(['declaration_date', TEXT.late]))
    const first = await at('2024-05-31T23:00:00Z')
    expect(first.status).toBe(200)
    expect(first.body.data.attributes.statement_id).toBe((await t.db.selectFrom('statements').select('id').where('lead_provider_id', '=', teachFirst.id).where('cohort_year', '=', 2024).where('month', '=', 4).executeTakeFirstOrThrow()).id)
    expect(tf2024.id).not.toBe(first.body.data.attributes.statement_id)
  })

  it('D-44 #12: not an RFC 3339 date-time, or not a real instant; a bare date fails; #9 … #11 do not run', async () => {
    const scene = await ect()
    for (const date of ['2026-11-20', '2026-13-01T09:00:00Z', '2026-02-30T09:00:00Z', '20 November 2026', '2026-11-20T25:00:00Z', '2099-11-20 09:00:00']) {
      const res = await post(teachFirst.token, started(scene.teacherId, { declaration_date: date }))
      expect([date, res.body]).toEqual([date, errors(['declaration_date', TEXT.badDate])])
    }
    for (const date of ['2026-11-20T09:00:00', '2026-11-20T09:00:00.123Z', '2026-11-20T09:00:00,5+01', '2026-11-20T09:00:00+0100']) {
      const res = await post(teachFirst.token, started(scene.teacherId, { declaration_date: date, declaration_type: 'retained-1' }))
      expect([date, res.status]).toEqual([date, 200])
      await t.db.deleteFrom('declarations').where('id', '=', res.body.data.id).execute()
    }
  })

  it('D-44 #13: a 2025 mentor may only be declared started and completed', async () => {
    const scene = await d.trainee(t.db, teachFirst, { cohort: 2025, role: 'mentor', started_on: '2025-09-01' })
    const res = await post(teachFirst.token, started(scene.teacherId, { course_identifier: 'ecf-mentor', declaration_type: 'retained-1' }))
    expect(res.body).toEqual(errors(['declaration_type', TEXT.mentorTypes]))
  })

  it('D-44 #14, #15, D-45: evidence in a detailed-evidence cohort', async () => {
    const scene = await ect()
    expect((await post(teachFirst.token, started(scene.teacherId, { evidence_held: undefined }))).body).toEqual(errors(['evidence_held', TEXT.evidenceMissing]))
    const cases: [string, string, string, number][] = [
      ['ecf-induction', 'retained-2', 'training-event-attended', 422],
      ['ecf-induction', 'retained-2', '75-percent-engagement-met-reduced-induction', 200],
      ['ecf-induction', 'completed', 'one-term-induction', 200],
      ['ecf-induction', 'retained-1', 'one-term-induction', 422],
      ['ecf-induction', 'retained-3', 'materials-engaged-with-offline', 200],
    ]
    for (const [course, type, evidence, status] of cases) {
      const other = await ect()
      const res = await post(teachFirst.token, started(other.teacherId, { course_identifier: course, declaration_type: type, evidence_held: evidence }))
      expect([type, evidence, res.status]).toEqual([type, evidence, status])
      if (status === 422) expect(res.body).toEqual(errors(['evidence_held', TEXT.evidenceInvalid]))
    }
    const mentor = await d.trainee(t.db, teachFirst, { cohort: 2025, role: 'mentor', started_on: '2025-09-01' })
    const mentorCompleted = await post(teachFirst.token, started(mentor.teacherId, { course_identifier: 'ecf-mentor', declaration_type: 'completed', evidence_held: 'one-term-induction' }))
    expect(mentorCompleted.body).toEqual(errors(['evidence_held', TEXT.evidenceInvalid]))
    const mentorStarted = await post(teachFirst.token, started(mentor.teacherId, { course_identifier: 'ecf-mentor', evidence_held: null }))
    expect(mentorStarted.body).toEqual(errors(['evidence_held', TEXT.evidenceMissing]))
  })

  it('D-45 (decided): before 2025 a started declaration needs no evidence and keeps only one of the three values; others need one of the three', async () => {
    const when = '2025-01-10T12:00:00Z'
    const body = (id: string, extra: Record<string, unknown>) => started(id, { declaration_date: '2024-10-01T09:00:00Z', ...extra })
    const a = await d.trainee(t.db, teachFirst, { cohort: 2024, started_on: '2024-09-01' })
    const dropped = await post(teachFirst.token, body(a.teacherId, { evidence_held: 'materials-engaged-with-offline' }), when)
    expect([dropped.status, dropped.body.data.attributes.evidence_held]).toEqual([200, null])
    const b = await d.trainee(t.db, teachFirst, { cohort: 2024, started_on: '2024-09-01' })
    const kept = await post(teachFirst.token, body(b.teacherId, { evidence_held: 'self-study-material-completed' }), when)
    expect(kept.body.data.attributes.evidence_held).toBe('self-study-material-completed')
    const retained = await post(teachFirst.token, body(b.teacherId, { declaration_type: 'retained-1', declaration_date: '2025-01-05T09:00:00Z', evidence_held: 'materials-engaged-with-offline' }), when)
    expect(retained.body).toEqual(errors(['evidence_held', TEXT.evidenceInvalid]))
    const missing = await post(teachFirst.token, body(b.teacherId, { declaration_type: 'retained-1', declaration_date: '2025-01-05T09:00:00Z', evidence_held: null }), when)
    expect(missing.body).toEqual(errors(['evidence_held', TEXT.evidenceMissing]))
  })

  it('D-44 #16: a withdrawn participant cannot be declared for on or after the withdrawal', async () => {
    const scene = await ect()
    await t.db
      .updateTable('training_periods')
      .set({ withdrawn_at: new Date('2026-11-02T10:41:07.250Z'), withdrawal_reason: 'other', finished_on: '2026-11-02' })
      .where('id', '=', scene.trainingId)
      .execute()
    const res = await post(teachFirst.token, started(scene.teacherId, { declaration_date: '2026-11-02T10:41:07.250Z' }))
    expect(res.body).toEqual(
      errors(['participant_id', "This participant withdrew from this course on 2026-11-02T10:41:07Z. Enter a '#/declaration_date' that's on or before the withdrawal date."]),
    )
    expect((await post(teachFirst.token, started(scene.teacherId, { declaration_date: '2026-11-02T10:41:07Z' }))).status).toBe(200)
  })

  it('D-44 #17, D-7: the training covering today is in a payments-frozen cohort', async () => {
    await f.cohort(t.db, 2022)
    await t.db.updateTable('cohorts').set({ payments_frozen_on: '2026-06-01' }).where('year', '=', 2022).execute()
    await f.pairing(t.db, teachFirst.id, teachFirst.deliveryPartnerId, 2022)
    const scene = await d.trainee(t.db, teachFirst, { cohort: 2022, started_on: '2022-09-01', schedule_identifier: 'ecf-extended-september' })
    await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2022, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' })
    const res = await post(teachFirst.token, started(scene.teacherId, { declaration_type: 'extended-1' }))
    expect(res.body).toEqual(
      errors(['cohort', 'You cannot submit declarations for the 2022 cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us.']),
    )
  })

  it('D-44 #18: a funding-eligible role needs an open statement of the caller in the cohort with a cut-off from today', async () => {
    const scene = await ect()
    const res = await post(teachFirst.token, started(scene.teacherId, { declaration_date: '2027-04-02T09:00:00Z' }), '2027-04-02T12:00:00Z')
    expect(res.body).toEqual(
      errors(['cohort', 'You cannot submit or void declarations for the 2025 cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us.']),
    )
  })

  it('D-44 #19: a type the schedule has no milestone for', async () => {
    const scene = await ect()
    const res = await post(teachFirst.token, started(scene.teacherId, { declaration_type: 'extended-1' }))
    expect(res.body).toEqual(errors(['declaration_type', TEXT.noMilestone]))
  })

  it('D-44 #20, D-46: the worked example — evidence and sequence reported together, evidence first', async () => {
    const scene = await ect()
    const r1 = await post(teachFirst.token, started(scene.teacherId, { declaration_type: 'retained-1', declaration_date: '2026-03-10T09:00:00Z' }))
    expect(r1.status).toBe(200)
    const res = await post(teachFirst.token, started(scene.teacherId, { declaration_type: 'retained-2', declaration_date: '2026-02-01T09:00:00Z' }))
    expect(res.text).toBe(
      JSON.stringify(errors(['evidence_held', TEXT.evidenceInvalid], ['declaration_date', TEXT.sequence])),
    )
  })

  it('D-46: equal instants pass; a later type may not precede, nor an earlier type follow; voided ones do not count', async () => {
    const scene = await ect()
    await post(teachFirst.token, started(scene.teacherId, { declaration_type: 'retained-2', declaration_date: '2026-03-10T09:00:00Z', evidence_held: '75-percent-engagement-met' }))
    const equal = await post(teachFirst.token, started(scene.teacherId, { declaration_type: 'retained-1', declaration_date: '2026-03-10T09:00:00Z' }))
    expect(equal.status).toBe(200)
    const late = await post(teachFirst.token, started(scene.teacherId, { declaration_date: '2026-03-10T09:00:01Z' }))
    expect(late.body).toEqual(errors(['declaration_date', TEXT.sequence]))
    await t.request('PUT', `/api/v3/participant-declarations/${equal.body.data.id}/void`, { token: teachFirst.token, date: NOW })
    const after = await post(teachFirst.token, started(scene.teacherId, { declaration_type: 'retained-3', declaration_date: '2026-03-09T09:00:00Z' }))
    expect(after.body).toEqual(errors(['declaration_date', TEXT.sequence]))
    const ok = await post(teachFirst.token, started(scene.teacherId, { declaration_type: 'retained-1', declaration_date: '2026-03-01T09:00:00Z' }))
    expect(ok.status).toBe(200)
  })

  it("D-44 #21: another lead provider's participant is not recognised", async () => {
    const scene = await ect()
    const res = await post(ambition.token, started(scene.teacherId))
    expect(res.body).toEqual(errors(['participant_id', TEXT.unknown]))
  })

  it('D-48: a 2024 started declaration records the uplifts of the day; uplift_paid once paid', async () => {
    const school = await f.school(t.db)
    await t.db.updateTable('schools').set({ pupil_premium_uplift: true }).where('id', '=', school.id).execute()
    const scene = await d.trainee(t.db, teachFirst, { cohort: 2024, started_on: '2024-09-01', school_id: school.id })
    const res = await post(teachFirst.token, started(scene.teacherId, { declaration_date: '2024-10-01T09:00:00Z' }), '2025-01-10T12:00:00Z')
    expect(res.body.data.attributes.uplift_paid).toBe(false)
    const row = await t.db.selectFrom('declarations').select(['pupil_premium_uplift', 'sparsity_uplift']).where('id', '=', res.body.data.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ pupil_premium_uplift: true, sparsity_uplift: false })
    await t.db.updateTable('declarations').set({ payment_status: 'payable' }).where('id', '=', res.body.data.id).execute()
    await t.db.updateTable('declarations').set({ payment_status: 'paid' }).where('id', '=', res.body.data.id).execute()
    const shown = await t.request('GET', `/api/v3/participant-declarations/${res.body.data.id}`, { token: teachFirst.token })
    expect(shown.body.data.attributes.uplift_paid).toBe(true)
  })

  it('D-48: the nearest mentorship when none covers the date; the delivery partner stays as recorded', async () => {
    const scene = await ect()
    const [m1, m2] = [await p.teacher(t.db), await p.teacher(t.db)]
    const mp1 = await p.atSchoolPeriod(t.db, { teacher_id: m1.id, school_id: scene.schoolId, role: 'mentor', started_on: '2025-09-01' })
    const mp2 = await p.atSchoolPeriod(t.db, { teacher_id: m2.id, school_id: scene.schoolId, role: 'mentor', started_on: '2025-09-01' })
    const ectPeriod = { id: scene.periodId, teacher_id: scene.teacherId, school_id: scene.schoolId }
    await p.mentorship(t.db, { ect_period: ectPeriod, mentor_period: mp1, started_on: '2025-09-01', finished_on: '2025-10-01' })
    await p.mentorship(t.db, { ect_period: ectPeriod, mentor_period: mp2, started_on: '2026-01-10', finished_on: '2026-03-01' })
    const res = await post(teachFirst.token, started(scene.teacherId, { declaration_date: '2026-01-01T09:00:00Z' }))
    expect(res.body.data.attributes.mentor_id).toBe(m2.id)
    const dp = await f.deliveryPartner(t.db)
    await f.pairing(t.db, teachFirst.id, dp.id, 2025)
    await t.db.updateTable('partnerships').set({ delivery_partner_id: dp.id }).where('id', '=', scene.partnershipId).execute()
    const shown = await t.request('GET', `/api/v3/participant-declarations/${res.body.data.id}`, { token: teachFirst.token })
    expect(shown.body.data.attributes.delivery_partner_id).toBe(teachFirst.deliveryPartnerId)
  })

  it('D-1: new declarations go on the target TP, the one with the greatest started_on', async () => {
    const scene = await ect({ finished_on: '2026-01-01' })
    const later = await d.trainee(t.db, teachFirst, { cohort: 2025, started_on: '2026-01-01', teacher_id: scene.teacherId })
    const res = await post(teachFirst.token, started(scene.teacherId))
    const row = await t.db.selectFrom('declarations').select('training_period_id').where('id', '=', res.body.data.id).executeTakeFirstOrThrow()
    expect(row.training_period_id).toBe(later.trainingId)
  })

  it('D-49: a mentor completion sets the funding facts and finishes the TP; voiding it clears them and continues the training', async () => {
    const scene = await d.trainee(t.db, teachFirst, { cohort: 2025, role: 'mentor', started_on: '2025-09-01' })
    const body = { participant_id: scene.teacherId, declaration_type: 'completed', declaration_date: '2026-11-20T09:00:00Z', course_identifier: 'ecf-mentor', evidence_held: '75-percent-engagement-met' }
    const res = await post(teachFirst.token, body)
    expect(res.status).toBe(200)
    const teacher = () =>
      t.db.selectFrom('teachers').select(['mentor_ineligible_for_funding_on', 'mentor_ineligible_for_funding_reason', 'updated_at']).where('id', '=', scene.teacherId).executeTakeFirstOrThrow()
    expect(await teacher()).toEqual({ mentor_ineligible_for_funding_on: '2026-11-20', mentor_ineligible_for_funding_reason: 'completed_declaration_received', updated_at: new Date(NOW) })
    const tps = () => t.db.selectFrom('training_periods').select(['started_on', 'finished_on', 'partnership_id', 'schedule_identifier']).where('teacher_id', '=', scene.teacherId).orderBy('started_on').execute()
    expect(await tps()).toEqual([{ started_on: '2025-09-01', finished_on: '2026-11-21', partnership_id: scene.partnershipId, schedule_identifier: 'ecf-standard-september' }])
    const voided = await t.request('PUT', `/api/v3/participant-declarations/${res.body.data.id}/void`, { token: teachFirst.token, date: '2026-11-25T09:00:00Z' })
    expect(voided.status).toBe(200)
    expect(await teacher()).toEqual({ mentor_ineligible_for_funding_on: null, mentor_ineligible_for_funding_reason: null, updated_at: new Date('2026-11-25T09:00:00Z') })
    expect(await tps()).toEqual([
      { started_on: '2025-09-01', finished_on: '2026-11-21', partnership_id: scene.partnershipId, schedule_identifier: 'ecf-standard-september' },
      { started_on: '2026-11-21', finished_on: null, partnership_id: scene.partnershipId, schedule_identifier: 'ecf-standard-september' },
    ])
  })

  it('C-8, C-37: the token comes first; filter must be an object on the write too', async () => {
    const res = await t.request('POST', '/api/v3/participant-declarations', { body: d.declarationBody({}) })
    expect(res.status).toBe(401)
    const filter = await t.request('POST', '/api/v3/participant-declarations?filter=x', { token: teachFirst.token, body: d.declarationBody({ participant_id: 'x' }) })
    expect(filter.body).toEqual({ errors: [{ title: 'Bad parameter', detail: 'Filter must be a hash' }] })
  })
})

