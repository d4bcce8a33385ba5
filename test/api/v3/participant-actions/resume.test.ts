import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../../support/app.ts'
import * as p from '../../../support/factories-participants.ts'
import { body, enrolment, errors, participant, partnershipOf, placed, provider, put, trainingPeriods } from './scene.ts'

const t = await setupTestApp()
const lp = await provider(t)
const other = await provider(t)

const act = (id: string, action: string, attributes: Record<string, unknown>, date: string) => put(t, lp, id, action, body(`participant-${action}`, attributes), date)
const resume = (id: string, date: string, course = 'ecf-induction') => act(id, 'resume', { course_identifier: course }, date)
const withdraw = (id: string, date: string, reason = 'other') => act(id, 'withdraw', { reason, course_identifier: 'ecf-induction' }, date)
const defer = (id: string, date: string, reason = 'parental-leave') => act(id, 'defer', { reason, course_identifier: 'ecf-induction' }, date)
const status = (res: { body: any }) => {
  const e = res.body.data.attributes.ecf_enrolments[0]
  return [e.training_status, e.participant_status]
}

describe('PUT /api/v3/participants/{id}/resume', () => {
  it('D-14: resume creates a new TP from today on the same period, partnership and schedule; the old one stays', async () => {
    const s = await placed(t, lp, { tp: { started_on: '2025-09-01', schedule_identifier: 'ecf-extended-september' } })
    await withdraw(s.teacherId, '2026-11-20T10:00:00Z')
    const res = await resume(s.teacherId, '2026-11-24T08:00:00Z')
    expect(res.status).toBe(200)
    expect(res.body).toEqual(participant(s, [enrolment(s, { schedule_identifier: 'ecf-extended-september' })], '2026-11-24T08:00:00Z'))
    const partnershipId = await partnershipOf(t, lp, s.school.id, 2025)
    expect(await trainingPeriods(t, s.teacherId)).toEqual([
      expect.objectContaining({ id: s.tpId, finished_on: '2026-11-20', withdrawal_reason: 'other', withdrawn_at: new Date('2026-11-20T10:00:00Z') }),
      expect.objectContaining({
        partnership_id: partnershipId, schedule_identifier: 'ecf-extended-september', cohort_year: 2025, started_on: '2026-11-24', finished_on: null,
        withdrawn_at: null, withdrawal_reason: null, deferred_at: null, deferral_reason: null,
      }),
    ])
    const events = await t.db.selectFrom('events').select(['author', 'action']).where('subject_id', '=', s.teacherId).orderBy('id').execute()
    expect(events).toEqual([
      { author: 'lead_provider', action: 'participant.withdrawn' },
      { author: 'lead_provider', action: 'participant.resumed' },
    ])
  })

  it("D-14: the new TP ends with the at-school period; participant_status leaving while it has not", async () => {
    const s = await placed(t, lp, { period: { started_on: '2025-09-01', finished_on: '2027-03-01' } })
    await defer(s.teacherId, '2026-11-20T10:00:00Z')
    const res = await resume(s.teacherId, '2026-11-24T08:00:00Z')
    expect(status(res)).toEqual(['active', 'leaving'])
    expect((await trainingPeriods(t, s.teacherId))[1]).toEqual(expect.objectContaining({ started_on: '2026-11-24', finished_on: '2027-03-01' }))
  })

  it('D-14 RS1: an active participant is already active', async () => {
    const s = await placed(t, lp)
    const res = await resume(s.teacherId, '2026-11-24T08:00:00Z')
    expect([res.status, res.body]).toEqual([422, errors(['participant_id', "The '#/participant_id' is already active."])])
  })

  it('D-14 RS2: another TP of the same at-school period, with another provider, covers today', async () => {
    const s = await placed(t, lp)
    await withdraw(s.teacherId, '2026-11-20T10:00:00Z')
    await p.trainingPeriod(t.db, s.period, {
      cohort: 2025, lead_provider_id: other.id, partnership_id: await partnershipOf(t, other, s.school.id, 2025), started_on: '2026-11-21',
    })
    const res = await resume(s.teacherId, '2026-11-24T08:00:00Z')
    expect(res.body).toEqual(errors(['participant_id', 'This participant cannot be resumed because they are already active with another provider.']))
  })

  it('D-14 RS3: not on the day of the withdrawal or deferral', async () => {
    const s = await placed(t, lp)
    await defer(s.teacherId, '2026-11-24T07:00:00Z')
    const res = await resume(s.teacherId, '2026-11-24T18:00:00Z')
    expect(res.body).toEqual(
      errors(['participant_id', 'You cannot resume a participant on the same day they were withdrawn or deferred. Resume them tomorrow or later.']),
    )
  })

  it('D-14 RS4: the at-school period no longer covers today (half-open: its leaving date is the first day away)', async () => {
    const s = await placed(t, lp, { period: { started_on: '2025-09-01', finished_on: '2026-11-25' } })
    await withdraw(s.teacherId, '2026-11-20T10:00:00Z')
    const gone = await resume(s.teacherId, '2026-11-25T08:00:00Z')
    expect(gone.body).toEqual(errors(['participant_id', 'The participant is no longer at the school. Please contact the induction tutor to resolve.']))
    const lastDay = await resume(s.teacherId, '2026-11-24T08:00:00Z')
    expect(lastDay.status).toBe(200)
    expect(status(lastDay)).toEqual(['active', 'leaving'])
  })

  it('D-11: A1 and A2 come first; RS checks need a target TP', async () => {
    const s = await placed(t, lp)
    expect((await resume(s.teacherId, '2026-11-24T08:00:00Z', 'ecf')).body).toEqual(errors(['course_identifier', "Enter a '#/course_identifier'."]))
    expect((await resume(s.teacherId, '2026-11-24T08:00:00Z', 'ecf-mentor')).body).toEqual(
      errors(['course_identifier', "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again."]),
    )
  })

  it('D-15: the Teach First timeline, day by day', async () => {
    const s = await placed(t, lp)
    const on = (day: string) => `${day}T10:00:00Z`
    const w1 = await withdraw(s.teacherId, on('2026-11-23'))
    expect([w1.status, ...status(w1)]).toEqual([200, 'withdrawn', 'left'])
    expect((await trainingPeriods(t, s.teacherId))[0]!.finished_on).toBe('2026-11-23')
    const r1 = await resume(s.teacherId, on('2026-11-23'))
    expect([r1.status, r1.body.errors[0].detail]).toEqual([422, 'You cannot resume a participant on the same day they were withdrawn or deferred. Resume them tomorrow or later.'])
    const r2 = await resume(s.teacherId, on('2026-11-24'))
    expect([r2.status, ...status(r2)]).toEqual([200, 'active', 'active'])
    const w2 = await withdraw(s.teacherId, on('2026-11-24'))
    expect([w2.status, w2.body.errors[0].detail]).toEqual([422, 'You cannot defer or withdraw this participant today. You need to try again tomorrow as the training was recently changed for this participant.'])
    const d = await defer(s.teacherId, on('2026-11-25'))
    expect([d.status, ...status(d)]).toEqual([200, 'deferred', 'left'])
    const w3 = await withdraw(s.teacherId, on('2026-11-26'))
    expect([w3.status, ...status(w3)]).toEqual([200, 'withdrawn', 'left'])
    expect(w3.body.data.attributes.ecf_enrolments[0].withdrawal).toEqual({ reason: 'other', date: '2026-11-26T10:00:00Z' })
    expect((await trainingPeriods(t, s.teacherId)).map((tp) => [tp.started_on, tp.finished_on])).toEqual([
      ['2025-09-01', '2026-11-23'],
      ['2026-11-24', '2026-11-25'],
    ])
  })

  it('D-5, R-38: every action moves the participant updated_at to the request instant', async () => {
    const s = await placed(t, lp)
    const stamps = []
    for (const [res] of [
      [await defer(s.teacherId, '2026-11-20T10:00:01Z')],
      [await resume(s.teacherId, '2026-11-23T11:00:02Z')],
      [await withdraw(s.teacherId, '2026-11-27T12:00:03Z')],
    ]) stamps.push(res!.body.data.attributes.updated_at)
    expect(stamps).toEqual(['2026-11-20T10:00:01Z', '2026-11-23T11:00:02Z', '2026-11-27T12:00:03Z'])
  })
})
