import { describe, expect, it } from 'vitest'
import { onPostgres } from '../../support/db.ts'
import * as f from '../../support/factories.ts'
import * as d from '../../support/factories-declarations.ts'
import { NOW, TEXT, declarationsPostScene, errors, started } from '../../support/declarations-post.ts'

const { t, teachFirst, ambition, tf2024, post, ect } = await declarationsPostScene()

describe('POST /api/v3/participant-declarations: the D-44 checks in order, D-45 … D-47', () => {
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

  it("D-44 #21 (decided): another provider's participant gets #21 alone: not #8 when that provider has declared the milestone, nor any other check", async () => {
    const scene = await ect()
    expect((await post(teachFirst.token, started(scene.teacherId))).status).toBe(200)
    const res = await post(ambition.token, started(scene.teacherId))
    expect([res.status, res.body]).toEqual([422, errors(['participant_id', TEXT.unknown])])
    const wrongType = await post(ambition.token, started(scene.teacherId, { declaration_type: 'nonsense' }))
    expect([wrongType.status, wrongType.body]).toEqual([422, errors(['participant_id', TEXT.unknown])])
  })

})
