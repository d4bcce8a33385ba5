import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../../support/app.ts'
import * as p from '../../../support/factories-participants.ts'
import { body, enrolment, errors, NOT_FOUND, participant, placed, provider, put, trainingPeriods } from './scene.ts'
import { badShape, SHAPE } from '../../../support/bodies.ts'

const t = await setupTestApp()
const NOW = '2026-11-23T10:41:07Z'
const lp = await provider(t)
const other = await provider(t)

const withdraw = (id: string, attributes: Record<string, unknown>, date = NOW, caller = lp) =>
  put(t, caller, id, 'withdraw', body('participant-withdraw', attributes), date)
const ect = { reason: 'left-teaching-profession', course_identifier: 'ecf-induction' }

describe('PUT /api/v3/participants/{id}/withdraw', () => {
  it('D-12: withdraw records the reason and the instant; training_status withdrawn, participant_status left at once', async () => {
    const s = await placed(t, lp)
    const res = await withdraw(s.teacherId, ect)
    expect(res.status).toBe(200)
    expect(res.body).toEqual(
      participant(s, [enrolment(s, { training_status: 'withdrawn', participant_status: 'left', withdrawal: { reason: 'left-teaching-profession', date: NOW } })], NOW),
    )
    const shown = await t.request('GET', `/api/v3/participants/${s.teacherId}`, { token: lp.token, date: NOW })
    expect(shown.body).toEqual(res.body)
    expect(await trainingPeriods(t, s.teacherId)).toEqual([
      expect.objectContaining({ id: s.tpId, finished_on: '2026-11-23', withdrawn_at: new Date(NOW), withdrawal_reason: 'left-teaching-profession', deferred_at: null }),
    ])
  })

  it('D-5: the write records an event naming the lead provider as author', async () => {
    const s = await placed(t, lp)
    await withdraw(s.teacherId, { ...ect, reason: 'moved-school' })
    const events = await t.db.selectFrom('events').select(['author', 'lead_provider_id', 'action', 'occurred_at']).where('subject_id', '=', s.teacherId).execute()
    expect(events).toEqual([{ author: 'lead_provider', lead_provider_id: lp.id, action: 'participant.withdrawn', occurred_at: new Date(NOW) }])
  })

  it('D-12: a TP already finishing earlier keeps its finished_on; a later one is cut to today', async () => {
    const early = await placed(t, lp, { period: { started_on: '2025-09-01', finished_on: '2026-10-01' } })
    await withdraw(early.teacherId, ect)
    expect((await trainingPeriods(t, early.teacherId))[0]!.finished_on).toBe('2026-10-01')
    const late = await placed(t, lp, { period: { started_on: '2025-09-01', finished_on: '2027-07-31' } })
    const res = await withdraw(late.teacherId, ect)
    expect(res.body.data.attributes.ecf_enrolments[0].participant_status).toBe('left')
    expect((await trainingPeriods(t, late.teacherId))[0]!.finished_on).toBe('2026-11-23')
  })

  it('D-12: every reason of the list is accepted, dashed, and shown back', async () => {
    for (const reason of ['left-teaching-profession', 'moved-school', 'switched-to-school-led', 'changed-lead-provider', 'other']) {
      const s = await placed(t, lp)
      const res = await withdraw(s.teacherId, { reason, course_identifier: 'ecf-induction' })
      expect([reason, res.status, res.body.data.attributes.ecf_enrolments[0].withdrawal]).toEqual([reason, 200, { reason, date: NOW }])
    }
  })

  it('D-12: a mentor can be withdrawn as mentor-no-longer-being-mentor', async () => {
    const s = await placed(t, lp, { role: 'mentor' })
    const res = await withdraw(s.teacherId, { reason: 'mentor-no-longer-being-mentor', course_identifier: 'ecf-mentor' })
    expect(res.status).toBe(200)
    expect(res.body.data.attributes.ecf_enrolments).toEqual([
      enrolment(s, { training_status: 'withdrawn', participant_status: 'left', withdrawal: { reason: 'mentor-no-longer-being-mentor', date: NOW } }),
    ])
  })

  it('D-12: a deferred participant can be withdrawn; the later timestamp wins', async () => {
    const s = await placed(t, lp)
    expect((await put(t, lp, s.teacherId, 'defer', body('participant-defer', { reason: 'bereavement', course_identifier: 'ecf-induction' }), '2026-11-20T09:00:00Z')).status).toBe(200)
    const res = await withdraw(s.teacherId, { ...ect, reason: 'other' })
    expect(res.status).toBe(200)
    expect(res.body.data.attributes.ecf_enrolments[0]).toEqual(
      enrolment(s, { training_status: 'withdrawn', participant_status: 'left', withdrawal: { reason: 'other', date: NOW } }),
    )
    expect((await trainingPeriods(t, s.teacherId))[0]!.finished_on).toBe('2026-11-20')
  })
})

