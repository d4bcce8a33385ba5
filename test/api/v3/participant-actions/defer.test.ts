import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../../support/app.ts'
import { body, enrolment, errors, NOT_FOUND, participant, placed, provider, put, trainingPeriods } from './scene.ts'
import { badShape, SHAPE } from '../../../support/bodies.ts'

const t = await setupTestApp()
const NOW = '2026-11-25T09:15:00Z'
const lp = await provider(t)
const other = await provider(t)

const defer = (id: string, attributes: Record<string, unknown>, date = NOW, caller = lp) => put(t, caller, id, 'defer', body('participant-defer', attributes), date)
const ect = { reason: 'parental-leave', course_identifier: 'ecf-induction' }

describe('PUT /api/v3/participants/{id}/defer', () => {
  it('D-13: defer records the reason and the instant; training_status deferred, participant_status left', async () => {
    const s = await placed(t, lp)
    const res = await defer(s.teacherId, ect)
    expect(res.status).toBe(200)
    expect(res.body).toEqual(
      participant(s, [enrolment(s, { training_status: 'deferred', participant_status: 'left', deferral: { reason: 'parental-leave', date: NOW } })], NOW),
    )
    expect(await trainingPeriods(t, s.teacherId)).toEqual([
      expect.objectContaining({ finished_on: '2026-11-25', deferred_at: new Date(NOW), deferral_reason: 'parental-leave', withdrawn_at: null }),
    ])
    const events = await t.db.selectFrom('events').select(['author', 'lead_provider_id', 'action']).where('subject_id', '=', s.teacherId).execute()
    expect(events).toEqual([{ author: 'lead_provider', lead_provider_id: lp.id, action: 'participant.deferred' }])
  })

  it('D-13: every reason of the list is accepted; a mentor can be deferred', async () => {
    for (const reason of ['bereavement', 'long-term-sickness', 'parental-leave', 'career-break', 'other']) {
      const s = await placed(t, lp, { role: 'mentor' })
      const res = await defer(s.teacherId, { reason, course_identifier: 'ecf-mentor' })
      expect([reason, res.status, res.body.data.attributes.ecf_enrolments[0].deferral]).toEqual([reason, 200, { reason, date: NOW }])
    }
  })

  it('D-10: body shape is the 400, then the 404 for a participant that is not the caller\'s', async () => {
    const s = await placed(t, other)
    expect((await put(t, lp, s.teacherId, 'defer', { data: { attributes: { cohort: '2025' } } }, NOW)).body).toEqual(badShape(SHAPE.noneRead, ['reason', 'course_identifier']))
    const res = await defer(s.teacherId, ect)
    expect([res.status, res.body]).toEqual([404, NOT_FOUND])
  })

  it('D-11 A1, D-13 F1: no role and no reason are reported together', async () => {
    const s = await placed(t, lp)
    const res = await defer(s.teacherId, { reason: ' ', course_identifier: 'ecf_mentor' })
    expect([res.status, res.body]).toEqual([422, errors(['course_identifier', "Enter a '#/course_identifier'."], ['reason', "Enter a '#/reason'."])])
  })

  it('D-11 A2: no target TP in the role', async () => {
    const s = await placed(t, lp)
    const res = await defer(s.teacherId, { reason: 'other', course_identifier: 'ecf-mentor' })
    expect(res.body).toEqual(
      errors(['course_identifier', "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again."]),
    )
  })

  it('D-13 F2: a reason not in the list (a withdrawal reason included)', async () => {
    const s = await placed(t, lp)
    for (const reason of ['moved-school', 'parental_leave']) {
      const res = await defer(s.teacherId, { reason, course_identifier: 'ecf-induction' })
      expect(res.body).toEqual(errors(['reason', "The entered '#/reason' is not recognised for the given participant. Check details and try again."]))
    }
  })

  it('D-13 F3: already deferred', async () => {
    const s = await placed(t, lp)
    await defer(s.teacherId, ect, '2026-11-01T10:00:00Z')
    const res = await defer(s.teacherId, ect)
    expect([res.status, res.body]).toEqual([422, errors(['participant_id', "The '#/participant_id' is already deferred."])])
  })

  it('D-13 F4: already withdrawn', async () => {
    const s = await placed(t, lp)
    await put(t, lp, s.teacherId, 'withdraw', body('w', { reason: 'other', course_identifier: 'ecf-induction' }), '2026-11-01T10:00:00Z')
    const res = await defer(s.teacherId, ect)
    expect([res.status, res.body]).toEqual([422, errors(['participant_id', "The '#/participant_id' is already withdrawn."])])
  })

  it('D-13 F5: the TP starts after today', async () => {
    const s = await placed(t, lp, { period: { started_on: '2027-01-04' } })
    const res = await defer(s.teacherId, ect)
    expect(res.body).toEqual(errors(['participant_id', 'You cannot defer #/participant_id. This is because they have not been training with you for at least one day.']))
  })

  it('D-13 F6: the TP starts today', async () => {
    const s = await placed(t, lp, { period: { started_on: '2026-11-25' } })
    const res = await defer(s.teacherId, { reason: 'nope', course_identifier: 'ecf-induction' })
    expect(res.body).toEqual(
      errors(
        ['reason', "The entered '#/reason' is not recognised for the given participant. Check details and try again."],
        ['participant_id', 'You cannot defer or withdraw this participant today. You need to try again tomorrow as the training was recently changed for this participant.'],
      ),
    )
  })
})
