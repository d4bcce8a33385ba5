import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import { onPostgres } from '../../support/db.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'
import { countingApp } from '../../support/count-statements.ts'

const t = await setupTestApp()
const ambition = await f.leadProvider(t.db, { name: 'Ambition Institute' })
const teachFirst = await f.leadProvider(t.db, { name: 'Teach First' })
const northern = await f.deliveryPartner(t.db, { name: 'Northern Lights Teaching Alliance' })
const pennine = await f.deliveryPartner(t.db, { name: 'Pennine Learning Partnership' })
const unpaired = await f.deliveryPartner(t.db, { name: 'Unpaired Partners' })
await f.cohort(t.db, 2024, { partnerships_open: false })
await f.cohort(t.db, 2025)
await f.cohort(t.db, 2026)
await f.pairing(t.db, ambition.id, northern.id, 2024)
await f.pairing(t.db, ambition.id, northern.id, 2025)
await f.pairing(t.db, ambition.id, pennine.id, 2025)
await f.pairing(t.db, ambition.id, northern.id, 2026)
await f.pairing(t.db, teachFirst.id, pennine.id, 2025)

const JUNE_20 = '2025-06-20T09:14:03Z'
const NOT_FOUND = { errors: [{ title: 'Resource not found', detail: 'Nothing could be found for the provided details' }] }
const BAD_BODY = { errors: [{ title: 'Bad request', detail: 'Correct json data structure required. See API docs for reference.' }] }
const text = {
  duplicate: 'You are already in a confirmed partnership with this school for the entered cohort.',
  ineligible: 'The school you have entered is currently ineligible for DfE funding. Contact the school for more information.',
  schoolLed: 'This school has only registered school-led participants. Contact the school for more information.',
  dpInvalid: "The '#/delivery_partner_id' you have entered is invalid. Check delivery partner details and try again.",
  notPaired:
    'The entered delivery partner is not recognised to be working in partnership with you for the given cohort. Contact the DfE for more information.',
  cohortInvalid: "The '#/cohort' you have entered is invalid. Check cohort details and try again.",
  schoolInvalid:
    "The '#/school_id' you have entered is invalid. Check school details and try again. Contact the DfE for support if you are unable to find the '#/school_id'.",
  alreadyOnPairing:
    'We are unable to process this request. You are already confirmed to be in partnership with the entered delivery partner. Contact the DfE for support.',
}

async function oakfield(fields: Partial<{ eligible: boolean; contact_email: string | null; tutor: boolean }> = {}) {
  const school = await f.school(t.db, { name: 'Oakfield Primary School', ...fields })
  if (fields.tutor ?? true) {
    await t.db.updateTable('schools').set({ induction_tutor_name: 'Priya Shah', induction_tutor_email: 'priya.shah@oakfield.sch.uk' }).where('id', '=', school.id).execute()
  }
  return school
}

/** A registration as the school actions leave it: an ECT (or mentor) training at the school. */
async function registered(
  schoolId: string,
  fields: { cohort?: number; lead_provider_id?: string | null; partnership_id?: string | null; role?: 'ect' | 'mentor'; started_on?: string; finished_on?: string | null; school_led?: boolean; induction_completed_on?: string | null; mentor_ineligible_for_funding_on?: string | null },
) {
  const teacher = await p.teacher(t.db, { induction_completed_on: fields.induction_completed_on ?? null, mentor_ineligible_for_funding_on: fields.mentor_ineligible_for_funding_on ?? null })
  const period = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: schoolId, role: fields.role ?? 'ect', started_on: fields.started_on ?? '2025-09-01', finished_on: fields.finished_on ?? null })
  const training = await p.trainingPeriod(t.db, period, {
    cohort: fields.cohort ?? 2025,
    lead_provider_id: fields.school_led ? null : (fields.lead_provider_id ?? ambition.id),
    partnership_id: fields.partnership_id ?? null,
    school_led: fields.school_led ?? false,
    started_on: fields.started_on ?? '2025-09-01',
    finished_on: fields.finished_on ?? null,
  })
  return { teacher, period, training }
}

const body = (attributes: Record<string, unknown>) => ({ data: { type: 'partnership', attributes } })
const post = (token: string, attributes: Record<string, unknown>, date = JUNE_20) =>
  t.request('POST', '/api/v3/partnerships', { token, body: body(attributes), date })
