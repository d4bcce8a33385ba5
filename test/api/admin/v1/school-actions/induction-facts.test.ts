import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../../../support/app.ts'
import * as f from '../../../../support/factories.ts'
import * as p from '../../../../support/factories-participants.ts'
import { errors, scene, teacherRow } from './scene.ts'

const t = await setupTestApp()
const s = await scene(t)
const NOW = '2027-07-21T09:00:00Z'

async function trainee() {
  const teacher = await p.teacher(t.db)
  const school = await f.school(t.db)
  const partnership = await p.partnership(t.db, { school_id: school.id, lead_provider_id: s.ambition.id, delivery_partner_id: s.northWest.id, cohort: 2025 })
  const period = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: school.id, started_on: '2025-09-01' })
  await p.trainingPeriod(t.db, period, { cohort: 2025, lead_provider_id: s.ambition.id, partnership_id: partnership.id, started_on: '2025-09-01' })
  return { teacher, partnership }
}
const partnershipStamp = async (id: string) => (await t.db.selectFrom('partnerships').select('updated_at').where('id', '=', id).executeTakeFirstOrThrow()).updated_at

describe('PUT /api/admin/v1/participants/{participant_id}/induction', () => {
  it('R-43: records the facts, bumps the teacher and the partnerships of confirmed training (P-36)', async () => {
    const { teacher, partnership } = await trainee()
    const res = await t.admin('PUT', `/participants/${teacher.id}/induction`, { induction_started_on: '2025-09-01', induction_completed_on: '2027-07-20', latest_induction_period_finished_on: '2027-07-20' }, { date: NOW })
    expect(res.status).toBe(200)
    expect(res.text).toBe(JSON.stringify({ data: { participant_id: teacher.id, induction_started_on: '2025-09-01', induction_completed_on: '2027-07-20', latest_induction_period_finished_on: '2027-07-20', updated_at: NOW } }))
    expect(await partnershipStamp(partnership.id)).toEqual(new Date(NOW))
    // C-79: absent fields keep their value, null clears.
    const cleared = await t.admin('PUT', `/participants/${teacher.id}/induction`, { induction_completed_on: null }, { date: '2027-08-01T09:00:00Z' })
    expect(cleared.body.data).toEqual({ participant_id: teacher.id, induction_started_on: '2025-09-01', induction_completed_on: null, latest_induction_period_finished_on: '2027-07-20', updated_at: '2027-08-01T09:00:00Z' })
  })

  it('R-43: dates as C-77; completed before started is refused under induction_completed_on', async () => {
    const { teacher } = await trainee()
    const bad = await t.admin('PUT', `/participants/${teacher.id}/induction`, { induction_started_on: '2025-9-1', latest_induction_period_finished_on: 7, x: 1 }, { date: NOW })
    expect(bad.body).toEqual(errors(
      ['induction_started_on', "The '#/induction_started_on' must be a date in YYYY-MM-DD format."],
      ['latest_induction_period_finished_on', "The '#/latest_induction_period_finished_on' must be a date in YYYY-MM-DD format."],
      ['x', "The '#/x' is not a recognised field."],
    ))
    await t.admin('PUT', `/participants/${teacher.id}/induction`, { induction_started_on: '2025-09-01' }, { date: NOW })
    const order = await t.admin('PUT', `/participants/${teacher.id}/induction`, { induction_completed_on: '2025-08-31' }, { date: NOW })
    expect(order.body).toEqual(errors(['induction_completed_on', "The '#/induction_completed_on' must be on or after the '#/induction_started_on'."]))
  })

  it('R-43: an unknown or malformed participant id is 404', async () => {
    expect((await t.admin('PUT', '/participants/00000000-0000-4000-8000-000000000000/induction', {})).status).toBe(404)
    expect((await t.admin('PUT', '/participants/nope/induction', [])).status).toBe(404)
  })
})

describe('PUT /api/admin/v1/participants/{participant_id}/mentor-funding', () => {
  it('R-44: both values given, then both cleared; stamps as R-43', async () => {
    const { teacher, partnership } = await trainee()
    const res = await t.admin('PUT', `/participants/${teacher.id}/mentor-funding`, { mentor_ineligible_for_funding_on: '2026-07-31', mentor_ineligible_for_funding_reason: 'completed_declaration_received' }, { date: NOW })
    expect(res.text).toBe(JSON.stringify({ data: { participant_id: teacher.id, mentor_ineligible_for_funding_on: '2026-07-31', mentor_ineligible_for_funding_reason: 'completed_declaration_received', updated_at: NOW } }))
    expect(await partnershipStamp(partnership.id)).toEqual(new Date(NOW))
    const cleared = await t.admin('PUT', `/participants/${teacher.id}/mentor-funding`, { mentor_ineligible_for_funding_on: null, mentor_ineligible_for_funding_reason: null }, { date: '2027-08-01T09:00:00Z' })
    expect(cleared.body.data).toMatchObject({ mentor_ineligible_for_funding_on: null, mentor_ineligible_for_funding_reason: null, updated_at: '2027-08-01T09:00:00Z' })
    expect((await teacherRow(t, teacher.id)).mentor_ineligible_for_funding_reason).toBeNull()
  })

  it('R-44: both or neither; "Enter" under the absent one; values as C-77', async () => {
    const { teacher } = await trainee()
    const put = (body: unknown) => t.admin('PUT', `/participants/${teacher.id}/mentor-funding`, body, { date: NOW })
    expect((await put({ mentor_ineligible_for_funding_on: '2026-07-31' })).body).toEqual(errors(['mentor_ineligible_for_funding_reason', "Enter a '#/mentor_ineligible_for_funding_reason'."]))
    expect((await put({ mentor_ineligible_for_funding_on: null, mentor_ineligible_for_funding_reason: 'started_not_completed' })).body).toEqual(errors(['mentor_ineligible_for_funding_on', "Enter a '#/mentor_ineligible_for_funding_on'."]))
    expect((await put({})).body).toEqual(errors(['mentor_ineligible_for_funding_on', "Enter a '#/mentor_ineligible_for_funding_on'."], ['mentor_ineligible_for_funding_reason', "Enter a '#/mentor_ineligible_for_funding_reason'."]))
    expect((await put({ mentor_ineligible_for_funding_on: 'x', mentor_ineligible_for_funding_reason: 'done' })).body).toEqual(errors(
      ['mentor_ineligible_for_funding_on', "The '#/mentor_ineligible_for_funding_on' must be a date in YYYY-MM-DD format."],
      ['mentor_ineligible_for_funding_reason', "The '#/mentor_ineligible_for_funding_reason' must be one of: completed_declaration_received, completed_during_early_roll_out, started_not_completed."],
    ))
  })
})
