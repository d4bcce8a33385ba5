import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import { countingApp } from '../../support/count-statements.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'
import { partnershipOf, place, provider, setTeacher, setTrainingPeriod, type Placement, type Provider } from '../../support/participants-scene.ts'

const t = await setupTestApp()
const TODAY = '2025-11-12'
const NOT_FOUND = { errors: [{ title: 'Resource not found', detail: 'Nothing could be found for the provided details' }] }
const PAGE_400 = { errors: [{ title: 'Bad request', detail: "The '#/page[page]' and '#/page[per_page]' parameter values must be a valid positive number" }] }

const get = (lp: Provider, path: string, date = TODAY) => t.request('GET', `/api/v3${path}`, { token: lp.token, date })
const show = async (lp: Provider, id: string, date = TODAY) => (await get(lp, `/participants/${id}`, date)).body
const enrolments = async (lp: Provider, id: string, date = TODAY) => (await show(lp, id, date)).data.attributes.ecf_enrolments
const ids = (body: { data: { id: string }[] }) => body.data.map((d) => d.id)

/** The enrolment a factory placement shows, before any test changes it. */
function enrolmentOf(pl: Placement, lp: Provider, overrides: Record<string, unknown> = {}) {
  const ect = pl.period.role === 'ect'
  return {
    training_record_id: ect ? pl.teacher.ect_training_record_id : pl.teacher.mentor_training_record_id,
    email: `${pl.periodId.slice(0, 8)}@example.sch.uk`,
    mentor_id: null,
    school_urn: pl.school.urn,
    participant_type: pl.period.role,
    working_pattern: ect ? 'full_time' : null,
    cohort: '2025',
    training_status: 'active',
    participant_status: 'active',
    eligible_for_funding: ect ? true : null,
    pupil_premium_uplift: false,
    sparsity_uplift: false,
    schedule_identifier: 'ecf-standard-september',
    delivery_partner_id: lp.deliveryPartnerId,
    withdrawal: null,
    deferral: null,
    created_at: '2025-06-01T09:00:00Z',
    induction_end_date: null,
    most_recent_induction_period_end_date: null,
    overall_induction_start_date: null,
    mentor_funding_end_date: null,
    cohort_changed_after_payments_frozen: false,
    mentor_ineligible_for_funding_reason: null,
    ...overrides,
  }
}

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

describe('R-35 participant_status', () => {
  const scene = async (tp: { started_on: string; finished_on?: string | null }, period = { started_on: '2025-09-01' }) =>
    place(t.db, lp, { period: { ...period, finished_on: tp.finished_on ?? null }, tp })
  const statusOn = async (pl: Placement, date: string) => (await enrolments(lp, pl.teacherId, date))[0].participant_status

  it('R-35 rule 1: a withdrawn TP is leaving until its finished_on, then left', async () => {
    const pl = await scene({ started_on: '2025-09-01', finished_on: '2025-12-01' })
    await setTrainingPeriod(t.db, pl.tpId, { withdrawn_at: new Date('2025-11-01T10:00:00Z'), withdrawal_reason: 'other' })
    expect([await statusOn(pl, '2025-11-30'), await statusOn(pl, '2025-12-01')]).toEqual(['leaving', 'left'])
  })

  it('R-35 rule 1: a deferred TP is left from its finished_on, even when induction is complete', async () => {
    const pl = await scene({ started_on: '2025-09-01', finished_on: '2025-11-10' })
    await setTrainingPeriod(t.db, pl.tpId, { deferred_at: new Date('2025-11-10T10:00:00Z'), deferral_reason: 'career-break' })
    await setTeacher(t.db, pl.teacherId, { induction_completed_on: '2025-11-01' })
    expect([await statusOn(pl, '2025-11-09'), await statusOn(pl, '2025-11-10')]).toEqual(['leaving', 'left'])
  })

  it('R-35 rule 2: an ECT whose induction completed on or before the finished_on is active', async () => {
    const pl = await scene({ started_on: '2025-09-01', finished_on: '2025-11-01' })
    await setTeacher(t.db, pl.teacherId, { induction_completed_on: '2025-11-01' })
    expect(await statusOn(pl, '2026-01-01')).toBe('active')
  })

  it('R-35 rule 2: an ongoing TP with induction completed is active, even before it starts', async () => {
    const pl = await scene({ started_on: '2025-12-01' }, { started_on: '2025-12-01' })
    await setTeacher(t.db, pl.teacherId, { induction_completed_on: '2027-07-20' })
    expect(await statusOn(pl, '2025-11-12')).toBe('active')
  })

  it('R-35 rule 2: induction completed after the finished_on falls through to rule 3', async () => {
    const pl = await scene({ started_on: '2025-09-01', finished_on: '2025-11-01' })
    await setTeacher(t.db, pl.teacherId, { induction_completed_on: '2025-11-02' })
    expect(await statusOn(pl, '2025-11-12')).toBe('left')
  })

  it("R-35 rule 2: a mentor whose mentor_ineligible_for_funding_on is on or before the finished_on is active; an ECT's is not read", async () => {
    const mentor = await place(t.db, lp, { role: 'mentor', period: { started_on: '2025-09-01', finished_on: '2025-11-01' } })
    await setTeacher(t.db, mentor.teacherId, { mentor_ineligible_for_funding_on: '2025-10-31', induction_completed_on: null })
    expect(await statusOn(mentor, '2025-11-12')).toBe('active')
    const ect = await scene({ started_on: '2025-09-01', finished_on: '2025-11-01' })
    await setTeacher(t.db, ect.teacherId, { mentor_ineligible_for_funding_on: '2025-10-31' })
    expect(await statusOn(ect, '2025-11-12')).toBe('left')
  })

  it('R-35 rule 3: a finished TP is leaving until its date, then left', async () => {
    const pl = await scene({ started_on: '2025-09-01', finished_on: '2026-02-13' })
    expect([await statusOn(pl, '2026-02-12'), await statusOn(pl, '2026-02-13')]).toEqual(['leaving', 'left'])
  })

  it('R-35 rule 3: an empty TP [F, F) is leaving until F, then left (R-7)', async () => {
    const pl = await place(t.db, lp, { period: { started_on: '2025-09-01' }, tp: { started_on: '2026-01-05', finished_on: '2026-01-05' } })
    expect([await statusOn(pl, '2025-11-12'), await statusOn(pl, '2026-01-05')]).toEqual(['leaving', 'left'])
  })

  it('R-35 rule 4, 5: a TP starting after today is joining, then active from its started_on', async () => {
    const pl = await scene({ started_on: '2026-01-05' }, { started_on: '2026-01-05' })
    expect([await statusOn(pl, '2026-01-04'), await statusOn(pl, '2026-01-05')]).toEqual(['joining', 'active'])
  })
})

