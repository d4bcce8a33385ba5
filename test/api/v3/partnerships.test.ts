// POST /api/v3/partnerships (P-51 … P-53).
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import { onPostgres } from '../../support/db.ts'
import * as p from '../../support/factories-participants.ts'
import { partnershipsScene } from '../../support/partnerships-scene.ts'
import { badShape, BROKEN_JSON, SHAPE } from '../../support/bodies.ts'

const t = await setupTestApp()
const { ambition, teachFirst, northern, pennine, unpaired, JUNE_20, text, oakfield, registered, body, post, json } = await partnershipsScene(t)

describe('POST /api/v3/partnerships', () => {
  it('G1, G7, G37, G38, G22, P-3, P-51, C-14: creates a partnership before anyone is registered → 200 with the re-read partnership and the induction tutor', async () => {
    const school = await oakfield()
    const res = await post(ambition.token, { cohort: '2025', school_id: school.id, delivery_partner_id: northern.id })
    expect(res.status).toBe(200)
    expect(res.text).toBe(JSON.stringify({ data: json(res.body.data.id, school) }))
    const events = await t.db.selectFrom('events').select(['author', 'action', 'lead_provider_id', 'subject_type', 'data']).where('subject_id', '=', res.body.data.id).execute()
    // C-81: written by the statement that writes the partnership (partnership_create, 0014).
    expect(events).toEqual([{
      author: 'lead_provider', action: 'partnership.created', lead_provider_id: ambition.id, subject_type: 'partnership',
      data: { school_id: school.id, delivery_partner_id: northern.id, cohort: 2025 },
    }])
  })

  it('G9, G42, P-52 row 11, P-53: a sequential repeat is the duplicate 422', async () => {
    const school = await oakfield()
    expect((await post(ambition.token, { cohort: '2025', school_id: school.id, delivery_partner_id: northern.id })).status).toBe(200)
    const again = await post(ambition.token, { cohort: '2025', school_id: school.id, delivery_partner_id: pennine.id })
    expect(again.status).toBe(422)
    expect(again.body).toEqual({ errors: [{ title: 'school_id', detail: text.duplicate }] })
  })

  it('P-52 row 11: any partnership of the caller in the cohort blocks, whoever created it', async () => {
    const school = await oakfield()
    await p.partnership(t.db, { school_id: school.id, lead_provider_id: ambition.id, delivery_partner_id: pennine.id, cohort: 2025, created_by: 'operator' })
    const res = await post(ambition.token, { cohort: '2025', school_id: school.id, delivery_partner_id: northern.id })
    expect(res.body).toEqual({ errors: [{ title: 'school_id', detail: text.duplicate }] })
  })

  it('G10, G43, G41, P-6: another lead provider may partner the same school in the same cohort', async () => {
    const school = await oakfield()
    expect((await post(ambition.token, { cohort: '2025', school_id: school.id, delivery_partner_id: northern.id })).status).toBe(200)
    const res = await post(teachFirst.token, { cohort: 2025, school_id: school.id.toUpperCase(), delivery_partner_id: pennine.id.toUpperCase() })
    expect(res.status).toBe(200)
    expect(res.body.data.attributes).toMatchObject({ cohort: '2025', school_id: school.id, delivery_partner_id: pennine.id })
  })

  it('P-52 rows 1–3, C-22: blank attributes (null, false, "", spaces, arrays) are each "Enter"', async () => {
    const res = await post(ambition.token, { cohort: null, school_id: '  ', delivery_partner_id: false })
    expect(res.status).toBe(422)
    expect(res.body).toEqual({
      errors: [
        { title: 'cohort', detail: "Enter a '#/cohort'." },
        { title: 'school_id', detail: "Enter a '#/school_id'." },
        { title: 'delivery_partner_id', detail: "Enter a '#/delivery_partner_id'." },
      ],
    })
    const partial = await post(ambition.token, { cohort: '', school_id: ['x'] })
    expect(partial.body).toEqual({
      errors: [
        { title: 'cohort', detail: "Enter a '#/cohort'." },
        { title: 'school_id', detail: "Enter a '#/school_id'." },
        { title: 'delivery_partner_id', detail: "Enter a '#/delivery_partner_id'." },
      ],
    })
  })

  it('P-52 rows 4, 7, 9: unknown or malformed cohort, school and delivery partner (decided: "2025abc" is not a cohort)', async () => {
    const res = await post(ambition.token, { cohort: '2025abc', school_id: 'not-a-uuid', delivery_partner_id: '00000000-0000-4000-8000-000000000000' })
    expect(res.body).toEqual({
      errors: [
        { title: 'cohort', detail: text.cohortInvalid },
        { title: 'school_id', detail: text.schoolInvalid },
        { title: 'delivery_partner_id', detail: text.dpInvalid },
      ],
    })
    const unknownYear = await post(ambition.token, { cohort: '2031', school_id: '00000000-0000-4000-8000-000000000000', delivery_partner_id: 'x' })
    expect(unknownYear.body).toEqual({
      errors: [
        { title: 'cohort', detail: text.cohortInvalid },
        { title: 'school_id', detail: text.schoolInvalid },
        { title: 'delivery_partner_id', detail: text.dpInvalid },
      ],
    })
  })

  it('G2, G38, P-1, P-52 row 5: a cohort that has not started is a future cohort', async () => {
    const school = await oakfield()
    const res = await post(ambition.token, { cohort: '2026', school_id: school.id, delivery_partner_id: northern.id }, '2026-05-31T12:00:00Z')
    expect(res.body).toEqual({ errors: [{ title: 'cohort', detail: 'You cannot create a partnership for a future cohort.' }] })
    const opened = await post(ambition.token, { cohort: '2026', school_id: school.id, delivery_partner_id: northern.id }, '2026-06-01T00:00:00+01:00')
    expect(opened.status).toBe(200)
  })

  it('G38, P-52 row 6, P-12: a closed cohort refuses lead provider POSTs', async () => {
    const school = await oakfield()
    const res = await post(ambition.token, { cohort: '2024', school_id: school.id, delivery_partner_id: northern.id })
    expect(res.body).toEqual({ errors: [{ title: 'cohort', detail: 'You cannot create this partnership as the cohort is closed.' }] })
  })

  it('P-52 row 8, G31: an ineligible school', async () => {
    const school = await oakfield({ eligible: false })
    const res = await post(ambition.token, { cohort: '2025', school_id: school.id, delivery_partner_id: northern.id })
    expect(res.body).toEqual({ errors: [{ title: 'school_id', detail: text.ineligible }] })
  })

  it('G35, P-52 row 10: a delivery partner not paired with the caller in the cohort — also when the cohort is blank or unknown', async () => {
    const school = await oakfield()
    const res = await post(ambition.token, { cohort: '2025', school_id: school.id, delivery_partner_id: unpaired.id })
    expect(res.body).toEqual({ errors: [{ title: 'delivery_partner_id', detail: text.notPaired }] })
    const teach = await post(teachFirst.token, { cohort: '2025', school_id: school.id, delivery_partner_id: northern.id })
    expect(teach.body).toEqual({ errors: [{ title: 'delivery_partner_id', detail: text.notPaired }] })
    const blank = await post(ambition.token, { school_id: school.id, delivery_partner_id: northern.id })
    expect(blank.body).toEqual({
      errors: [
        { title: 'cohort', detail: "Enter a '#/cohort'." },
        { title: 'delivery_partner_id', detail: text.notPaired },
      ],
    })
  })

  it('G38, P-52 row 12, P-26: a school whose cohort training is all school-led', async () => {
    const school = await oakfield()
    await registered(school.id, { school_led: true })
    const res = await post(ambition.token, { cohort: '2025', school_id: school.id, delivery_partner_id: northern.id })
    expect(res.body).toEqual({ errors: [{ title: 'school_id', detail: text.schoolLed }] })
    // Another cohort's school-led training does not count (P-26 decided).
    await registered(school.id, { school_led: true, cohort: 2026, started_on: '2026-09-01' })
    const other = await oakfield()
    await registered(other.id, { school_led: true, cohort: 2026, started_on: '2026-09-01' })
    expect((await post(ambition.token, { cohort: '2025', school_id: other.id, delivery_partner_id: northern.id })).status).toBe(200)
  })

  it('C-30, P-52: the spec example — rows 8, 9 and 12 grouped by title in order of first failure', async () => {
    const school = await oakfield({ eligible: false })
    await registered(school.id, { school_led: true })
    const res = await post(ambition.token, { cohort: '2025', school_id: school.id, delivery_partner_id: '0385205a-73f2-45d8-89c1-294e2a033c9a' })
    expect(res.status).toBe(422)
    expect(res.text).toBe(
      JSON.stringify({
        errors: [
          { title: 'school_id', detail: text.ineligible },
          { title: 'school_id', detail: text.schoolLed },
          { title: 'delivery_partner_id', detail: text.dpInvalid },
        ],
      }),
    )
  })

  it('C-30, P-52: an unknown delivery partner (row 9) comes before the duplicate (row 11); row 11 runs even after row 8', async () => {
    const school = await oakfield()
    await p.partnership(t.db, { school_id: school.id, lead_provider_id: ambition.id, delivery_partner_id: northern.id, cohort: 2025 })
    const res = await post(ambition.token, { cohort: '2025', school_id: school.id, delivery_partner_id: '00000000-0000-4000-8000-000000000000' })
    expect(res.body).toEqual({ errors: [{ title: 'delivery_partner_id', detail: text.dpInvalid }, { title: 'school_id', detail: text.duplicate }] })
    await t.db.updateTable('schools').set({ eligible: false }).where('id', '=', school.id).execute()
    const ineligible = await post(ambition.token, { cohort: '2025', school_id: school.id, delivery_partner_id: northern.id })
    expect(ineligible.body).toEqual({ errors: [{ title: 'school_id', detail: text.ineligible }, { title: 'school_id', detail: text.duplicate }] })
  })

  it('C-19 … C-21: data.type is ignored, unknown attributes are dropped', async () => {
    const school = await oakfield()
    const res = await t.request('POST', '/api/v3/partnerships', {
      token: ambition.token,
      date: JUNE_20,
      body: { data: { type: 'anything', attributes: { cohort: '2025', school_id: school.id, delivery_partner_id: northern.id, status: 'challenged' } } },
    })
    expect(res.status).toBe(200)
  })

  it('C-21, C-23, issue 18: malformed bodies are the 400 naming the problem, never a 500', async () => {
    const school = await oakfield()
    const allowed = ['cohort', 'school_id', 'delivery_partner_id']
    const bodies: [unknown, string][] = [
      [null, 'The request body must be a JSON object, not null.'],
      [[], SHAPE.array],
      ['text', 'The request body must be a JSON object, not a string.'],
      [{}, SHAPE.noData],
      [{ data: null }, SHAPE.dataNull],
      [{ data: [] }, "The request body's 'data' must be an object, not an array."],
      [{ data: {} }, SHAPE.noAttributes],
      [{ data: { type: 'partnership' } }, SHAPE.noAttributes],
      [{ data: { attributes: {} } }, SHAPE.attributesEmpty],
      [{ data: { attributes: [] } }, SHAPE.attributesArray],
      [{ data: { attributes: { colour: 'blue' } } }, SHAPE.noneRead],
      [{ data: { attributes: { cohort: ['2025'], school_id: { id: school.id } } } }, SHAPE.noneRead],
    ]
    for (const [b, problem] of bodies) {
      const res = await t.request('POST', '/api/v3/partnerships', { token: ambition.token, body: b })
      expect([JSON.stringify(b), res.status, res.body]).toEqual([JSON.stringify(b), 400, badShape(problem, allowed)])
    }
    const none = await t.request('POST', '/api/v3/partnerships', { token: ambition.token })
    expect([none.status, none.body]).toEqual([400, badShape(SHAPE.none, allowed)])
    const broken = await t.request('POST', '/api/v3/partnerships', { token: ambition.token, payload: '{"data":', headers: { 'content-type': 'application/json' } })
    expect([broken.status, broken.body]).toEqual([400, BROKEN_JSON])
    const odd = await post(ambition.token, { cohort: 2025.5, school_id: 12, delivery_partner_id: true })
    expect(odd.status).toBe(422)
  })

  it('C-8: no token is the 401', async () => {
    const res = await t.request('POST', '/api/v3/partnerships', { body: body({}) })
    expect(res.status).toBe(401)
    expect(res.body).toEqual({ error: 'HTTP Token: Access denied' })
  })

  it('G6, G19, P-33: creating attaches every EOI period of the school, lead provider and cohort — ECT and mentor, any dates', async () => {
    const school = await oakfield()
    const current = await registered(school.id, { started_on: '2025-06-01' })
    const mentor = await registered(school.id, { role: 'mentor', started_on: '2025-09-01' })
    const finished = await registered(school.id, { started_on: '2025-06-01', finished_on: '2025-06-10' })
    const otherLp = await registered(school.id, { lead_provider_id: teachFirst.id, started_on: '2025-06-01' })
    const otherCohort = await registered(school.id, { cohort: 2026, started_on: '2026-09-01' })
    const res = await post(ambition.token, { cohort: '2025', school_id: school.id, delivery_partner_id: northern.id })
    expect(res.body.data.attributes.participants_currently_training).toBe(1)
    const rows = await t.db.selectFrom('training_periods').select(['id', 'partnership_id', 'began_as_eoi', 'started_on', 'finished_on']).where('school_id', '=', school.id).execute()
    const byId = new Map(rows.map((r) => [r.id, r]))
    for (const r of [current, mentor, finished]) expect(byId.get(r.training.id)).toMatchObject({ partnership_id: res.body.data.id, began_as_eoi: true })
    expect(byId.get(finished.training.id)).toMatchObject({ started_on: '2025-06-01', finished_on: '2025-06-10' })
    for (const r of [otherLp, otherCohort]) expect(byId.get(r.training.id)!.partnership_id).toBeNull()
    const teachers = await t.db.selectFrom('teachers').select(['id', 'updated_at']).where('id', 'in', [current.teacher.id, otherLp.teacher.id]).execute()
    expect(Object.fromEntries(teachers.map((x) => [x.id, x.updated_at.toISOString()]))).toEqual({
      [current.teacher.id]: '2025-06-20T09:14:03.000Z',
      [otherLp.teacher.id]: '2025-06-01T09:00:00.000Z',
    })
  })

  it.skipIf(!onPostgres)('P-53, G9, Q-10: 50 concurrent identical POSTs → exactly one 200, the rest the row 11 422', async () => {
    const school = await oakfield()
    const attributes = { cohort: '2025', school_id: school.id, delivery_partner_id: northern.id }
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(ambition.token, attributes)))
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1)
    const rest = answers.filter((a) => a.status !== 200)
    expect(rest).toHaveLength(49)
    for (const a of rest) expect([a.status, a.body]).toEqual([422, { errors: [{ title: 'school_id', detail: text.duplicate }] }])
    const rows = await t.db.selectFrom('partnerships').select('id').where('school_id', '=', school.id).execute()
    expect(rows).toHaveLength(1)
  })
})
