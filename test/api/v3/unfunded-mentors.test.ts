import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import { countingApp } from '../../support/count-statements.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'
import { errors, NOT_FOUND, partnershipOf, placed, provider, type Provider, type Scene } from './participant-actions/scene.ts'

const t = await setupTestApp()
const TODAY = '2025-12-01T10:00:00Z'
const get = (lp: Provider, path: string, date = TODAY) => t.request('GET', `/api/v3${path}`, { token: lp.token, date })

/** A mentor at the ECT's school from `started_on`, mentoring the ECT's period; no training of their own. */
async function mentorOf(ect: Scene, fields: { started_on?: string; finished_on?: string | null; mentorship_from?: string; created_at?: string; teacherId?: string; school?: { id: string } } = {}) {
  const teacherId = fields.teacherId ?? (await p.teacher(t.db, { first_name: 'Priya', created_at: fields.created_at ?? '2025-08-01T10:00:05Z' })).id
  const school = fields.school ?? ect.school
  const period = await p.atSchoolPeriod(t.db, {
    teacher_id: teacherId, school_id: school.id, role: 'mentor', started_on: fields.started_on ?? '2025-09-01', finished_on: fields.finished_on ?? null,
  })
  const mentorship = await p.mentorship(t.db, { ect_period: ect.period, mentor_period: period, started_on: fields.mentorship_from ?? fields.started_on ?? '2025-09-01', finished_on: fields.finished_on ?? null })
  const teacher = await t.db.selectFrom('teachers').selectAll().where('id', '=', teacherId).executeTakeFirstOrThrow()
  return { teacherId, period, mentorship, email: `${period.id.slice(0, 8)}@example.sch.uk`, teacher }
}

function resource(m: Awaited<ReturnType<typeof mentorOf>>, updatedAt: string, email = m.email) {
  return {
    id: m.teacherId,
    type: 'unfunded-mentor',
    attributes: {
      full_name: `${m.teacher.first_name} ${m.teacher.last_name}`,
      email,
      teacher_reference_number: m.teacher.trn,
      created_at: m.teacher.created_at.toISOString().replace('.000Z', 'Z'),
      updated_at: updatedAt,
    },
  }
}

describe('GET /api/v3/unfunded-mentors/{id}', () => {
  it("D-70, D-72: the mentor of one of the caller's ECTs with no training of their own, attributes in order", async () => {
    const lp = await provider(t)
    const ect = await placed(t, lp)
    const m = await mentorOf(ect)
    const res = await get(lp, `/unfunded-mentors/${m.teacherId}`)
    expect(res.status).toBe(200)
    // D-73: the calendar stamp of the mentorship's start (00:00 London, BST) beats the factory stamps.
    expect(res.text).toBe(JSON.stringify({ data: resource(m, '2025-08-31T23:00:00Z') }))
  })

  it('D-70: a mentor the caller trains, in either role and whatever the dates, is never unfunded', async () => {
    const lp = await provider(t)
    const ect = await placed(t, lp)
    const m = await mentorOf(ect)
    await p.trainingPeriod(t.db, m.period, { cohort: 2025, lead_provider_id: lp.id, partnership_id: await partnershipOf(t, lp, ect.school.id, 2025), started_on: '2025-09-01', finished_on: '2025-10-01' })
    expect((await get(lp, `/unfunded-mentors/${m.teacherId}`)).body).toEqual(NOT_FOUND)
    const ect2 = await placed(t, lp)
    const asEct = await placed(t, lp, { period: { started_on: '2024-09-01', finished_on: '2025-07-01' }, cohort: 2024 })
    await mentorOf(ect2, { teacherId: asEct.teacherId })
    expect((await get(lp, `/unfunded-mentors/${asEct.teacherId}`)).body).toEqual(NOT_FOUND)
  })

  it("D-70: a mentor trained by another lead provider is unfunded for the caller; the other provider's ECTs' mentors are not the caller's", async () => {
    const lp = await provider(t)
    const other = await provider(t)
    const ect = await placed(t, lp)
    const m = await mentorOf(ect)
    await p.trainingPeriod(t.db, m.period, { cohort: 2025, lead_provider_id: other.id, partnership_id: await partnershipOf(t, other, ect.school.id, 2025), started_on: '2025-09-01' })
    expect((await get(lp, `/unfunded-mentors/${m.teacherId}`)).status).toBe(200)
    expect((await get(other, `/unfunded-mentors/${m.teacherId}`)).body).toEqual(NOT_FOUND)
  })

  it("D-70, R-34: only a mentorship in force today or starting later makes the mentor_id", async () => {
    const lp = await provider(t)
    const ect = await placed(t, lp)
    const ended = await mentorOf(ect, { started_on: '2025-09-01', finished_on: '2025-11-01' })
    expect((await get(lp, `/unfunded-mentors/${ended.teacherId}`)).body).toEqual(NOT_FOUND)
    const future = await mentorOf(ect, { started_on: '2025-09-01', mentorship_from: '2026-01-05' })
    expect((await get(lp, `/unfunded-mentors/${future.teacherId}`)).status).toBe(200)
  })

  it("C-28: unknown, malformed, and a teacher who is nobody's mentor are the 404", async () => {
    const lp = await provider(t)
    const ect = await placed(t, lp)
    for (const id of ['00000000-0000-4000-8000-000000000000', 'abc', ect.teacherId]) {
      expect([id, (await get(lp, `/unfunded-mentors/${id}`)).body]).toEqual([id, NOT_FOUND])
    }
  })

  it('D-72: the email is that of the linked mentor period with the latest started_on', async () => {
    const lp = await provider(t)
    const first = await placed(t, lp)
    const secondSchool = await f.school(t.db)
    const second = await placed(t, lp, { school: secondSchool })
    const m = await mentorOf(first, { started_on: '2025-09-01', finished_on: '2026-01-01' })
    const later = await mentorOf(second, { teacherId: m.teacherId, school: secondSchool, started_on: '2026-01-01' })
    const res = await get(lp, `/unfunded-mentors/${m.teacherId}`)
    expect(res.body.data.attributes.email).toBe(later.email)
  })
})