describe('R-36 training_status', () => {
  const withStamps = async (withdrawn: string | null, deferred: string | null) => {
    const pl = await place(t.db, lp, { tp: { started_on: '2025-09-01', finished_on: '2025-11-01' } })
    await setTrainingPeriod(t.db, pl.tpId, {
      withdrawn_at: withdrawn ? new Date(withdrawn) : null,
      withdrawal_reason: withdrawn ? 'moved-school' : null,
      deferred_at: deferred ? new Date(deferred) : null,
      deferral_reason: deferred ? 'bereavement' : null,
    })
    return (await enrolments(lp, pl.teacherId))[0]
  }

  it('R-36: active without a withdrawal or deferral', async () => {
    expect((await withStamps(null, null)).training_status).toBe('active')
  })

  it('R-36: withdrawn when withdrawn after a deferral; deferral is then null', async () => {
    const e = await withStamps('2025-11-02T10:00:00Z', '2025-11-01T10:00:00Z')
    expect([e.training_status, e.withdrawal, e.deferral]).toEqual(['withdrawn', { reason: 'moved-school', date: '2025-11-02T10:00:00Z' }, null])
  })

  it('R-36: deferred when deferred after a withdrawal; withdrawal is then null', async () => {
    const e = await withStamps('2025-11-01T10:00:00Z', '2025-11-02T10:00:00Z')
    expect([e.training_status, e.withdrawal, e.deferral]).toEqual(['deferred', null, { reason: 'bereavement', date: '2025-11-02T10:00:00Z' }])
  })
})

describe('R-37 eligible_for_funding', () => {
  const ectWith = async (eligibleAt: string | null, ineligibleOn: string | null) => {
    const pl = await place(t.db, lp)
    await setTeacher(t.db, pl.teacherId, { ect_eligible_for_funding_at: eligibleAt ? new Date(eligibleAt) : null, ect_ineligible_for_funding_on: ineligibleOn })
    return (await enrolments(lp, pl.teacherId))[0].eligible_for_funding
  }

  it('R-37: null when neither fact is set', async () => {
    expect(await ectWith(null, null)).toBeNull()
  })

  it('R-37: true when eligible and never made ineligible', async () => {
    expect(await ectWith('2025-09-01T08:00:00Z', null)).toBe(true)
  })

  it("R-37: true when the eligible instant's London date is on or before the ineligible date", async () => {
    // 2025-08-31T23:30Z is 1 September in London (BST).
    expect(await ectWith('2025-08-31T23:30:00Z', '2025-09-01')).toBe(true)
  })

  it("R-37: false when the eligible instant's London date is after the ineligible date, or only the ineligible date is set", async () => {
    expect(await ectWith('2025-08-31T23:30:00Z', '2025-08-31')).toBe(false)
    expect(await ectWith(null, '2025-08-31')).toBe(false)
  })

  it("R-37: the mentor enrolment reads the mentor's facts, and stays true after the mentor completes", async () => {
    const mentor = await place(t.db, lp, { role: 'mentor' })
    await setTeacher(t.db, mentor.teacherId, {
      ect_eligible_for_funding_at: null,
      ect_ineligible_for_funding_on: '2020-01-01',
      mentor_eligible_for_funding_at: new Date('2025-09-01T08:00:00Z'),
      mentor_ineligible_for_funding_on: '2026-07-31',
      mentor_ineligible_for_funding_reason: 'completed_declaration_received',
    })
    expect((await enrolments(lp, mentor.teacherId))[0].eligible_for_funding).toBe(true)
  })
})