describe('D-10: order of checks on withdraw', () => {
  it('D-3, C-21: a body without the attributes it reads is the 400, before the participant lookup', async () => {
    const s = await placed(t, lp)
    const cases: [unknown, string][] = [
      [undefined, SHAPE.none], [{}, SHAPE.noData], [{ data: {} }, SHAPE.noAttributes], [{ data: { type: 'x' } }, SHAPE.noAttributes], [{ data: { attributes: {} } }, SHAPE.attributesEmpty],
      [{ data: { attributes: { schedule_identifier: 'x' } } }, SHAPE.noneRead], [{ data: { attributes: { reason: [] } } }, SHAPE.noneRead], [[], SHAPE.array],
    ]
    for (const [payload, problem] of cases) {
      for (const id of [s.teacherId, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const res = await t.request('PUT', `/api/v3/participants/${id}/withdraw`, { token: lp.token, date: NOW, ...(payload === undefined ? {} : { body: payload }) })
        expect([JSON.stringify(payload), id, res.status, res.body]).toEqual([JSON.stringify(payload), id, 400, badShape(problem, ['reason', 'course_identifier'])])
      }
    }
  })

  it('D-3: one allowed attribute, even null, goes on to validation; data.type is not checked', async () => {
    const s = await placed(t, lp)
    const res = await put(t, lp, s.teacherId, 'withdraw', { data: { type: 'anything', attributes: { reason: null } } }, NOW)
    expect(res.status).toBe(422)
    expect(res.body).toEqual(errors(['course_identifier', "Enter a '#/course_identifier'."], ['reason', "Enter a '#/reason'."]))
  })

  it("R-32, C-28: an unknown, malformed or another provider's participant is the 404", async () => {
    const s = await placed(t, other)
    for (const id of [s.teacherId, '00000000-0000-4000-8000-000000000000', 'not-a-uuid', `{${s.teacherId}}`]) {
      const res = await withdraw(id, ect)
      expect([id, res.status, res.body]).toEqual([id, 404, NOT_FOUND])
    }
  })

  it('R-32: a teacher the caller knows only through an expression of interest is the 404', async () => {
    const s = await placed(t, other)
    const period = await p.atSchoolPeriod(t.db, { teacher_id: (await p.teacher(t.db)).id, school_id: s.school.id, started_on: '2025-09-01' })
    await p.trainingPeriod(t.db, period, { cohort: 2025, lead_provider_id: lp.id, started_on: '2025-09-01' })
    const res = await withdraw(period.teacher_id, ect)
    expect([res.status, res.body]).toEqual([404, NOT_FOUND])
  })

  it('C-37: a non-object filter is the 400 on the write too', async () => {
    const s = await placed(t, lp)
    const res = await t.request('PUT', `/api/v3/participants/${s.teacherId}/withdraw?filter=x`, { token: lp.token, body: body('x', ect), date: NOW })
    expect([res.status, res.body]).toEqual([400, errors(['Bad parameter', 'Filter must be a hash'])])
  })

  it('C-8: no token is the 401', async () => {
    const s = await placed(t, lp)
    const res = await t.request('PUT', `/api/v3/participants/${s.teacherId}/withdraw`, { body: body('x', ect), date: NOW })
    expect([res.status, res.text]).toEqual([401, '{"error":"HTTP Token: Access denied"}'])
  })
})

describe('D-11, D-12: the checks of withdraw', () => {
  it('D-11 A1: no role — absent, null, another value or an upstream spelling — is the presence error', async () => {
    const s = await placed(t, lp)
    for (const course of [undefined, null, '', 'ecf_induction', 'ECF-INDUCTION', 'npq-leading-teaching']) {
      const res = await withdraw(s.teacherId, { reason: 'other', ...(course === undefined ? {} : { course_identifier: course }) })
      expect([course, res.status, res.body]).toEqual([course, 422, errors(['course_identifier', "Enter a '#/course_identifier'."])])
    }
  })

  it('D-11 A2: a role in which the caller has no target TP; TP checks are skipped', async () => {
    const s = await placed(t, lp, { tp: { started_on: '2026-11-23' }, period: { started_on: '2025-09-01' } })
    const res = await withdraw(s.teacherId, { reason: 'mentor-no-longer-being-mentor', course_identifier: 'ecf-mentor' })
    expect([res.status, res.body]).toEqual([
      422,
      errors(['course_identifier', "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again."]),
    ])
  })

  it("D-1: another provider's TP in that role is never the target", async () => {
    const s = await placed(t, lp, { role: 'mentor' })
    await placed(t, other, { teacherId: s.teacherId })
    const res = await withdraw(s.teacherId, ect)
    expect(res.body).toEqual(
      errors(['course_identifier', "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again."]),
    )
  })

  it('D-12 W1: reason missing or blank', async () => {
    const s = await placed(t, lp)
    for (const reason of [undefined, null, '', '  ', false]) {
      const res = await withdraw(s.teacherId, { course_identifier: 'ecf-induction', ...(reason === undefined ? {} : { reason }) })
      expect([reason, res.status, res.body]).toEqual([reason, 422, errors(['reason', "Enter a '#/reason'."])])
    }
  })

  it('D-12 W2: a reason not in the list, underscored spellings included', async () => {
    const s = await placed(t, lp)
    for (const reason of ['left_teaching_profession', 'bereavement', 'Other']) {
      const res = await withdraw(s.teacherId, { course_identifier: 'ecf-induction', reason })
      expect([reason, res.body]).toEqual([
        reason,
        errors(['reason', "The entered '#/reason' is not recognised for the given participant. Check details and try again."]),
      ])
    }
  })

  it('D-12 W3: already withdrawn; reported with a bad reason together (D-4)', async () => {
    const s = await placed(t, lp)
    await withdraw(s.teacherId, ect, '2026-11-20T10:00:00Z')
    const res = await withdraw(s.teacherId, { course_identifier: 'ecf-induction', reason: 'nope' })
    expect([res.status, res.body]).toEqual([
      422,
      errors(
        ['reason', "The entered '#/reason' is not recognised for the given participant. Check details and try again."],
        ['participant_id', "The '#/participant_id' is already withdrawn."],
      ),
    ])
  })

  it('D-12 W4: the TP starts after today', async () => {
    const s = await placed(t, lp, { period: { started_on: '2026-12-01' } })
    const res = await withdraw(s.teacherId, ect)
    expect([res.status, res.body]).toEqual([
      422,
      errors(['participant_id', 'You cannot withdraw #/participant_id. This is because they have not been training with you for at least one day.']),
    ])
  })

  it('D-12 W5: the TP starts today (London date of the request)', async () => {
    const s = await placed(t, lp, { period: { started_on: '2026-11-23' } })
    const res = await withdraw(s.teacherId, ect, '2026-11-23T00:30:00Z')
    expect([res.status, res.body]).toEqual([
      422,
      errors(['participant_id', 'You cannot defer or withdraw this participant today. You need to try again tomorrow as the training was recently changed for this participant.']),
    ])
  })

  it('D-12 W6: an ECT cannot be withdrawn as mentor-no-longer-being-mentor — only when nothing else failed', async () => {
    const s = await placed(t, lp)
    const res = await withdraw(s.teacherId, { reason: 'mentor-no-longer-being-mentor', course_identifier: 'ecf-induction' })
    expect([res.status, res.body]).toEqual([422, errors(['reason', 'You cannot withdraw an ECT for this reason. The ECT is not a mentor.'])])
    const later = await placed(t, lp, { period: { started_on: '2026-12-01' } })
    const both = await withdraw(later.teacherId, { reason: 'mentor-no-longer-being-mentor', course_identifier: 'ecf-induction' })
    expect(both.body).toEqual(
      errors(['participant_id', 'You cannot withdraw #/participant_id. This is because they have not been training with you for at least one day.']),
    )
  })

  it('D-12: a failed withdraw changes nothing', async () => {
    const s = await placed(t, lp, { period: { started_on: '2026-12-01' } })
    const before = await trainingPeriods(t, s.teacherId)
    await withdraw(s.teacherId, ect)
    expect(await trainingPeriods(t, s.teacherId)).toEqual(before)
  })
})