const get = (token: string, path: string, date = JUNE_20) => t.request('GET', `/api/v3/partnerships${path}`, { token, date })
const put = (token: string, id: string, attributes: unknown, date = '2025-07-01T08:00:00Z') =>
  t.request('PUT', `/api/v3/partnerships/${id}`, { token, body: { data: { type: 'partnership', attributes } }, date })

function json(id: string, school: { id: string; urn: string }, fields: Partial<{ cohort: string; delivery_partner_id: string; delivery_partner_name: string; induction_tutor_name: string | null; induction_tutor_email: string | null; participants_currently_training: number; created_at: string; updated_at: string }> = {}) {
  return {
    id,
    type: 'partnership',
    attributes: {
      cohort: fields.cohort ?? '2025',
      urn: school.urn,
      school_id: school.id,
      delivery_partner_id: fields.delivery_partner_id ?? northern.id,
      delivery_partner_name: fields.delivery_partner_name ?? 'Northern Lights Teaching Alliance',
      induction_tutor_name: fields.induction_tutor_name === undefined ? 'Priya Shah' : fields.induction_tutor_name,
      induction_tutor_email: fields.induction_tutor_email === undefined ? 'priya.shah@oakfield.sch.uk' : fields.induction_tutor_email,
      participants_currently_training: fields.participants_currently_training ?? 0,
      created_at: fields.created_at ?? JUNE_20,
      updated_at: fields.updated_at ?? fields.created_at ?? JUNE_20,
    },
  }
}

