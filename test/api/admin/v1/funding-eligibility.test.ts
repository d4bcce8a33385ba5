import { describe, expect, it } from 'vitest'
import { eventsAbout, invalid, itNeedsTheAdminToken, NOT_FOUND } from '../../../support/admin.ts'
import { setupTestApp } from '../../../support/app.ts'
import * as f from '../../../support/factories.ts'
import * as p from '../../../support/factories-participants.ts'
import * as d from '../../../support/factories-declarations.ts'

const t = await setupTestApp()
await f.cohort(t.db, 2025)
const teachFirst = await d.provider(t.db, 2025, 'Teach First')
const ambition = await d.provider(t.db, 2025, 'Ambition Institute')
const tfJan = await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2025, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' })

const NOW = '2026-11-23T11:02:44Z'
const put = (id: string, body: unknown, date = NOW) => t.admin('PUT', `/participants/${id}/funding-eligibility`, body, { date })

async function declare(lp: { token: string }, teacherId: string, type: string, date: string) {
  const res = await t.request('POST', '/api/v3/participant-declarations', {
    token: lp.token,
    date: '2026-11-20T12:00:00Z',
    body: d.declarationBody({ participant_id: teacherId, declaration_type: type, declaration_date: date, course_identifier: 'ecf-induction', evidence_held: 'other' }),
  })
  expect(res.status).toBe(200)
  return res.body.data.id as string
}

describe('PUT /api/admin/v1/participants/{participant_id}/funding-eligibility', () => {
  itNeedsTheAdminToken(t, 'PUT', '/participants/5b9e1d3f-7a2c-4f8e-9b4d-3c6a0e2f8d71/funding-eligibility', { course_identifier: 'ecf-induction', eligible: true })

  it('D-86, D-50: eligible makes every submitted declaration of the role eligible, on its own lead provider\'s statement; none stays submitted (decided)', async () => {
    const scene = await d.trainee(t.db, teachFirst, { cohort: 2025, started_on: '2025-09-01', finished_on: '2026-01-01' })
    await t.db.updateTable('teachers').set({ ect_eligible_for_funding_at: null }).where('id', '=', scene.teacherId).execute()
    const first = await declare(teachFirst, scene.teacherId, 'started', '2025-10-01T09:00:00Z')
    await d.trainee(t.db, ambition, { cohort: 2025, started_on: '2026-01-01', teacher_id: scene.teacherId })
    const second = await declare(ambition, scene.teacherId, 'retained-1', '2026-02-01T09:00:00Z')
    const res = await put(scene.teacherId, { course_identifier: 'ecf-induction', eligible: true })
    expect(res.status).toBe(200)
    expect(res.text).toBe(
      JSON.stringify({ data: { participant_id: scene.teacherId, course_identifier: 'ecf-induction', eligible: true, eligible_for_funding_at: NOW, declarations_made_eligible: 1 } }),
    )
    const rows = await t.db.selectFrom('declarations').select(['id', 'payment_status', 'statement_id', 'updated_at']).where('teacher_id', '=', scene.teacherId).orderBy('created_at').execute()
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]))
    expect(byId[first]).toEqual({ id: first, payment_status: 'eligible', statement_id: tfJan.id, updated_at: new Date(NOW) })
    // Ambition has no open statement in 2025: its declaration stays submitted.
    expect(byId[second]).toMatchObject({ payment_status: 'submitted', statement_id: null })
    const teacher = await t.db.selectFrom('teachers').select(['ect_eligible_for_funding_at', 'updated_at']).where('id', '=', scene.teacherId).executeTakeFirstOrThrow()
    expect(teacher).toEqual({ ect_eligible_for_funding_at: new Date(NOW), updated_at: new Date(NOW) })
    expect(await eventsAbout(t, scene.teacherId)).toMatchObject([{ author: 'operator', action: 'participant.funding_eligibility_set' }])
    // Eligible again keeps the first instant.
    const again = await put(scene.teacherId, { course_identifier: 'ecf-induction', eligible: true }, '2026-11-24T09:00:00Z')
    expect(again.body.data).toMatchObject({ eligible_for_funding_at: NOW, declarations_made_eligible: 0 })
  })

  it('D-86: eligible false clears the instant; new declarations are submitted, old ones keep their state', async () => {
    const scene = await d.trainee(t.db, teachFirst, { cohort: 2025, started_on: '2025-09-01' })
    const first = await declare(teachFirst, scene.teacherId, 'started', '2025-10-01T09:00:00Z')
    const res = await put(scene.teacherId, { course_identifier: 'ecf-induction', eligible: false })
    expect(res.body).toEqual({ data: { participant_id: scene.teacherId, course_identifier: 'ecf-induction', eligible: false, eligible_for_funding_at: null, declarations_made_eligible: 0 } })
    const next = await declare(teachFirst, scene.teacherId, 'retained-1', '2026-02-01T09:00:00Z')
    const states = await t.db.selectFrom('declarations').select(['id', 'payment_status']).where('id', 'in', [first, next]).execute()
    expect(Object.fromEntries(states.map((s) => [s.id, s.payment_status]))).toEqual({ [first]: 'eligible', [next]: 'submitted' })
  })

  it('D-86, C-76, C-77: the field checks, then the role the participant never had', async () => {
    const scene = await d.trainee(t.db, teachFirst, { cohort: 2025, started_on: '2025-09-01' })
    expect((await put(scene.teacherId, { course_identifier: 'ecf-ect', eligible: 'yes', colour: 1 })).body).toEqual(
      invalid(
        ['course_identifier', "The '#/course_identifier' must be one of: ecf-induction, ecf-mentor."],
        ['eligible', "The '#/eligible' must be true or false."],
        ['colour', "The '#/colour' is not a recognised field."],
      ),
    )
    expect((await put(scene.teacherId, {})).body).toEqual(invalid(['course_identifier', "Enter a '#/course_identifier'."], ['eligible', "Enter a '#/eligible'."]))
    expect((await put(scene.teacherId, { course_identifier: 'ecf-mentor', eligible: true })).body).toEqual(
      invalid(['course_identifier', 'This participant has never been registered in that role.']),
    )
  })

  it('D-86, C-78: an unknown or malformed participant is the 404 before the body', async () => {
    expect((await put('5b9e1d3f-7a2c-4f8e-9b4d-3c6a0e2f8d71', [1])).body).toEqual(NOT_FOUND)
    expect((await put('nope', {})).status).toBe(404)
    const teacher = await p.teacher(t.db)
    expect((await put(teacher.id, [1])).status).toBe(400)
  })
})
