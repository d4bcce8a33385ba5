import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'
import { countingApp } from '../../support/count-statements.ts'

const t = await setupTestApp()
const ambition = await f.leadProvider(t.db, { name: 'Ambition Institute' })
const teachFirst = await f.leadProvider(t.db, { name: 'Teach First' })
const northern = await f.deliveryPartner(t.db, { name: 'Northern Lights Teaching Alliance' })
const pennine = await f.deliveryPartner(t.db, { name: 'Pennine Learning Partnership' })
await f.cohort(t.db, 2024)
await f.cohort(t.db, 2025)
await f.cohort(t.db, 2026)
for (const year of [2024, 2025, 2026]) {
  await f.pairing(t.db, ambition.id, northern.id, year)
  await f.pairing(t.db, teachFirst.id, pennine.id, year)
}

const CREATED = '2025-05-02T10:00:00Z'
const NOT_FOUND = { errors: [{ title: 'Resource not found', detail: 'Nothing could be found for the provided details' }] }
const COHORT_REQUIRED = { errors: [{ title: 'Bad parameter', detail: "The filter '#/cohort' must be included in your request" }] }

async function school(fields: Partial<{ eligible: boolean; contact_email: string | null; tutor: boolean; name: string }> = {}) {
  const s = await f.school(t.db, { name: fields.name ?? 'Oakfield Primary School', ...fields })
  if (fields.tutor ?? true) {
    await t.db.updateTable('schools').set({ induction_tutor_name: 'Priya Shah', induction_tutor_email: 'priya.shah@oakfield.sch.uk' }).where('id', '=', s.id).execute()
  }
  return s
}

async function registered(
  schoolId: string,
  fields: { cohort?: number; lead_provider_id?: string; partnership_id?: string | null; role?: 'ect' | 'mentor'; started_on?: string; finished_on?: string | null; school_led?: boolean },
) {
  const teacher = await p.teacher(t.db)
  const period = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: schoolId, role: fields.role ?? 'ect', started_on: fields.started_on ?? '2025-09-01', finished_on: fields.finished_on ?? null })
  return p.trainingPeriod(t.db, period, {
    cohort: fields.cohort ?? 2025,
    lead_provider_id: fields.school_led ? null : (fields.lead_provider_id ?? ambition.id),
    partnership_id: fields.partnership_id ?? null,
    school_led: fields.school_led ?? false,
    started_on: fields.started_on ?? '2025-09-01',
    finished_on: fields.finished_on ?? null,
  })
}

const show = (token: string, id: string, cohort = '2025', date = '2025-06-16T14:00:00Z') =>
  t.request('GET', `/api/v3/schools/${id}?filter[cohort]=${cohort}`, { token, date })
const attrs = async (token: string, id: string, cohort = '2025', date?: string) => (await show(token, id, cohort, date)).body.data?.attributes
const list = (token: string, query: string, date = '2025-06-16T14:00:00Z') => t.request('GET', `/api/v3/schools${query}`, { token, date })
const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((d) => d.id)

function json(s: { id: string; urn: string }, fields: Partial<{ cohort: string; in_partnership: boolean; induction_programme_choice: string; expression_of_interest: boolean; tutor: boolean; updated_at: string; name: string }> = {}) {
  const eoi = fields.expression_of_interest ?? false
  const tutor = fields.tutor ?? eoi
  return {
    id: s.id,
    type: 'school',
    attributes: {
      name: fields.name ?? 'Oakfield Primary School',
      urn: s.urn,
      cohort: fields.cohort ?? '2025',
      in_partnership: fields.in_partnership ?? false,
      induction_programme_choice: fields.induction_programme_choice ?? 'not_yet_known',
      expression_of_interest: eoi,
      induction_tutor_name: tutor ? 'Priya Shah' : null,
      induction_tutor_email: tutor ? 'priya.shah@oakfield.sch.uk' : null,
      created_at: CREATED,
      updated_at: fields.updated_at ?? CREATED,
    },
  }
}