const lp = await provider(t)
const ect = await placed(t, lp)
const mentors = []
for (const created_at of ['2025-08-03T10:00:00Z', '2025-08-01T10:00:00Z', '2025-08-02T10:00:00Z']) {
  const e = await placed(t, lp, { school: ect.school })
  mentors.push(await mentorOf(e, { created_at }))
}
const [m3, m1, m2] = mentors as [Awaited<ReturnType<typeof mentorOf>>, Awaited<ReturnType<typeof mentorOf>>, Awaited<ReturnType<typeof mentorOf>>]
const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((d) => d.id)

describe('GET /api/v3/unfunded-mentors', () => {

  it('D-71, C-50: the caller\'s unfunded mentors, created_at ascending by default', async () => {
    const res = await get(lp, '/unfunded-mentors')
    expect(res.status).toBe(200)
    expect(ids(res)).toEqual([m1.teacherId, m2.teacherId, m3.teacherId])
    expect(res.body.data[0]).toEqual(resource(m1, '2025-08-31T23:00:00Z'))
  })

  it('D-71, C-47: sort by -created_at and by updated_at (D-73), then the id', async () => {
    expect(ids(await get(lp, '/unfunded-mentors?sort=-created_at'))).toEqual([m3.teacherId, m2.teacherId, m1.teacherId])
    await t.db.updateTable('mentorships').set({ updated_at: new Date('2025-11-20T10:00:00Z') }).where('id', '=', m1.mentorship.id).execute()
    const byUpdated = await get(lp, '/unfunded-mentors?sort=-updated_at,created_at')
    expect(ids(byUpdated)[0]).toBe(m1.teacherId)
    expect(byUpdated.body.data[0].attributes.updated_at).toBe('2025-11-20T10:00:00Z')
    expect(ids(await get(lp, '/unfunded-mentors?sort=name'))).toEqual([m1.teacherId, m2.teacherId, m3.teacherId])
  })

  it('D-71, C-44: updated_since keeps records whose shown updated_at is at or after it', async () => {
    await t.db.updateTable('mentorships').set({ updated_at: new Date('2025-11-21T10:00:00Z') }).where('id', '=', m2.mentorship.id).execute()
    expect(ids(await get(lp, '/unfunded-mentors?filter[updated_since]=2025-11-21T10:00:00Z'))).toEqual([m2.teacherId])
    const bad = await get(lp, '/unfunded-mentors?filter[updated_since]=2025-11-21')
    expect([bad.status, bad.body]).toEqual([400, errors(['Bad request', "The filter '#/updated_since' must be a valid ISO 8601 date-time, such as 2025-11-21T00:00:00Z: a date alone is not enough"])])
  })

  it('D-73: the calendar stamp moves on a mentorship start or end reaching today', async () => {
    const e = await placed(t, await provider(t))
    const m = await mentorOf(e, { started_on: '2025-09-01', mentorship_from: '2025-12-15' })
    expect((await get(e.lp, `/unfunded-mentors/${m.teacherId}`, '2025-12-10T10:00:00Z')).body.data.attributes.updated_at).toBe('2025-08-01T10:00:05Z')
    expect((await get(e.lp, `/unfunded-mentors/${m.teacherId}`, '2025-12-16T10:00:00Z')).body.data.attributes.updated_at).toBe('2025-12-15T00:00:00Z')
  })

  it('C-32 … C-35: paged; a page past the end is empty; bad page values are the 400', async () => {
    expect(ids(await get(lp, '/unfunded-mentors?page[per_page]=2&page[page]=2'))).toEqual([m3.teacherId])
    expect((await get(lp, '/unfunded-mentors?page[per_page]=2&page[page]=9')).text).toBe('{"data":[]}')
    const bad = await get(lp, '/unfunded-mentors?page[per_page]=0')
    expect(bad.status).toBe(400)
    expect((await get(lp, '/unfunded-mentors?filter=x')).body).toEqual(errors(['Bad parameter', 'Filter must be a hash']))
  })

  it("C-28: another provider sees none of them", async () => {
    const other = await provider(t)
    expect((await get(other, '/unfunded-mentors')).text).toBe('{"data":[]}')
  })

  it('D-71, SPEC: one page is a fixed number of statements, whatever its size', async () => {
    const counting = await countingApp(t.db, { authorization: `Bearer ${lp.token}`, 'x-with-server-date': TODAY })
    try {
      await counting.statementsFor('/api/v3/unfunded-mentors?page[per_page]=1')
      const one = await counting.statementsFor('/api/v3/unfunded-mentors?page[per_page]=1')
      const all = await counting.statementsFor('/api/v3/unfunded-mentors?page[per_page]=100')
      expect(one.rows).toBe(1)
      expect(all.rows).toBeGreaterThanOrEqual(3)
      expect(all.statements).toBe(one.statements)
    } finally {
      await counting.close()
    }
  })
})