describe('POST /api/v3/partnerships', () => {
  it('G1, G7, G37, G38, G22, P-3, P-51, C-14: creates a partnership before anyone is registered → 200 with the re-read partnership and the induction tutor', async () => {
    const school = await oakfield()
    const res = await post(ambition.token, { cohort: '2025', school_id: school.id, delivery_partner_id: northern.id })
    expect(res.status).toBe(200)
    expect(res.text).toBe(JSON.stringify({ data: json(res.body.data.id, school) }))
    const events = await t.db.selectFrom('events').select(['author', 'action', 'lead_provider_id']).where('subject_id', '=', res.body.data.id).execute()
    expect(events).toEqual([{ author: 'lead_provider', action: 'partnership.created', lead_provider_id: ambition.id }])
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

  it('C-21, C-23: malformed bodies are the 400, never a 500', async () => {
    const school = await oakfield()
    const bodies: unknown[] = [
      null,
      [],
      'text',
      {},
      { data: null },
      { data: [] },
      { data: {} },
      { data: { type: 'partnership' } },
      { data: { attributes: {} } },
      { data: { attributes: [] } },
      { data: { attributes: { colour: 'blue' } } },
      { data: { attributes: { cohort: ['2025'], school_id: { id: school.id } } } },
    ]
    for (const b of bodies) {
      const res = await t.request('POST', '/api/v3/partnerships', { token: ambition.token, body: b })
      expect([res.status, res.body]).toEqual([400, BAD_BODY])
    }
    const none = await t.request('POST', '/api/v3/partnerships', { token: ambition.token })
    expect([none.status, none.body]).toEqual([400, BAD_BODY])
    const broken = await t.request('POST', '/api/v3/partnerships', { token: ambition.token, payload: '{"data":', headers: { 'content-type': 'application/json' } })
    expect([broken.status, broken.body]).toEqual([400, BAD_BODY])
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

describe('delivery partners for POST and PUT', () => {
  it('G34, G35, G36, P-40, P-42, P-52 row 10: the id and cohorts GET /delivery-partners shows are what POST accepts', async () => {
    const school = await oakfield()
    const seen = await t.request('GET', `/api/v3/delivery-partners/${pennine.id}`, { token: ambition.token })
    expect(seen.body.data.attributes.cohort).toEqual(['2025'])
    expect((await post(ambition.token, { cohort: '2024', school_id: school.id, delivery_partner_id: seen.body.data.id })).body).toEqual({
      errors: [
        { title: 'cohort', detail: 'You cannot create this partnership as the cohort is closed.' },
        { title: 'delivery_partner_id', detail: text.notPaired },
      ],
    })
    expect((await post(ambition.token, { cohort: seen.body.data.attributes.cohort[0], school_id: school.id, delivery_partner_id: seen.body.data.id })).status).toBe(200)
  })
})

describe('participants_currently_training and updated_at', () => {
  it('G12, G13, P-35: counts ECTs and mentors training today; 0 when none registered, all completed, all moved, or any mix', async () => {
    const school = await oakfield()
    const { id } = await p.partnership(t.db, { school_id: school.id, lead_provider_id: ambition.id, delivery_partner_id: northern.id, cohort: 2025, created_at: JUNE_20 })
    const count = async (date: string) => (await get(ambition.token, `/${id}`, date)).body.data.attributes.participants_currently_training
    expect(await count('2025-10-01')).toBe(0)
    await registered(school.id, { partnership_id: id, started_on: '2025-09-01' })
    await registered(school.id, { partnership_id: id, role: 'mentor', started_on: '2025-09-01' })
    expect(await count('2025-08-31')).toBe(0)
    expect(await count('2025-10-01')).toBe(2)
    // Completed: an ECT whose induction ended, a mentor whose funded training ended (decided).
    await registered(school.id, { partnership_id: id, started_on: '2025-09-01', induction_completed_on: '2025-12-01' })
    await registered(school.id, { partnership_id: id, role: 'mentor', started_on: '2025-09-01', mentor_ineligible_for_funding_on: '2025-12-01' })
    expect(await count('2025-11-30')).toBe(4)
    expect(await count('2025-12-01')).toBe(2)
    // Moved away (finished periods) and an empty confirmed period never count.
    await registered(school.id, { partnership_id: id, started_on: '2025-09-01', finished_on: '2025-11-01' })
    const moved = await registered(school.id, { partnership_id: id, started_on: '2025-09-01', finished_on: '2025-11-01' })
    expect(moved).toBeDefined()
    expect(await count('2025-10-15')).toBe(6)
    expect(await count('2025-11-01')).toBe(4)
    const empty = await registered(school.id, { partnership_id: id, started_on: '2025-09-01', finished_on: '2025-09-02' })
    await t.db.updateTable('training_periods').set({ started_on: '2025-09-02' }).where('id', '=', empty.training.id).execute()
    expect(await count('2025-11-01')).toBe(4)
  })

  it('P-36, C-58, C-59: the calendar stamp moves updated_at when a period starts; filter[updated_since] and sort use the shown value', async () => {
    const school = await oakfield()
    const { id } = await p.partnership(t.db, { school_id: school.id, lead_provider_id: teachFirst.id, delivery_partner_id: pennine.id, cohort: 2025, created_at: JUNE_20 })
    await registered(school.id, { partnership_id: id, lead_provider_id: teachFirst.id, started_on: '2025-09-01' })
    const before = await t.request('GET', `/api/v3/partnerships/${id}`, { token: teachFirst.token, date: '2025-08-31T22:59:59Z' })
    expect(before.body.data.attributes).toMatchObject({ participants_currently_training: 0, updated_at: JUNE_20 })
    const after = await t.request('GET', `/api/v3/partnerships/${id}`, { token: teachFirst.token, date: '2025-08-31T23:00:00Z' })
    expect(after.body.data.attributes).toMatchObject({ participants_currently_training: 1, updated_at: '2025-08-31T23:00:00Z' })
    const since = (value: string, date: string) =>
      t.request('GET', `/api/v3/partnerships?filter[updated_since]=${value}`, { token: teachFirst.token, date }).then((r) => r.body.data.map((d: { id: string }) => d.id))
    expect(await since('2025-08-31T23:00:00Z', '2025-08-31T22:00:00Z')).not.toContain(id)
    expect(await since('2025-08-31T23:00:00Z', '2025-09-02T10:00:00Z')).toContain(id)
    expect(await since('2025-09-01T00:00:00%2B01:00', '2025-09-02T10:00:00Z')).toContain(id)
  })
})

const lp = await f.leadProvider(t.db, { name: 'Listing Provider' })
const dpA = await f.deliveryPartner(t.db, { name: 'Alpha Partnership' })
const dpB = await f.deliveryPartner(t.db, { name: 'Beta Partnership' })
await f.pairing(t.db, lp.id, dpA.id, 2025)
await f.pairing(t.db, lp.id, dpB.id, 2025)
await f.pairing(t.db, lp.id, dpA.id, 2026)
const school = await oakfield({ tutor: false, contact_email: 'office@oakfield.sch.uk' })
const second = await f.school(t.db, { name: 'Second School' })
const a = await p.partnership(t.db, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: dpA.id, cohort: 2025, created_at: '2025-06-20T10:00:00Z' })
const extra = await p.partnership(t.db, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: dpB.id, cohort: 2025, additional: true, created_by: 'operator', created_at: '2025-06-21T10:00:00Z' })
const later = await p.partnership(t.db, { school_id: second.id, lead_provider_id: lp.id, delivery_partner_id: dpA.id, cohort: 2026, created_at: '2025-06-19T10:00:00Z' })
await t.db.updateTable('partnerships').set({ updated_at: new Date('2025-07-01T10:00:00Z') }).where('id', '=', later.id).execute()
const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((d) => d.id)
const list = (query: string) => t.request('GET', `/api/v3/partnerships${query}`, { token: lp.token, date: '2025-07-02T10:00:00Z' })

describe('GET /api/v3/partnerships', () => {
  it('G45, G47, G8, P-49, P-56: every partnership of the caller — several for one school and cohort — created_at ascending by default', async () => {
    const res = await list('')
    expect(res.status).toBe(200)
    expect(ids(res)).toEqual([later.id, a.id, extra.id])
    expect(res.body.data[1]).toEqual({
      id: a.id,
      type: 'partnership',
      attributes: {
        cohort: '2025',
        urn: school.urn,
        school_id: school.id,
        delivery_partner_id: dpA.id,
        delivery_partner_name: 'Alpha Partnership',
        induction_tutor_name: null,
        induction_tutor_email: 'office@oakfield.sch.uk',
        participants_currently_training: 0,
        created_at: '2025-06-20T10:00:00Z',
        updated_at: '2025-06-20T10:00:00Z',
      },
    })
  })

  it('G14, P-50: no challenge fields, attributes in the spec order', async () => {
    const res = await list('?filter[cohort]=2026')
    expect(Object.keys(res.body.data[0].attributes)).toEqual([
      'cohort', 'urn', 'school_id', 'delivery_partner_id', 'delivery_partner_name', 'induction_tutor_name', 'induction_tutor_email',
      'participants_currently_training', 'created_at', 'updated_at',
    ])
  })

  it('G43, P-49: other lead providers\' partnerships with the same school are invisible', async () => {
    await p.partnership(t.db, { school_id: school.id, lead_provider_id: teachFirst.id, delivery_partner_id: pennine.id, cohort: 2025 })
    expect(ids(await list('?filter[cohort]=2025'))).toEqual([a.id, extra.id])
  })

  it('P-56, C-40, C-41: filter[cohort] and filter[delivery_partner_id] as lists; malformed items match nothing', async () => {
    expect(ids(await list('?filter[cohort]=2026'))).toEqual([later.id])
    expect(ids(await list('?filter[cohort]=2025,2026'))).toEqual([later.id, a.id, extra.id])
    expect(ids(await list('?filter[cohort][]=2026&filter[cohort][]=x'))).toEqual([later.id])
    expect(ids(await list('?filter[cohort]=20A1'))).toEqual([])
    expect(ids(await list('?filter[cohort]='))).toEqual([later.id, a.id, extra.id])
    expect(ids(await list(`?filter[delivery_partner_id]=${dpB.id.toUpperCase()}`))).toEqual([extra.id])
    expect(ids(await list(`?filter[delivery_partner_id]=${dpB.id},nonsense&filter[cohort]=2025`))).toEqual([extra.id])
    expect(ids(await list('?filter[delivery_partner_id]=nonsense'))).toEqual([])
    expect(ids(await list('?filter[cohort][x]=2025'))).toEqual([])
  })

  it('P-56, C-44: filter[updated_since] keeps records updated at or after the instant', async () => {
    expect(ids(await list('?filter[updated_since]=2025-06-21T10:00:00Z'))).toEqual([later.id, extra.id])
    expect(ids(await list('?filter[updated_since]=2025-07-01T10:00:00.001Z'))).toEqual([])
    const bad = await list('?filter[updated_since]=2025-06-21')
    expect([bad.status, bad.body]).toEqual([400, { errors: [{ title: 'Bad request', detail: "The filter '#/updated_since' must be a valid ISO 8601 date" }] }])
  })

  it('C-47, C-48, P-56: sort by -created_at and updated_at; unknown keys ignored', async () => {
    expect(ids(await list('?sort=-created_at'))).toEqual([extra.id, a.id, later.id])
    expect(ids(await list('?sort=updated_at'))).toEqual([a.id, extra.id, later.id])
    expect(ids(await list('?sort=-updated_at'))).toEqual([later.id, extra.id, a.id])
    expect(ids(await list('?sort=name,-created_at'))).toEqual([extra.id, a.id, later.id])
  })

  it('C-32 … C-37: pages, the page 400 and the filter 400', async () => {
    expect(ids(await list('?page[per_page]=2&page[page]=2'))).toEqual([extra.id])
    expect(ids(await list('?page[per_page]=2&page[page]=3'))).toEqual([])
    const zero = await list('?page[per_page]=0')
    expect(zero.status).toBe(400)
    const hash = await list('?filter=2025')
    expect([hash.status, hash.body]).toEqual([400, { errors: [{ title: 'Bad parameter', detail: 'Filter must be a hash' }] }])
  })

  it('C-8: no token is the 401', async () => {
    expect((await t.request('GET', '/api/v3/partnerships')).status).toBe(401)
  })

  it('SPEC (one or two queries per page): the list costs the same number of SQL statements for per_page 1 and per_page 50', async () => {
    for (let i = 0; i < 50; i++) {
      const s = await f.school(t.db)
      const { id } = await p.partnership(t.db, { school_id: s.id, lead_provider_id: lp.id, delivery_partner_id: dpA.id, cohort: 2026 })
      await registered(s.id, { partnership_id: id, lead_provider_id: lp.id, cohort: 2026, started_on: '2025-06-01' })
    }
    const counting = await countingApp(t.db, { authorization: `Bearer ${lp.token}`, 'x-with-server-date': '2025-07-02T10:00:00Z' })
    const one = await counting.statementsFor('/api/v3/partnerships?page[per_page]=1')
    const fifty = await counting.statementsFor('/api/v3/partnerships?page[per_page]=50')
    expect(fifty.rows).toBe(50)
    expect(one.rows).toBe(1)
    expect(fifty.statements).toBeLessThanOrEqual(3)
    expect(one.pageStatements).toBe(1)
    expect(fifty.pageStatements).toBe(1)
    await counting.close()
  })
})

describe('GET /api/v3/partnerships/{id}', () => {
  it('G47, P-57: one partnership; filters ignored', async () => {
    const school = await oakfield()
    const { id } = await p.partnership(t.db, { school_id: school.id, lead_provider_id: ambition.id, delivery_partner_id: pennine.id, cohort: 2025, created_at: JUNE_20 })
    const res = await get(ambition.token, `/${id.toUpperCase()}?filter[cohort]=2031`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ data: json(id, school, { delivery_partner_id: pennine.id, delivery_partner_name: 'Pennine Learning Partnership' }) })
  })

  it('P-49, P-57, C-16, C-28: another provider\'s partnership, an unknown id or a malformed id is a 404', async () => {
    const school = await oakfield()
    const { id } = await p.partnership(t.db, { school_id: school.id, lead_provider_id: ambition.id, delivery_partner_id: pennine.id, cohort: 2025 })
    for (const path of [`/${id}`, '/00000000-0000-4000-8000-000000000000', '/not-a-uuid', `/{${id}}`]) {
      const res = await get(teachFirst.token, path)
      expect([res.status, res.body]).toEqual([404, NOT_FOUND])
    }
    const hash = await get(ambition.token, `/${id}?filter=x`)
    expect(hash.status).toBe(400)
  })
})

describe('PUT /api/v3/partnerships/{id}', () => {
  it('G7, G48, G11, P-54, P-55: changes the delivery partner only; same id, cohort, school and created_at; attached teachers move (R-14)', async () => {
    const school = await oakfield()
    const created = await post(ambition.token, { cohort: '2025', school_id: school.id, delivery_partner_id: northern.id })
    const id = created.body.data.id
    const ect = await registered(school.id, { partnership_id: id, started_on: '2025-09-01' })
    const res = await put(ambition.token, id, { delivery_partner_id: pennine.id })
    expect(res.status).toBe(200)
    expect(res.text).toBe(
      JSON.stringify({ data: json(id, school, { delivery_partner_id: pennine.id, delivery_partner_name: 'Pennine Learning Partnership', updated_at: '2025-07-01T08:00:00Z' }) }),
    )
    const teacher = await t.db.selectFrom('teachers').select('updated_at').where('id', '=', ect.teacher.id).executeTakeFirstOrThrow()
    expect(teacher.updated_at.toISOString()).toBe('2025-07-01T08:00:00.000Z')
    const row = await t.db.selectFrom('training_periods').select('partnership_id').where('id', '=', ect.training.id).executeTakeFirstOrThrow()
    expect(row.partnership_id).toBe(id)
  })

  it('P-54 row 4: re-sending the current delivery partner fails (upstream behaviour), as does one the school already has a partnership on', async () => {
    const school = await oakfield()
    const { id } = await p.partnership(t.db, { school_id: school.id, lead_provider_id: ambition.id, delivery_partner_id: northern.id, cohort: 2025 })
    await p.partnership(t.db, { school_id: school.id, lead_provider_id: ambition.id, delivery_partner_id: pennine.id, cohort: 2025, additional: true })
    for (const dp of [northern.id, pennine.id.toUpperCase()]) {
      const res = await put(ambition.token, id, { delivery_partner_id: dp })
      expect([res.status, res.body]).toEqual([422, { errors: [{ title: 'delivery_partner_id', detail: text.alreadyOnPairing }] }])
    }
  })

  it('P-54 rows 1–3: blank, unknown, not paired for the partnership\'s cohort — only the first failure', async () => {
    const school = await oakfield()
    const { id } = await p.partnership(t.db, { school_id: school.id, lead_provider_id: ambition.id, delivery_partner_id: northern.id, cohort: 2024 })
    const cases: [unknown, string][] = [
      [null, "Enter a '#/delivery_partner_id'."],
      ['   ', "Enter a '#/delivery_partner_id'."],
      ['nonsense', text.dpInvalid],
      ['00000000-0000-4000-8000-000000000000', text.dpInvalid],
      [pennine.id, text.notPaired],
    ]
    for (const [value, detail] of cases) {
      const res = await put(ambition.token, id, { delivery_partner_id: value })
      expect([res.status, res.body]).toEqual([422, { errors: [{ title: 'delivery_partner_id', detail }] }])
    }
  })

  it('P-55, P-12: a closed cohort does not stop a correction', async () => {
    const school = await oakfield()
    await f.pairing(t.db, ambition.id, pennine.id, 2024)
    const { id } = await p.partnership(t.db, { school_id: school.id, lead_provider_id: ambition.id, delivery_partner_id: northern.id, cohort: 2024 })
    const res = await put(ambition.token, id, { delivery_partner_id: pennine.id })
    expect(res.status).toBe(200)
    expect(res.body.data.attributes.delivery_partner_id).toBe(pennine.id)
  })

  it('P-54, C-10: 404 in scope first, then the body shape 400, then the 422', async () => {
    const school = await oakfield()
    const { id } = await p.partnership(t.db, { school_id: school.id, lead_provider_id: ambition.id, delivery_partner_id: northern.id, cohort: 2025 })
    const other = await t.request('PUT', `/api/v3/partnerships/${id}`, { token: teachFirst.token, body: { nonsense: true } })
    expect([other.status, other.body]).toEqual([404, NOT_FOUND])
    const malformed = await t.request('PUT', '/api/v3/partnerships/not-a-uuid', { token: ambition.token, body: {} })
    expect([malformed.status, malformed.body]).toEqual([404, NOT_FOUND])
    for (const b of [{}, { data: { attributes: { cohort: '2025' } } }, { data: { attributes: { delivery_partner_id: [pennine.id] } } }]) {
      const res = await t.request('PUT', `/api/v3/partnerships/${id}`, { token: ambition.token, body: b })
      expect([res.status, res.body]).toEqual([400, BAD_BODY])
    }
    const none = await t.request('PUT', `/api/v3/partnerships/${id}`, { token: ambition.token })
    expect([none.status, none.body]).toEqual([400, BAD_BODY])
  })
})