describe('R-32 membership and R-33 enrolments', () => {
  it('R-32: finished, future and empty confirmed periods all count', async () => {
    const finished = await place(t.db, lp, { period: { started_on: '2025-09-01', finished_on: '2025-10-01' } })
    const future = await place(t.db, lp, { period: { started_on: '2026-04-01' } })
    const empty = await place(t.db, lp, { period: { started_on: '2025-09-01' }, tp: { started_on: '2025-10-01', finished_on: '2025-10-01' } })
    for (const pl of [finished, future, empty]) expect((await get(lp, `/participants/${pl.teacherId}`)).status).toBe(200)
  })

  it('R-32: an awaiting-partnership period never counts, even once a partnership exists for another lead provider', async () => {
    const pl = await place(t.db, lp, { awaiting: true })
    expect((await get(lp, `/participants/${pl.teacherId}`)).body).toEqual(NOT_FOUND)
    await place(t.db, other, { school: pl.school, teacherId: (await p.teacher(t.db)).id })
    expect((await get(lp, `/participants/${pl.teacherId}`)).status).toBe(404)
  })

  it('R-32: membership is never lost when the school moves the participant to another lead provider', async () => {
    const pl = await place(t.db, lp, { tp: { started_on: '2025-09-01', finished_on: '2025-11-01' } })
    const theirs = await partnershipOf(t.db, other, pl.school, 2025)
    await p.trainingPeriod(t.db, pl.period, { cohort: 2025, lead_provider_id: other.id, partnership_id: theirs, started_on: '2025-11-01' })
    expect((await enrolments(lp, pl.teacherId))[0]).toEqual(enrolmentOf(pl, lp, { participant_status: 'left' }))
    expect((await enrolments(other, pl.teacherId))[0]).toMatchObject({ participant_status: 'active', delivery_partner_id: other.deliveryPartnerId })
  })

  it("R-40, C-28: another lead provider's participant, an unknown id and a malformed id are the 404", async () => {
    const pl = await place(t.db, other)
    for (const id of [pl.teacherId, crypto.randomUUID(), 'not-a-uuid', `{${pl.teacherId}}`]) {
      const res = await get(lp, `/participants/${id}`)
      expect([res.status, res.body]).toEqual([404, NOT_FOUND])
    }
  })

  it('C-16: the path id matches in any letter case', async () => {
    const pl = await place(t.db, lp)
    const res = await get(lp, `/participants/${pl.teacherId.toUpperCase()}`)
    expect([res.status, res.body.data.id]).toEqual([200, pl.teacherId])
  })

  it("R-33: the caller's period with the latest started_on, not another provider's later one", async () => {
    const pl = await place(t.db, lp, { tp: { started_on: '2025-09-01', finished_on: '2025-10-01' } })
    const mine = await partnershipOf(t.db, lp, pl.school, 2025)
    await p.trainingPeriod(t.db, pl.period, { cohort: 2025, lead_provider_id: lp.id, partnership_id: mine, started_on: '2025-10-01', finished_on: '2025-11-01', schedule_identifier: 'ecf-standard-january' })
    const theirs = await partnershipOf(t.db, other, pl.school, 2025)
    await p.trainingPeriod(t.db, pl.period, { cohort: 2025, lead_provider_id: other.id, partnership_id: theirs, started_on: '2025-11-01' })
    expect((await enrolments(lp, pl.teacherId))[0]).toMatchObject({ schedule_identifier: 'ecf-standard-january', participant_status: 'left' })
  })

  it('R-33 ties: on one started_on a non-empty period wins over an empty one, even one created later', async () => {
    const pl = await place(t.db, lp, { tp: { started_on: '2025-10-01', created_at: '2025-09-01T09:00:00Z' } })
    const mine = await partnershipOf(t.db, lp, pl.school, 2025)
    await p.trainingPeriod(t.db, pl.period, { cohort: 2025, lead_provider_id: lp.id, partnership_id: mine, started_on: '2025-10-01', finished_on: '2025-10-01', schedule_identifier: 'ecf-extended-september', created_at: '2025-09-02T09:00:00Z' })
    expect((await enrolments(lp, pl.teacherId))[0]).toMatchObject({ schedule_identifier: 'ecf-standard-september', participant_status: 'active' })
  })

  it('R-33 ties: between two empty periods on one date, the latest created wins', async () => {
    const pl = await place(t.db, lp, { tp: { started_on: '2025-10-01', finished_on: '2025-10-01', created_at: '2025-09-03T09:00:00Z' } })
    const mine = await partnershipOf(t.db, lp, pl.school, 2025)
    await p.trainingPeriod(t.db, pl.period, { cohort: 2025, lead_provider_id: lp.id, partnership_id: mine, started_on: '2025-10-01', finished_on: '2025-10-01', schedule_identifier: 'ecf-reduced-september', created_at: '2025-09-01T09:00:00Z' })
    expect((await enrolments(lp, pl.teacherId))[0].schedule_identifier).toBe('ecf-standard-september')
  })

  it('R-33: a role without a caller period has no enrolment (school-led ECT, mentor with the caller)', async () => {
    const school = await f.school(t.db)
    const teacher = await p.teacher(t.db)
    const ectPeriod = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: school.id, started_on: '2025-09-01' })
    await p.trainingPeriod(t.db, ectPeriod, { cohort: 2025, school_led: true, started_on: '2025-09-01' })
    const mentor = await place(t.db, lp, { teacherId: teacher.id, school, role: 'mentor' })
    expect(await enrolments(lp, teacher.id)).toEqual([enrolmentOf(mentor, lp)])
  })
})