describe('D-73: school actions that delete or cut a mentorship move the mentor’s stored stamp', () => {
  const AT = '2025-09-01T08:12:40Z'
  const NOW = '2025-11-03T10:05:00Z'
  let trn = 731000
  const person = (first_name: string, fields: Record<string, unknown> = {}) => ({
    trn: `0${++trn}`, first_name, last_name: 'Okafor', date_of_birth: '1990-01-01', email: `${first_name.toLowerCase()}.${trn}@d73.example.sch.uk`,
    started_on: '2025-09-01', training_programme: 'school_led', ...fields,
  })

  /** Two of the caller's ECTs at one school, both mentored by the school-led (so unfunded) mentor A; the second from 2025-12-01. */
  async function mentoredTwice() {
    await f.cohort(t.db, 2025)
    const lp = await provider(t)
    const school = await f.school(t.db)
    await p.partnership(t.db, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: lp.deliveryPartnerId, cohort: 2025 })
    const register = async (path: string, body: Record<string, unknown>) => (await t.admin('POST', `/schools/${school.urn}/${path}`, body, { date: AT })).body.data
    const ect = () => register('ects', person('Amira', { working_pattern: 'full_time', training_programme: 'provider_led', lead_provider_id: lp.id }))
    const [ect1, ect2, a, b] = [await ect(), await ect(), await register('mentors', person('Priya')), await register('mentors', person('Grace'))]
    const assign = (e: { participant_id: string }, m: { participant_id: string }, started_on: string, date = AT) =>
      t.admin('PUT', `/schools/${school.urn}/ects/${e.participant_id}/mentor`, { mentor_participant_id: m.participant_id, started_on }, { date })
    expect((await assign(ect1, a, '2025-09-01')).status).toBe(200)
    expect((await assign(ect2, a, '2025-12-01')).status).toBe(200)
    const shown = async () => (await get(lp, `/unfunded-mentors/${a.participant_id}`, NOW)).body.data.attributes.updated_at
    expect(await shown()).toBe(AT)
    return { lp, school, ect1, ect2, a, b, assign, shown }
  }

  it('D-73, R-13: a new mentor from 2025-12-01 deletes A’s future mentorship; A is still unfunded and their updated_at moves', async () => {
    const { ect2, a, b, assign, shown } = await mentoredTwice()
    expect((await assign(ect2, b, '2025-12-01', NOW)).status).toBe(200)
    expect(await shown()).toBe(NOW)
    expect((await t.db.selectFrom('teachers').select('updated_at').where('id', '=', a.participant_id).executeTakeFirstOrThrow()).updated_at).toEqual(new Date(NOW))
  })

  it('D-73, R-31: the ECT leaving deletes the mentorship not yet started and moves A’s updated_at', async () => {
    const { school, ect2, shown } = await mentoredTwice()
    const left = await t.admin('POST', `/schools/${school.urn}/ects/${ect2.participant_id}/leaving`, { leaving_on: '2025-11-30' }, { date: NOW })
    expect(left.status).toBe(200)
    expect(left.body.data.mentorships).toEqual([])
    expect(await shown()).toBe(NOW)
  })
})