describe('GET /api/v3/schools', () => {
  it('G5, G23, P-45, P-48: the spec example — EOI true for the chosen lead provider with the tutor; false and no tutor for another', async () => {
    const s = await school()
    await registered(s.id, { started_on: '2025-09-01' })
    await t.db.insertInto('school_cohort_stamps').values({ school_id: s.id, cohort_year: 2025, updated_at: new Date('2025-06-16T13:05:41Z') }).execute()
    const res = await list(ambition.token, `?filter[cohort]=2025&filter[urn]=${s.urn}`)
    expect(res.status).toBe(200)
    expect(res.text).toBe(
      JSON.stringify({ data: [json(s, { induction_programme_choice: 'provider_led', expression_of_interest: true, updated_at: '2025-06-16T13:05:41Z' })] }),
    )
    const other = await show(teachFirst.token, s.id)
    expect(other.body).toEqual({ data: json(s, { induction_programme_choice: 'provider_led', expression_of_interest: false, updated_at: '2025-06-16T13:05:41Z' }) })
  })

  it('P-44, C-10, C-26: filter[cohort] is required; a non-hash filter is only "Filter must be a hash"', async () => {
    for (const query of ['', '?filter[urn]=142857', '?page[per_page]=0', '?filter[updated_since]=bad']) {
      const res = await list(ambition.token, query)
      expect([res.status, res.body]).toEqual([400, COHORT_REQUIRED])
    }
    for (const query of ['?filter=2025', '?filter[]=2025']) {
      const res = await list(ambition.token, query)
      expect([res.status, res.body]).toEqual([400, { errors: [{ title: 'Bad parameter', detail: 'Filter must be a hash' }] }])
    }
    const since = await list(ambition.token, '?filter[cohort]=2025&filter[updated_since]=yesterday&page[per_page]=0')
    expect(since.body).toEqual({ errors: [{ title: 'Bad request', detail: "The filter '#/updated_since' must be a valid ISO 8601 date-time, such as 2025-11-03T08:00:00Z" }] })
    const page = await list(ambition.token, '?filter[cohort]=2025&page[per_page]=0')
    expect(page.body).toEqual({ errors: [{ title: 'Bad request', detail: "The '#/page[page]' and '#/page[per_page]' parameter values must be a valid positive number" }] })
  })

  it('P-44 (decided): a comma list counts by its first item; a non-digit, blank or unknown cohort gives an empty list', async () => {
    const s = await school()
    expect(ids(await list(ambition.token, `?filter[cohort]=2025,2031&filter[urn]=${s.urn}`))).toEqual([s.id])
    for (const cohort of ['2031,2025', '20A5', '', ' 2025', '2031', '99999999999999']) {
      const res = await list(ambition.token, `?filter[cohort]=${cohort}`)
      expect([res.status, res.body]).toEqual([200, { data: [] }])
    }
    expect((await list(ambition.token, '?filter[cohort][x]=2025')).body).toEqual({ data: [] })
  })

  it('G30, G31, G32, P-43, P-23: eligible schools, plus ineligible ones partnered in that cohort; latest eligibility counts', async () => {
    const eligible = await school()
    const ineligible = await school({ eligible: false })
    const partnered = await school({ eligible: false })
    await p.partnership(t.db, { school_id: partnered.id, lead_provider_id: teachFirst.id, delivery_partner_id: pennine.id, cohort: 2025 })
    const q = (urn: string, cohort: string) => list(ambition.token, `?filter[cohort]=${cohort}&filter[urn]=${urn}`).then(ids)
    expect(await q(eligible.urn, '2025')).toEqual([eligible.id])
    expect(await q(ineligible.urn, '2025')).toEqual([])
    expect(await q(partnered.urn, '2025')).toEqual([partnered.id])
    // G32: partnered in 2025, ineligible now → not shown in 2026.
    expect(await q(partnered.urn, '2026')).toEqual([])
    expect((await show(ambition.token, partnered.id, '2026')).status).toBe(404)
  })

  it('G46, G41, G8, P-25: in_partnership is true for every caller when any lead provider has any partnership in the cohort', async () => {
    const s = await school()
    expect((await attrs(ambition.token, s.id)).in_partnership).toBe(false)
    await p.partnership(t.db, { school_id: s.id, lead_provider_id: teachFirst.id, delivery_partner_id: pennine.id, cohort: 2025 })
    expect((await attrs(ambition.token, s.id)).in_partnership).toBe(true)
    expect((await attrs(teachFirst.token, s.id)).in_partnership).toBe(true)
    expect((await attrs(ambition.token, s.id, '2026')).in_partnership).toBe(false)
  })

  it('G3, G8, G28, P-26: programme choice from the cohort\'s own training — provider-led wins, mentors are provider-led, else school-led, else not yet known', async () => {
    const s = await school()
    expect((await attrs(ambition.token, s.id)).induction_programme_choice).toBe('not_yet_known')
    await registered(s.id, { school_led: true, started_on: '2024-09-01', finished_on: '2025-01-01' })
    expect((await attrs(ambition.token, s.id)).induction_programme_choice).toBe('school_led')
    // Another cohort's provider-led training does not count (decided).
    await registered(s.id, { cohort: 2026, started_on: '2026-09-01' })
    expect((await attrs(ambition.token, s.id)).induction_programme_choice).toBe('school_led')
    await registered(s.id, { role: 'mentor', lead_provider_id: teachFirst.id, started_on: '2027-09-01' })
    expect((await attrs(ambition.token, s.id)).induction_programme_choice).toBe('provider_led')
    expect((await attrs(teachFirst.token, s.id)).induction_programme_choice).toBe('provider_led')
  })

  it('G4, G24, G25 rows 1 and 3, P-27 rule 1, P-28, P-29: EOI for each lead provider chosen; false from the day the last EOI period finishes', async () => {
    const s = await school()
    expect((await attrs(ambition.token, s.id)).expression_of_interest).toBe(false)
    await registered(s.id, { started_on: '2025-06-01', finished_on: '2025-12-01' })
    await registered(s.id, { role: 'mentor', lead_provider_id: teachFirst.id, started_on: '2026-01-05' })
    expect((await attrs(ambition.token, s.id)).expression_of_interest).toBe(true)
    expect((await attrs(teachFirst.token, s.id)).expression_of_interest).toBe(true)
    const later = await attrs(ambition.token, s.id, '2025', '2025-12-01T10:00:00Z')
    expect(later).toMatchObject({ expression_of_interest: false, induction_tutor_name: null, induction_tutor_email: null, updated_at: '2025-12-01T00:00:00Z' })
    expect((await attrs(ambition.token, s.id, '2025', '2025-11-30T10:00:00Z')).updated_at).toBe(CREATED)
  })

  it('G26, G27, P-27 rule 2, P-29: once a partnership has had training, EOI stays true after the participants leave', async () => {
    const s = await school()
    const { id } = await p.partnership(t.db, { school_id: s.id, lead_provider_id: ambition.id, delivery_partner_id: northern.id, cohort: 2025, first_attached_at: '2025-06-20T09:00:00Z' })
    await registered(s.id, { partnership_id: id, started_on: '2025-09-01', finished_on: '2026-01-12' })
    expect(await attrs(ambition.token, s.id, '2025', '2026-02-01')).toMatchObject({ expression_of_interest: true, in_partnership: true, induction_tutor_name: 'Priya Shah' })
    expect((await attrs(teachFirst.token, s.id, '2025', '2026-02-01')).expression_of_interest).toBe(false)
  })

  it('G25 row 2, P-29 row 1: partnered before anyone was registered — EOI false; other cohorts never count', async () => {
    const s = await school()
    await p.partnership(t.db, { school_id: s.id, lead_provider_id: ambition.id, delivery_partner_id: northern.id, cohort: 2025 })
    await registered(s.id, { cohort: 2024, started_on: '2024-09-01' })
    expect(await attrs(ambition.token, s.id)).toMatchObject({ expression_of_interest: false, in_partnership: true, induction_tutor_name: null })
  })

  it('G15, G16, G17, P-31: the tutor email falls back to the school contact email; both null without a tutor or EOI', async () => {
    const s = await school({ tutor: false, contact_email: 'office@oakfield.sch.uk' })
    await registered(s.id, { started_on: '2025-09-01' })
    expect(await attrs(ambition.token, s.id)).toMatchObject({ induction_tutor_name: null, induction_tutor_email: 'office@oakfield.sch.uk' })
    expect(await attrs(teachFirst.token, s.id)).toMatchObject({ induction_tutor_name: null, induction_tutor_email: null })
  })

  it('P-37, C-59, C-62: updated_at is the later of the school stamp, the cohort stamp and the calendar stamp, one value for all callers', async () => {
    const s = await school()
    await t.db.insertInto('school_cohort_stamps').values({ school_id: s.id, cohort_year: 2026, updated_at: new Date('2025-07-01T10:00:00Z') }).execute()
    expect((await attrs(ambition.token, s.id, '2026')).updated_at).toBe('2025-07-01T10:00:00Z')
    expect((await attrs(teachFirst.token, s.id, '2026')).updated_at).toBe('2025-07-01T10:00:00Z')
    expect((await attrs(ambition.token, s.id, '2025')).updated_at).toBe(CREATED)
    await t.db.updateTable('schools').set({ updated_at: new Date('2025-08-01T10:00:00Z') }).where('id', '=', s.id).execute()
    expect((await attrs(ambition.token, s.id, '2026')).updated_at).toBe('2025-08-01T10:00:00Z')
    expect((await attrs(ambition.token, s.id, '2025')).updated_at).toBe('2025-08-01T10:00:00Z')
  })

  it('P-46, C-38: filter[urn] is one URN, a comma list counts by its first item, anything else matches nothing (decided); blank filters nothing', async () => {
    const s = await school()
    expect(ids(await list(ambition.token, `?filter[cohort]=2025&filter[urn]=${s.urn},000000`))).toEqual([s.id])
    expect(ids(await list(ambition.token, `?filter[cohort]=2025&filter[urn]=${s.urn}abc`))).toEqual([])
    expect(ids(await list(ambition.token, `?filter[cohort]=2025&filter[urn]=0${s.urn}`))).toEqual([])
    expect(ids(await list(ambition.token, '?filter[cohort]=2025&filter[urn]=')).length).toBeGreaterThan(1)
  })

  it('P-46, C-44, C-47, C-48: updated_since on the shown value; sort by urn, -urn, updated_at; paged', async () => {
    const cohortYear = 2024
    const a = await school({ name: 'Alpha' })
    const b = await school({ name: 'Beta' })
    await t.db.insertInto('school_cohort_stamps').values({ school_id: a.id, cohort_year: cohortYear, updated_at: new Date('2025-09-01T10:00:00Z') }).execute()
    await registered(b.id, { cohort: cohortYear, started_on: '2024-09-01', finished_on: '2025-09-02' })
    const q = (query: string, date = '2025-09-05T10:00:00Z') => list(ambition.token, `?filter[cohort]=2024${query}`, date).then(ids)
    expect(await q('&filter[updated_since]=2025-09-01T10:00:00Z&sort=updated_at')).toEqual([a.id, b.id])
    expect(await q('&filter[updated_since]=2025-09-01T10:00:00Z&sort=-updated_at')).toEqual([b.id, a.id])
    expect(await q('&filter[updated_since]=2025-09-01T10:00:00Z', '2025-09-01T12:00:00Z')).toEqual([a.id])
    const byUrn = [a, b].sort((x, y) => (x.urn < y.urn ? -1 : 1)).map((x) => x.id)
    expect(await q(`&filter[updated_since]=2025-09-01T10:00:00Z&sort=urn`)).toEqual(byUrn)
    expect(await q(`&filter[updated_since]=2025-09-01T10:00:00Z&sort=-urn`)).toEqual([...byUrn].reverse())
    expect(await q(`&filter[updated_since]=2025-09-01T10:00:00Z&sort=urn&page[per_page]=1&page[page]=2`)).toEqual([byUrn[1]])
    expect(await q(`&filter[updated_since]=2025-09-01T10:00:00Z&sort=urn&page[per_page]=1&page[page]=3`)).toEqual([])
  })

  it('C-31, C-42, C-45: odd query strings and params on both school endpoints and the partnership ones are never a 500', async () => {
    const s = await school()
    const queries = [
      'filter[cohort][]=2025&filter[cohort][]=2026', 'filter[cohort][x]=1', 'filter[cohort]=%E0%A4%A', 'filter[urn][]=1', 'filter[urn][a]=1',
      'filter[cohort]=2025&sort[]=urn', 'filter[cohort]=2025&sort[x]=1', 'filter[cohort]=2025&page[page][x]=1', 'filter[cohort]=2025&filter[updated_since][]=x',
      'filter[cohort]=2025&page[per_page]=99999999999999999999', 'filter[cohort]=2025&page[page]=99999999999999999999', 'filter[cohort]=-1', 'filter[cohort]=2147483648',
      'filter[delivery_partner_id][x]=1', 'filter[cohort]=%00', 'filter[cohort]=2025&filter[urn]=%27%3B--',
    ]
    for (const q of queries) {
      for (const path of ['/api/v3/schools', `/api/v3/schools/${s.id}`, '/api/v3/partnerships', '/api/v3/partnerships/00000000-0000-4000-8000-000000000000']) {
        const res = await t.request('GET', `${path}?${q}`, { token: ambition.token })
        expect([400, 200, 404], `${path}?${q} → ${res.status}`).toContain(res.status)
      }
    }
  })

  it('C-8: no token is the 401', async () => {
    expect((await t.request('GET', '/api/v3/schools?filter[cohort]=2025')).status).toBe(401)
  })

  it('SPEC (one or two queries per page): the list costs the same number of SQL statements for per_page 1 and per_page 50', async () => {
    for (let i = 0; i < 50; i++) {
      const s = await f.school(t.db)
      await registered(s.id, { started_on: '2025-09-01' })
      await p.partnership(t.db, { school_id: s.id, lead_provider_id: teachFirst.id, delivery_partner_id: pennine.id, cohort: 2025 })
    }
    const counting = await countingApp(t.db, { authorization: `Bearer ${ambition.token}`, 'x-with-server-date': '2025-07-02T10:00:00Z' })
    // The first request builds the documents (Q-4: a fixed number of statements for all of them);
    // the pages after it read them.
    const building = await counting.statementsFor('/api/v3/schools?filter[cohort]=2025&page[per_page]=1')
    expect(building.pageStatements).toBe(8) // read, stale?, consume the log (0016), consume again, pick, derive, store, read
    // Not the page that built: a page asked for a second time is kept as a copy (page-copies.ts).
    const one = await counting.statementsFor('/api/v3/schools?filter[cohort]=2025&page[per_page]=1&sort=created_at')
    const fifty = await counting.statementsFor('/api/v3/schools?filter[cohort]=2025&page[per_page]=50')
    expect([one.rows, fifty.rows]).toEqual([1, 50])
    expect([one.pageStatements, fifty.pageStatements]).toEqual([1, 1])
    expect(fifty.statements).toBeLessThanOrEqual(3)
    await counting.close()
  })
})