describe('R-38 updated_at', () => {
  const since = (instant: string) => `/participants?filter[updated_since]=${encodeURIComponent(instant)}&page[per_page]=3000`

  it('R-38: the stored stamp when it is later than every period date', async () => {
    const pl = await place(t.db, lp)
    await setTeacher(t.db, pl.teacherId, { updated_at: new Date('2025-11-10T14:20:31.250Z') })
    expect((await show(lp, pl.teacherId)).data.attributes.updated_at).toBe('2025-11-10T14:20:31Z')
  })

  // Each date on which participant_status or mentor_id changes by itself: a poll from just before
  // that midnight (London) misses the record the day before and returns it on the day.
  const cases: { title: string; date: string; midnight: string; build: () => Promise<Placement> }[] = [
    {
      title: 'a TP started_on (joining → active), in BST',
      date: '2026-04-01',
      midnight: '2026-03-31T23:00:00Z',
      build: () => place(t.db, lp, { period: { started_on: '2026-04-01' } }),
    },
    {
      title: 'a TP finished_on (leaving → left)',
      date: '2026-02-13',
      midnight: '2026-02-13T00:00:00Z',
      build: () => place(t.db, lp, { period: { started_on: '2025-09-01', finished_on: '2026-02-13' } }),
    },
    {
      title: 'an empty TP date (leaving → left)',
      date: '2026-01-05',
      midnight: '2026-01-05T00:00:00Z',
      build: () => place(t.db, lp, { tp: { started_on: '2026-01-05', finished_on: '2026-01-05' } }),
    },
    {
      title: "another provider's TP of the teacher (one value for every caller, C-62)",
      date: '2026-03-02',
      midnight: '2026-03-02T00:00:00Z',
      build: async () => {
        const mentor = await place(t.db, lp, { role: 'mentor' })
        await place(t.db, other, { teacherId: mentor.teacherId, period: { started_on: '2026-03-02' } })
        return mentor
      },
    },
    {
      title: 'a mentorship finished_on (mentor_id → null)',
      date: '2026-01-19',
      midnight: '2026-01-19T00:00:00Z',
      build: async () => {
        const pl = await place(t.db, lp)
        const m = await p.teacher(t.db)
        const mp = await p.atSchoolPeriod(t.db, { teacher_id: m.id, school_id: pl.school.id, role: 'mentor', started_on: '2025-09-01' })
        await p.mentorship(t.db, { ect_period: pl.period, mentor_period: mp, started_on: '2025-09-01', finished_on: '2026-01-19' })
        return pl
      },
    },
  ]
  for (const c of cases) {
    it(`R-38, C-58, C-59: ${c.title} moves updated_at to 00:00 London that day`, async () => {
      const pl = await c.build()
      const before = new Date(Date.parse(c.midnight) - 1000).toISOString()
      const dayBefore = new Date(Date.parse(c.midnight) - 12 * 3600_000).toISOString().slice(0, 10)
      const onTheDay = await get(lp, since(before), c.date)
      expect(ids(onTheDay.body)).toContain(pl.teacherId)
      expect(onTheDay.body.data.find((d: { id: string }) => d.id === pl.teacherId).attributes.updated_at).toBe(c.midnight.replace('.000', ''))
      expect(ids((await get(lp, since(before), dayBefore)).body)).not.toContain(pl.teacherId)
      // C-15: polling from the shown value itself returns the record; a second later does not.
      expect(ids((await get(lp, since(c.midnight), c.date)).body)).toContain(pl.teacherId)
      const after = new Date(Date.parse(c.midnight) + 1000).toISOString()
      expect(ids((await get(lp, since(after), c.date)).body)).not.toContain(pl.teacherId)
    })
  }

  it('C-54, C-59: concurrent requests with different server dates each get their own updated_at and status', async () => {
    const pl = await place(t.db, lp, { period: { started_on: '2025-09-01', finished_on: '2026-02-13' } })
    const [a, b] = await Promise.all([show(lp, pl.teacherId, '2026-02-12'), show(lp, pl.teacherId, '2026-02-13T10:00:00Z')])
    expect([a.data.attributes.updated_at, a.data.attributes.ecf_enrolments[0].participant_status]).toEqual(['2025-08-31T23:00:00Z', 'leaving'])
    expect([b.data.attributes.updated_at, b.data.attributes.ecf_enrolments[0].participant_status]).toEqual(['2026-02-13T00:00:00Z', 'left'])
  })

  it('C-15: updated_since equal to a shown updated_at with sub-second precision returns the record', async () => {
    const pl = await place(t.db, lp)
    await setTeacher(t.db, pl.teacherId, { updated_at: new Date('2025-11-11T08:00:00.750Z') })
    expect(ids((await get(lp, since('2025-11-11T08:00:00Z'))).body)).toContain(pl.teacherId)
    expect(ids((await get(lp, since('2025-11-11T08:00:00.8Z'))).body)).not.toContain(pl.teacherId)
  })
})

