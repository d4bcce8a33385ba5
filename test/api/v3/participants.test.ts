// GET /api/v3/participants: R-34 attributes of one participant.
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'
import { place, provider, setTeacher, setTrainingPeriod } from '../../support/participants-scene.ts'
import { enrolmentOf, feedRequests } from '../../support/participants-feed.ts'

const t = await setupTestApp()
const { get, show, enrolments } = feedRequests(t)
const lp = await provider(t.db)
const other = await provider(t.db)

describe('GET /api/v3/participants/{id}: R-34 attributes', () => {
  it('R-34: an ECT confirmed with the caller shows every attribute of the table', async () => {
    const pl = await place(t.db, lp)
    const res = await get(lp, `/participants/${pl.teacherId}`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      data: {
        id: pl.teacherId,
        type: 'participant',
        attributes: {
          full_name: `Test Teacher ${pl.teacher.trn}`,
          teacher_reference_number: pl.teacher.trn,
          ecf_enrolments: [enrolmentOf(pl, lp)],
          participant_id_changes: [],
          updated_at: '2025-08-31T23:00:00Z',
        },
      },
    })
  })

  it('R-33, R-34: a teacher in both roles has the ECT enrolment first, each with its own training record id, email and created_at', async () => {
    const mentorFirst = await place(t.db, lp, { role: 'mentor', period: { started_on: '2025-09-01', created_at: '2025-08-20T10:00:00Z' } })
    const asEct = await place(t.db, lp, { teacherId: mentorFirst.teacherId, period: { started_on: '2025-09-02', created_at: '2025-08-21T10:00:00Z' } })
    const body = await show(lp, mentorFirst.teacherId)
    expect(body.data.attributes.ecf_enrolments).toEqual([
      enrolmentOf(asEct, lp, { created_at: '2025-08-21T10:00:00Z' }),
      enrolmentOf(mentorFirst, lp, { created_at: '2025-08-20T10:00:00Z' }),
    ])
    expect(body.data.attributes.ecf_enrolments[0].training_record_id).not.toBe(body.data.attributes.ecf_enrolments[1].training_record_id)
  })

  it('R-34 created_at: the creation instant of the earliest at-school period in that role, at any school', async () => {
    const first = await place(t.db, other, { period: { started_on: '2025-09-01', finished_on: '2025-10-01', created_at: '2025-08-01T07:00:00Z' } })
    await place(t.db, lp, { teacherId: first.teacherId, period: { started_on: '2025-10-01', created_at: '2025-09-25T12:34:56Z' } })
    const [enrolment] = await enrolments(lp, first.teacherId)
    expect(enrolment.created_at).toBe('2025-08-01T07:00:00Z')
  })

  it("R-34 working_pattern: the teacher's latest ECT period at any school, even one the caller does not train", async () => {
    const pl = await place(t.db, lp, { period: { started_on: '2025-09-01', finished_on: '2025-10-01', working_pattern: 'full_time' } })
    await place(t.db, other, { teacherId: pl.teacherId, period: { started_on: '2025-10-01', working_pattern: 'part_time' } })
    const [enrolment] = await enrolments(lp, pl.teacherId)
    expect(enrolment).toMatchObject({ working_pattern: 'part_time', school_urn: pl.school.urn, participant_status: 'left' })
  })

  it("R-34 mentor_id: the earliest mentorship of the period in force today or starting later; past ones and other periods' never", async () => {
    const ect = await place(t.db, lp)
    const mentors = []
    for (let i = 0; i < 4; i++) {
      const m = await p.teacher(t.db)
      mentors.push({ teacher: m, period: await p.atSchoolPeriod(t.db, { teacher_id: m.id, school_id: ect.school.id, role: 'mentor', started_on: '2025-09-01' }) })
    }
    const [past, current, future, later] = mentors as [typeof mentors[0], typeof mentors[0], typeof mentors[0], typeof mentors[0]]
    await p.mentorship(t.db, { ect_period: ect.period, mentor_period: past.period, started_on: '2025-09-01', finished_on: '2025-11-01' })
    await p.mentorship(t.db, { ect_period: ect.period, mentor_period: later.period, started_on: '2026-01-05' })
    await p.mentorship(t.db, { ect_period: ect.period, mentor_period: current.period, started_on: '2025-11-01', finished_on: '2025-12-01' })
    await p.mentorship(t.db, { ect_period: ect.period, mentor_period: future.period, started_on: '2025-12-01', finished_on: '2026-01-05' })
    expect((await enrolments(lp, ect.teacherId, '2025-10-15'))[0].mentor_id).toBe(past.teacher.id)
    expect((await enrolments(lp, ect.teacherId, '2025-11-12'))[0].mentor_id).toBe(current.teacher.id)
    expect((await enrolments(lp, ect.teacherId, '2025-12-01'))[0].mentor_id).toBe(future.teacher.id)
    expect((await enrolments(lp, ect.teacherId, '2026-03-01'))[0].mentor_id).toBe(later.teacher.id)
  })

  it('R-34 mentor_id: null for a mentor enrolment, whoever the mentor mentors', async () => {
    const mentor = await place(t.db, lp, { role: 'mentor' })
    const ect = await place(t.db, lp, { school: mentor.school })
    await p.mentorship(t.db, { ect_period: ect.period, mentor_period: mentor.period, started_on: '2025-09-01' })
    expect((await enrolments(lp, mentor.teacherId))[0].mentor_id).toBeNull()
    expect((await enrolments(lp, ect.teacherId))[0].mentor_id).toBe(mentor.teacherId)
  })

  it("R-34 uplifts: the school's flags when the cohort pays uplifts (2024), false when it does not (2025); mentors included", async () => {
    const school = await f.school(t.db)
    await t.db.updateTable('schools').set({ pupil_premium_uplift: true, sparsity_uplift: true }).where('id', '=', school.id).execute()
    const in2024 = await place(t.db, lp, { school, cohort: 2024, period: { started_on: '2024-09-01' } })
    const mentor2024 = await place(t.db, lp, { school, cohort: 2024, role: 'mentor', period: { started_on: '2024-09-01' } })
    const in2025 = await place(t.db, lp, { school, cohort: 2025 })
    expect((await enrolments(lp, in2024.teacherId))[0]).toMatchObject({ cohort: '2024', pupil_premium_uplift: true, sparsity_uplift: true })
    expect((await enrolments(lp, mentor2024.teacherId))[0]).toMatchObject({ cohort: '2024', pupil_premium_uplift: true, sparsity_uplift: true })
    expect((await enrolments(lp, in2025.teacherId))[0]).toMatchObject({ cohort: '2025', pupil_premium_uplift: false, sparsity_uplift: false })
  })

  it("R-34 schedule_identifier and delivery_partner_id: the TP's schedule and the partnership's current delivery partner", async () => {
    const pl = await place(t.db, lp, { tp: { started_on: '2025-09-01', schedule_identifier: 'ecf-extended-january' } })
    const tp = await t.db.selectFrom('training_periods').select('partnership_id').where('id', '=', pl.tpId).executeTakeFirstOrThrow()
    const dp = await f.deliveryPartner(t.db)
    await f.pairing(t.db, lp.id, dp.id, 2025)
    await t.db.updateTable('partnerships').set({ delivery_partner_id: dp.id }).where('id', '=', tp.partnership_id!).execute()
    expect((await enrolments(lp, pl.teacherId))[0]).toMatchObject({ schedule_identifier: 'ecf-extended-january', delivery_partner_id: dp.id })
  })

  it('R-34 induction facts: shown on the ECT enrolment only; mentor funding facts on the mentor enrolment only', async () => {
    const ect = await place(t.db, lp)
    const mentor = await place(t.db, lp, { teacherId: ect.teacherId, role: 'mentor', school: ect.school })
    await setTeacher(t.db, ect.teacherId, {
      induction_started_on: '2025-09-01',
      induction_completed_on: '2027-07-20',
      latest_induction_period_finished_on: '2027-07-19',
      mentor_eligible_for_funding_at: new Date('2025-09-01T10:00:00Z'),
      mentor_ineligible_for_funding_on: '2026-07-31',
      mentor_ineligible_for_funding_reason: 'completed_declaration_received',
    })
    expect(await enrolments(lp, ect.teacherId)).toEqual([
      enrolmentOf(ect, lp, { induction_end_date: '2027-07-20', overall_induction_start_date: '2025-09-01', most_recent_induction_period_end_date: '2027-07-19' }),
      enrolmentOf(mentor, lp, { eligible_for_funding: true, mentor_funding_end_date: '2026-07-31', mentor_ineligible_for_funding_reason: 'completed_declaration_received' }),
    ])
  })

  it("R-34 cohort_changed_after_payments_frozen: the role's payments-frozen year is set", async () => {
    const ect = await place(t.db, lp)
    await place(t.db, lp, { teacherId: ect.teacherId, role: 'mentor', school: ect.school })
    await setTeacher(t.db, ect.teacherId, { ect_payments_frozen_year: 2022 })
    const [asEct, asMentor] = await enrolments(lp, ect.teacherId)
    expect([asEct.cohort_changed_after_payments_frozen, asMentor.cohort_changed_after_payments_frozen]).toEqual([true, false])
    await setTeacher(t.db, ect.teacherId, { ect_payments_frozen_year: null, mentor_payments_frozen_year: 2023 })
    const [again, mentorAgain] = await enrolments(lp, ect.teacherId)
    expect([again.cohort_changed_after_payments_frozen, mentorAgain.cohort_changed_after_payments_frozen]).toEqual([false, true])
  })

  it('R-34 participant_id_changes: every id change of the teacher, oldest first', async () => {
    const pl = await place(t.db, lp)
    const [a, b, c] = ['0a000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000003']
    await t.db
      .insertInto('participant_id_changes')
      .values([
        { id: crypto.randomUUID(), teacher_id: pl.teacherId, from_participant_id: b, to_participant_id: pl.teacherId, changed_at: new Date('2024-03-02T10:00:00.900Z') },
        { id: crypto.randomUUID(), teacher_id: pl.teacherId, from_participant_id: a, to_participant_id: c, changed_at: new Date('2023-01-01T12:00:00Z') },
      ])
      .execute()
    expect((await show(lp, pl.teacherId)).data.attributes.participant_id_changes).toEqual([
      { from_participant_id: a, to_participant_id: c, changed_at: '2023-01-01T12:00:00Z' },
      { from_participant_id: b, to_participant_id: pl.teacherId, changed_at: '2024-03-02T10:00:00Z' },
    ])
  })

  it('R-34 withdrawal: {reason, date} while withdrawn, reason dasherised (D-12); deferral null', async () => {
    const pl = await place(t.db, lp, { tp: { started_on: '2025-09-01', finished_on: '2025-11-10' } })
    await setTrainingPeriod(t.db, pl.tpId, { withdrawn_at: new Date('2025-11-10T10:41:07.5Z'), withdrawal_reason: 'left_teaching_profession' })
    expect((await enrolments(lp, pl.teacherId))[0]).toEqual(
      enrolmentOf(pl, lp, { training_status: 'withdrawn', participant_status: 'left', withdrawal: { reason: 'left-teaching-profession', date: '2025-11-10T10:41:07Z' } }),
    )
  })

  it('R-34 deferral: {reason, date} while deferred (D-13); withdrawal null', async () => {
    const pl = await place(t.db, lp, { tp: { started_on: '2025-09-01', finished_on: '2025-11-10' } })
    await setTrainingPeriod(t.db, pl.tpId, { deferred_at: new Date('2025-11-10T09:00:00Z'), deferral_reason: 'parental-leave' })
    expect((await enrolments(lp, pl.teacherId))[0]).toEqual(
      enrolmentOf(pl, lp, { training_status: 'deferred', participant_status: 'left', deferral: { reason: 'parental-leave', date: '2025-11-10T09:00:00Z' } }),
    )
  })
})