describe('GET /api/v3/schools/{id}', () => {
  it('G33, G29, P-47: one school in one cohort; other filters ignored', async () => {
    const s = await school()
    const res = await t.request('GET', `/api/v3/schools/${s.id.toUpperCase()}?filter[cohort]=2025&filter[urn]=000000&filter[updated_since]=nonsense`, { token: ambition.token })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ data: json(s) })
  })

  it('P-44, P-47, C-16: the cohort is required (400); unknown, malformed or out-of-set ids and unknown cohorts are 404', async () => {
    const s = await school()
    const hidden = await school({ eligible: false })
    const missing = await t.request('GET', `/api/v3/schools/${s.id}`, { token: ambition.token })
    expect([missing.status, missing.body]).toEqual([400, COHORT_REQUIRED])
    const malformedWithout = await t.request('GET', '/api/v3/schools/nonsense', { token: ambition.token })
    expect([malformedWithout.status, malformedWithout.body]).toEqual([400, COHORT_REQUIRED])
    for (const [id, cohort] of [
      ['00000000-0000-4000-8000-000000000000', '2025'],
      ['nonsense', '2025'],
      [hidden.id, '2025'],
      [s.id, '2031'],
      [s.id, 'abc'],
      [s.id, ''],
    ] as const) {
      const res = await show(ambition.token, id, cohort)
      expect([res.status, res.body]).toEqual([404, NOT_FOUND])
    }
  })
})