// One provider's list, for filters, sort and paging: A (ECT 2024), B (ECT 2025, withdrawn), C (mentor
// 2025 deferred, and ECT 2024).
const mine = await provider(t.db)
const a = await place(t.db, mine, { cohort: 2024, period: { started_on: '2024-09-01' } })
const b = await place(t.db, mine, { cohort: 2025 })
const c = await place(t.db, mine, { cohort: 2025, role: 'mentor' })
await place(t.db, mine, { teacherId: c.teacherId, cohort: 2024, period: { started_on: '2024-09-01' } })
await setTeacher(t.db, a.teacherId, { created_at: new Date('2025-01-03T00:00:00Z'), updated_at: new Date('2025-11-01T00:00:00Z') })
await setTeacher(t.db, b.teacherId, { created_at: new Date('2025-01-01T00:00:00Z'), updated_at: new Date('2025-11-03T00:00:00Z') })
await setTeacher(t.db, c.teacherId, { created_at: new Date('2025-01-02T00:00:00Z'), updated_at: new Date('2025-11-02T00:00:00Z') })
await setTrainingPeriod(t.db, b.tpId, { withdrawn_at: new Date('2025-11-03T00:00:00Z'), withdrawal_reason: 'other', finished_on: '2025-11-03' })
await setTrainingPeriod(t.db, c.tpId, { deferred_at: new Date('2025-11-02T00:00:00Z'), deferral_reason: 'other', finished_on: '2025-11-02' })
await t.db.insertInto('participant_id_changes').values({ id: crypto.randomUUID(), teacher_id: a.teacherId, from_participant_id: '0b000000-0000-4000-8000-00000000000a', to_participant_id: a.teacherId, changed_at: new Date('2025-01-01T00:00:00Z') }).execute()
const list = async (query: string) => {
  const res = await get(mine, `/participants${query}`)
  expect(res.status).toBe(200)
  return ids(res.body)
}
const [A, B, C] = [a.teacherId, b.teacherId, c.teacherId]

describe('GET /api/v3/participants: R-39 filters, sort and paging', () => {
  it('R-39, C-50: default order is the teacher creation instant ascending', async () => {
    expect(await list('')).toEqual([B, C, A])
  })

  it('R-39: the list shows the same participant objects as show', async () => {
    const res = await get(mine, '/participants')
    expect(res.body.data[1]).toEqual((await show(mine, C)).data)
  })

  it('R-39 filter[cohort]: any enrolment in a listed cohort, comma or repeated form', async () => {
    expect(await list('?filter[cohort]=2024')).toEqual([C, A])
    expect(await list('?filter[cohort]=2025')).toEqual([B, C])
    expect(await list('?filter[cohort]=2023,2024')).toEqual([C, A])
    expect(await list('?filter[cohort][]=2024&filter[cohort][]=2025')).toEqual([B, C, A])
  })

  it('C-40, C-41, C-42: blank cohort filters nothing; malformed, unknown or object cohorts match nothing', async () => {
    expect(await list('?filter[cohort]=')).toEqual([B, C, A])
    expect(await list('?filter[cohort]=%20')).toEqual([B, C, A])
    expect(await list('?filter[cohort]=20A1')).toEqual([])
    expect(await list('?filter[cohort]=%202024')).toEqual([])
    expect(await list('?filter[cohort]=2031')).toEqual([])
    expect(await list('?filter[cohort][x]=2024')).toEqual([])
  })

  it('R-39 filter[training_status]: any enrolment with that R-36 value; blank filters nothing; other values match nothing', async () => {
    expect(await list('?filter[training_status]=withdrawn')).toEqual([B])
    expect(await list('?filter[training_status]=deferred')).toEqual([C])
    expect(await list('?filter[training_status]=active')).toEqual([C, A])
    expect(await list('?filter[training_status]=')).toEqual([B, C, A])
    expect(await list('?filter[training_status]=Active')).toEqual([])
    expect(await list('?filter[training_status][x]=active')).toEqual([])
  })

  it('R-39 filter[from_participant_id]: participants with an id change from it, any case; blank filters nothing; malformed matches nothing', async () => {
    expect(await list('?filter[from_participant_id]=0B000000-0000-4000-8000-00000000000A')).toEqual([A])
    expect(await list('?filter[from_participant_id]=0b000000-0000-4000-8000-00000000000b')).toEqual([])
    expect(await list('?filter[from_participant_id]=')).toEqual([B, C, A])
    expect(await list('?filter[from_participant_id]=nope')).toEqual([])
  })

  it('R-39 filter[updated_since]: shown updated_at at or after the instant; blank filters nothing; double-encoded works', async () => {
    expect(await list('?filter[updated_since]=2025-11-02T00:00:00Z')).toEqual([B, C])
    expect(await list('?filter[updated_since]=2025-11-02T00%253A00%253A00Z')).toEqual([B, C])
    expect(await list('?filter[updated_since]=')).toEqual([B, C, A])
    expect(await list('?filter[updated_since]=2025-11-02T01:00:00+01:00')).toEqual([B, C])
  })

  it('C-43, C-26: a malformed updated_since is the 400', async () => {
    for (const value of ['2025-11-02', 'yesterday', '2025-02-30T00:00:00Z']) {
      const res = await get(mine, `/participants?filter[updated_since]=${value}`)
      expect([res.status, res.body]).toEqual([400, { errors: [{ title: 'Bad request', detail: "The filter '#/updated_since' must be a valid ISO 8601 date" }] }])
    }
  })

  it('C-37: a filter that is not a hash is the 400, on list and show', async () => {
    const body = { errors: [{ title: 'Bad parameter', detail: 'Filter must be a hash' }] }
    expect((await get(mine, '/participants?filter=x')).body).toEqual(body)
    expect((await get(mine, `/participants/${A}?filter=x`)).body).toEqual(body)
  })

  it('C-38, R-40: show ignores filters; unknown filters are ignored on the list', async () => {
    expect((await get(mine, `/participants/${A}?filter[cohort]=1999&filter[updated_since]=bad`)).status).toBe(200)
    expect(await list('?filter[colour]=blue')).toEqual([B, C, A])
  })

  it('R-39, C-47 … C-49: sort by created_at or updated_at, either direction; unknown keys are ignored', async () => {
    expect(await list('?sort=-created_at')).toEqual([A, C, B])
    expect(await list('?sort=updated_at')).toEqual([A, C, B])
    expect(await list('?sort=-updated_at')).toEqual([B, C, A])
    expect(await list('?sort=name,-updated_at')).toEqual([B, C, A])
    expect(await list('?sort=colour')).toEqual([B, C, A])
  })

  it('C-36: equal sort keys are ordered by id, so pages never repeat', async () => {
    const same = await provider(t.db)
    const placed = []
    for (let i = 0; i < 4; i++) placed.push((await place(t.db, same)).teacherId)
    const walk = []
    for (let page = 1; page <= 5; page++) walk.push(...ids((await get(same, `/participants?page[per_page]=1&page[page]=${page}&sort=updated_at`)).body))
    expect(walk).toEqual([...placed].sort())
  })

  it('C-32 … C-35: pages; a page past the end is empty; bad values are the 400', async () => {
    expect(await list('?page[per_page]=2')).toEqual([B, C])
    expect(await list('?page[per_page]=2&page[page]=2')).toEqual([A])
    expect(await list('?page[per_page]=2abc&page[page]=3')).toEqual([])
    expect(await list('?page[per_page]=5000')).toEqual([B, C, A])
    for (const query of ['page[per_page]=0', 'page[page]=0', 'page[page]=abc', 'page=2']) {
      const res = await get(mine, `/participants?${query}`)
      expect([res.status, res.body]).toEqual([400, PAGE_400])
    }
  })

  it('C-8: no token or an unknown token is the 401', async () => {
    for (const token of [null, 'not-a-token']) {
      for (const path of ['/api/v3/participants', `/api/v3/participants/${A}`]) {
        const res = await t.request('GET', path, { token })
        expect([res.status, res.text]).toEqual([401, '{"error":"HTTP Token: Access denied"}'])
      }
    }
  })

  it('R-32: the list holds only the caller\'s participants', async () => {
    expect((await get(other, '/participants?page[per_page]=3000')).body.data.map((x: { id: string }) => x.id)).not.toContain(A)
  })
})

describe('routing', () => {
  it('R-40, T-27: /participants/transfers is answered by the transfers list, not by show', async () => {
    const res = await get(lp, '/participants/transfers')
    expect(res.status).toBe(200)
    expect(Array.isArray(res.body.data)).toBe(true)
    expect(res.body.data.every((x: { type: string }) => x.type !== 'participant')).toBe(true)
  })
})

describe('Q: statements per page', () => {
  it('R-39, STYLE: a page takes the same number of statements whatever per_page (1 or 50)', async () => {
    const many = await provider(t.db)
    const school = await f.school(t.db)
    for (let i = 0; i < 50; i++) {
      const ect = await place(t.db, many, { school })
      await place(t.db, many, { school, teacherId: ect.teacherId, role: 'mentor' })
      const mentor = await place(t.db, many, { school, role: 'mentor' })
      await p.mentorship(t.db, { ect_period: ect.period, mentor_period: mentor.period, started_on: '2025-09-01' })
    }
    const counting = await countingApp(t.db, { authorization: `Bearer ${many.token}`, 'x-with-server-date': '2025-11-12T10:00:00Z' })
    try {
      await counting.statementsFor('/api/v3/participants?page[per_page]=1') // records the token's use (C-6) once
      const one = await counting.statementsFor('/api/v3/participants?page[per_page]=1')
      const fifty = await counting.statementsFor('/api/v3/participants?page[per_page]=50')
      const all = await counting.statementsFor('/api/v3/participants?page[per_page]=3000')
      expect([one.rows, fifty.rows, all.rows]).toEqual([1, 50, 100])
      expect(fifty.statements).toBe(one.statements)
      expect(all.statements).toBe(one.statements)
      // The token lookup, then the page.
      expect(one.statements).toBe(2)
      expect(one.pageStatements).toBe(1)
    } finally {
      await counting.close()
    }
  })
})

describe('R-41, R-42: Amira Khan and David Okafor as Ambition Institute sees them (scenes from factories)', () => {
  const AMIRA = '8226ad1e-28f6-433d-a7a1-e93bc4f75a58'
  const DAVID = '8e8a6b14-f495-4716-9d57-43c13c1c1217'
  const NORTH_WEST = 'b87d3167-46b7-4f39-8ee5-7cc7424f5a9b'

  const amiraEnrolment = {
    training_record_id: '0e403a7b-e911-4a51-8f47-f9e4e0c0496e',
    email: 'amira.khan@riverside.example.sch.uk',
    mentor_id: DAVID,
    school_urn: '100002', participant_type: 'ect', working_pattern: 'full_time',
    cohort: '2025', training_status: 'active', participant_status: 'active',
    eligible_for_funding: true, pupil_premium_uplift: false, sparsity_uplift: false,
    schedule_identifier: 'ecf-standard-january',
    delivery_partner_id: NORTH_WEST,
    withdrawal: null, deferral: null, created_at: '2025-09-01T08:12:40Z',
    induction_end_date: null, most_recent_induction_period_end_date: null,
    overall_induction_start_date: null, mentor_funding_end_date: null,
    cohort_changed_after_payments_frozen: false, mentor_ineligible_for_funding_reason: null,
  }
  const amira = (enrolment: Record<string, unknown>, updatedAt: string) => ({
    data: {
      id: AMIRA, type: 'participant',
      attributes: { full_name: 'Amira Khan', teacher_reference_number: '3012345', ecf_enrolments: [{ ...amiraEnrolment, ...enrolment }], participant_id_changes: [], updated_at: updatedAt },
    },
  })
  const david = {
    data: {
      id: DAVID, type: 'participant',
      attributes: {
        full_name: 'David Okafor', teacher_reference_number: '2987654',
        ecf_enrolments: [{
          training_record_id: 'ccf29e12-484f-4341-b482-05f181211258',
          email: 'd.okafor@riverside.example.sch.uk', mentor_id: null,
          school_urn: '100002', participant_type: 'mentor', working_pattern: null,
          cohort: '2025', training_status: 'active', participant_status: 'active',
          eligible_for_funding: true, pupil_premium_uplift: false, sparsity_uplift: false,
          schedule_identifier: 'ecf-standard-january',
          delivery_partner_id: NORTH_WEST,
          withdrawal: null, deferral: null, created_at: '2025-11-12T09:28:03Z',
          induction_end_date: null, most_recent_induction_period_end_date: null,
          overall_induction_start_date: null, mentor_funding_end_date: null,
          cohort_changed_after_payments_frozen: false, mentor_ineligible_for_funding_reason: null,
        }],
        participant_id_changes: [],
        updated_at: '2025-11-12T09:28:03Z',
      },
    },
  }

  it('R-42: each step of the timeline, then R-41 exactly on 2025-11-12', async () => {
    const db = t.db
    const ambition = await provider(db, [])
    const dp = await f.deliveryPartner(db, { name: 'North West Learning Partnership' })
    await db.updateTable('delivery_partners').set({ id: NORTH_WEST }).where('id', '=', dp.id).execute()
    await f.pairing(db, ambition.id, NORTH_WEST, 2025)
    const riverside = await f.school(db, { urn: '100002', name: 'Riverside Academy' })
    const at = (iso: string) => new Date(iso)
    const seen = (id: string, date: string) => get(ambition, `/participants/${id}`, date)

    // 2025-09-01 08:12:40Z: registered school-led.
    const a = await p.teacher(db, { trn: '3012345', first_name: 'Amira', last_name: 'Khan', created_at: '2025-09-01T08:12:40Z' })
    await db.updateTable('teachers').set({ id: AMIRA, ect_training_record_id: '0e403a7b-e911-4a51-8f47-f9e4e0c0496e' }).where('id', '=', a.id).execute()
    const period = await p.atSchoolPeriod(db, { teacher_id: AMIRA, school_id: riverside.id, started_on: '2025-09-01', email: 'amira.khan@riverside.example.sch.uk', created_at: '2025-09-01T08:12:40Z' })
    const schoolLed = await p.trainingPeriod(db, period, { cohort: 2025, school_led: true, started_on: '2025-09-01', created_at: '2025-09-01T08:12:40Z' })
    expect((await seen(AMIRA, '2025-09-01T08:12:40Z')).body).toEqual(NOT_FOUND)

    // 2025-11-03 10:05:00Z: provider-led with Ambition, awaiting a partnership.
    await setTrainingPeriod(db, schoolLed.id, { finished_on: '2025-11-03' })
    const tp = await p.trainingPeriod(db, period, { cohort: 2025, lead_provider_id: ambition.id, started_on: '2025-11-03', schedule_identifier: 'ecf-standard-january', began_as_eoi: true, created_at: '2025-11-03T10:05:00Z' })
    await setTeacher(db, AMIRA, { updated_at: at('2025-11-03T10:05:00Z') })
    expect((await seen(AMIRA, '2025-11-03T10:05:00Z')).body).toEqual(NOT_FOUND)

    // 2025-11-10 14:20:31Z: Ambition's partnership attaches the period (P-33).
    const partnership = await p.partnership(db, { school_id: riverside.id, lead_provider_id: ambition.id, delivery_partner_id: NORTH_WEST, cohort: 2025, created_at: '2025-11-10T14:20:31Z', first_attached_at: '2025-11-10T14:20:31Z' })
    await setTrainingPeriod(db, tp.id, { partnership_id: partnership.id })
    await setTeacher(db, AMIRA, { updated_at: at('2025-11-10T14:20:31Z') })
    expect((await seen(AMIRA, '2025-11-10T14:20:31Z')).body).toEqual(amira({ mentor_id: null }, '2025-11-10T14:20:31Z'))

    // 2025-11-12 09:28:03Z / 09:30:12Z: David registered provider-led with Ambition, then her mentor.
    const d = await p.teacher(db, { trn: '2987654', first_name: 'David', last_name: 'Okafor', created_at: '2025-11-12T09:28:03Z' })
    await db
      .updateTable('teachers')
      .set({ id: DAVID, mentor_training_record_id: 'ccf29e12-484f-4341-b482-05f181211258', ect_eligible_for_funding_at: null, mentor_eligible_for_funding_at: at('2025-11-12T09:28:03Z') })
      .where('id', '=', d.id)
      .execute()
    const mentorPeriod = await p.atSchoolPeriod(db, { teacher_id: DAVID, school_id: riverside.id, role: 'mentor', started_on: '2025-11-12', email: 'd.okafor@riverside.example.sch.uk', created_at: '2025-11-12T09:28:03Z' })
    await p.trainingPeriod(db, mentorPeriod, { cohort: 2025, lead_provider_id: ambition.id, partnership_id: partnership.id, started_on: '2025-11-12', schedule_identifier: 'ecf-standard-january', created_at: '2025-11-12T09:28:03Z' })
    const mentorship = await p.mentorship(db, { ect_period: period, mentor_period: mentorPeriod, started_on: '2025-11-12' })
    await setTeacher(db, AMIRA, { updated_at: at('2025-11-12T09:30:12Z') })
    const shownAmira = await seen(AMIRA, '2025-11-12T09:31:00Z')
    expect(shownAmira.text).toBe(JSON.stringify(amira({}, '2025-11-12T09:30:12Z')))
    expect((await seen(DAVID, '2025-11-12T09:31:00Z')).text).toBe(JSON.stringify(david))

    // 2026-01-12 11:00:00Z: the school reports her leaving on 2026-02-13.
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('training_periods').set({ finished_on: '2026-02-13' }).where('id', '=', tp.id).execute()
      await tx.updateTable('mentorships').set({ finished_on: '2026-02-13' }).where('id', '=', mentorship.id).execute()
      await tx.updateTable('at_school_periods').set({ finished_on: '2026-02-13', reported_leaving_on: '2026-02-13', leaving_recorded_at: at('2026-01-12T11:00:00Z') }).where('id', '=', period.id).execute()
      await tx.updateTable('teachers').set({ updated_at: at('2026-01-12T11:00:00Z') }).where('id', '=', AMIRA).execute()
    })
    expect((await seen(AMIRA, '2026-01-12T11:00:00Z')).body).toEqual(amira({ participant_status: 'leaving' }, '2026-01-12T11:00:00Z'))

    // 2026-02-13, no action: left, no mentor, updated_at moved by the date alone.
    expect((await seen(AMIRA, '2026-02-13')).body).toEqual(amira({ participant_status: 'left', mentor_id: null }, '2026-02-13T00:00:00Z'))
    const polled = await get(ambition, '/participants?filter[updated_since]=2026-02-12T23:59:00Z', '2026-02-13T08:00:00Z')
    expect(ids(polled.body)).toEqual([AMIRA])
  })
})
