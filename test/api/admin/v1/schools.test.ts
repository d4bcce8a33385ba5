import { describe, expect, it } from 'vitest'
import { notAnObject, eventsAbout, invalid, itNeedsTheAdminToken, itPagesLikeV3, NOT_FOUND } from '../../../support/admin.ts'
import { setupTestApp } from '../../../support/app.ts'
import { onPostgres } from '../../../support/db.ts'
import * as f from '../../../support/factories.ts'
import { partnership } from '../../../support/factories-participants.ts'

const t = await setupTestApp()

const oakfieldBody = {
  urn: '142857',
  name: 'Oakfield Primary School',
  local_authority: 'Leeds',
  establishment_type: 'Community school',
  contact_email: 'office@oakfield.sch.uk',
}

function schoolJson(id: string, fields: Record<string, unknown>) {
  return {
    id,
    urn: '142857',
    name: 'Oakfield Primary School',
    local_authority: null,
    establishment_type: null,
    establishment_status: 'open',
    eligible: true,
    contact_email: null,
    pupil_premium_uplift: false,
    sparsity_uplift: false,
    induction_tutor_name: null,
    induction_tutor_email: null,
    created_at: '2025-05-12T08:30:00Z',
    updated_at: '2025-05-12T08:30:00Z',
    ...fields,
  }
}

async function createSchool(body: Record<string, unknown>) {
  const res = await t.admin('POST', '/schools', body, { date: '2025-05-12T08:30:00Z' })
  if (res.status !== 201) throw new Error(res.text)
  return res.body.data
}

describe('POST /api/admin/v1/schools', () => {
  itNeedsTheAdminToken(t, 'POST', '/schools', { urn: '999999', name: 'x' })

  it('P-21: the example body answers 201 with the P-20 object and its defaults', async () => {
    const res = await t.admin('POST', '/schools', oakfieldBody, { date: '2025-05-12T08:30:00Z' })
    expect(res.status).toBe(201)
    expect(res.text).toBe(JSON.stringify({ data: schoolJson(res.body.data.id, oakfieldBody) }))
    expect((await eventsAbout(t, res.body.data.id)).map((e) => [e.author, e.action])).toEqual([['operator', 'school.created']])
  })

  it('P-21: every field can be given; a numeric URN is read as text; the name is tidied', async () => {
    const body = {
      urn: 100001,
      name: '  Hill   Top Academy ',
      local_authority: null,
      establishment_type: 'Academy converter',
      establishment_status: 'proposed_to_close',
      eligible: false,
      contact_email: 'office@hilltop.sch.uk',
      pupil_premium_uplift: true,
      sparsity_uplift: true,
    }
    const res = await t.admin('POST', '/schools', body, { date: '2025-05-12T08:30:00Z' })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({ data: schoolJson(res.body.data.id, { ...body, urn: '100001', name: 'Hill Top Academy' }) })
  })

  it('P-21: a URN already taken is a 422', async () => {
    const res = await t.admin('POST', '/schools', { urn: '142857', name: 'Another', eligible: 'no' })
    expect(res.status).toBe(422)
    expect(res.body).toEqual(invalid(['urn', 'A school with this URN already exists.'], ['eligible', "The '#/eligible' must be true or false."]))
  })

  it('C-77: the worked example of the message vocabulary', async () => {
    const res = await t.admin('POST', '/schools', { urn: '14285', eligible: 'yes', colour: 'blue' })
    expect(res.status).toBe(422)
    expect(res.text).toBe(
      '{"errors":[{"title":"urn","detail":"The \'#/urn\' must be a 6-digit URN."},{"title":"name","detail":"Enter a \'#/name\'."},{"title":"eligible","detail":"The \'#/eligible\' must be true or false."},{"title":"colour","detail":"The \'#/colour\' is not a recognised field."}]}',
    )
  })

  it('C-76, C-77: every field at once, in table order', async () => {
    const res = await t.admin('POST', '/schools', {
      sparsity_uplift: 'x',
      pupil_premium_uplift: 0,
      contact_email: 'not-an-email',
      eligible: null,
      establishment_status: 'shut',
      establishment_type: 5,
      local_authority: 'l'.repeat(256),
      name: 'n'.repeat(256),
      urn: 'abcdef',
    })
    expect(res.body).toEqual(
      invalid(
        ['urn', "The '#/urn' must be a 6-digit URN."],
        ['name', "The '#/name' must be 255 characters or fewer."],
        ['local_authority', "The '#/local_authority' must be 255 characters or fewer."],
        ['establishment_type', "The '#/establishment_type' must be a string."],
        ['establishment_status', "The '#/establishment_status' must be one of: open, closed, proposed_to_close, proposed_to_open."],
        ['eligible', "The '#/eligible' must be true or false."],
        ['contact_email', "The '#/contact_email' must be an email address."],
        ['pupil_premium_uplift', "The '#/pupil_premium_uplift' must be true or false."],
        ['sparsity_uplift', "The '#/sparsity_uplift' must be true or false."],
      ),
    )
    const missing = await t.admin('POST', '/schools', {})
    expect(missing.body).toEqual(invalid(['urn', "Enter a '#/urn'."], ['name', "Enter a '#/name'."]))
  })

  it('C-73: a body that is not an object is the 400', async () => {
    const res = await t.admin('POST', '/schools', [oakfieldBody])
    expect(res.status).toBe(400)
    expect(res.body).toEqual(notAnObject('an array'))
  })

  it.runIf(onPostgres)('Q-10: concurrent creations of one URN give one 201 and 422s', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => t.admin('POST', '/schools', { urn: '777777', name: `Race ${i}` })))
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422, 422])
    for (const a of answers.filter((x) => x.status === 422)) expect(a.body).toEqual(invalid(['urn', 'A school with this URN already exists.']))
  })
})

describe('GET /api/admin/v1/schools', () => {
  itNeedsTheAdminToken(t, 'GET', '/schools')
  itPagesLikeV3(t, '/schools')

  it('P-21: ordered by URN, paged', async () => {
    await createSchool({ urn: '000123', name: 'Zero School' })
    const res = await t.admin('GET', '/schools')
    expect(res.status).toBe(200)
    const urns = res.body.data.map((s: { urn: string }) => s.urn)
    expect(urns.slice(0, 3)).toEqual(['000123', '100001', '142857'])
    expect(urns).toEqual([...urns].sort())
    const page = await t.admin('GET', '/schools?page[per_page]=1&page[page]=3')
    expect(page.body.data.map((s: { urn: string }) => s.urn)).toEqual(['142857'])
  })

  it('P-21: filter[urn] keeps the one school with that URN; blank filters nothing', async () => {
    const one = await t.admin('GET', '/schools?filter[urn]=142857')
    expect(one.status).toBe(200)
    expect(one.body).toEqual({ data: [schoolJson(one.body.data[0].id, oakfieldBody)] })
    expect((await t.admin('GET', '/schools?filter[urn]=999998')).text).toBe('{"data":[]}')
    expect((await t.admin('GET', '/schools?filter[urn][x]=1')).text).toBe('{"data":[]}')
    const blank = await t.admin('GET', '/schools?filter[urn]=')
    expect(blank.body.data.length).toBeGreaterThanOrEqual(3)
  })
})

describe('PATCH /api/admin/v1/schools/{urn}', () => {
  itNeedsTheAdminToken(t, 'PATCH', '/schools/142857', { eligible: false })

  it('P-22: changes the fields given and keeps the others; eligible moves the stamp (P-37)', async () => {
    const res = await t.admin('PATCH', '/schools/142857', { eligible: false }, { date: '2025-06-02T11:20:00Z' })
    expect(res.status).toBe(200)
    expect(res.text).toBe(JSON.stringify({ data: schoolJson(res.body.data.id, { ...oakfieldBody, eligible: false, updated_at: '2025-06-02T11:20:00Z' }) }))
    expect((await eventsAbout(t, res.body.data.id)).map((e) => e.action)).toEqual(['school.created', 'school.updated'])
  })

  it('P-22: null clears a nullable field; name and contact_email move the stamp, descriptive fields do not (P-37)', async () => {
    const cleared = await t.admin('PATCH', '/schools/142857', { local_authority: null, establishment_type: '' }, { date: '2025-06-03T09:00:00Z' })
    expect(cleared.status).toBe(200)
    expect([cleared.body.data.local_authority, cleared.body.data.establishment_type, cleared.body.data.updated_at]).toEqual([null, null, '2025-06-02T11:20:00Z'])
    const email = await t.admin('PATCH', '/schools/142857', { contact_email: null }, { date: '2025-06-04T09:00:00Z' })
    expect([email.body.data.contact_email, email.body.data.updated_at]).toEqual([null, '2025-06-04T09:00:00Z'])
    const renamed = await t.admin('PATCH', '/schools/142857', { name: ' Oakfield  Primary ' }, { date: '2025-06-05T09:00:00Z' })
    expect([renamed.body.data.name, renamed.body.data.updated_at]).toEqual(['Oakfield Primary', '2025-06-05T09:00:00Z'])
    const same = await t.admin('PATCH', '/schools/142857', { name: 'Oakfield Primary', eligible: false }, { date: '2025-06-06T09:00:00Z' })
    expect(same.body.data.updated_at).toBe('2025-06-05T09:00:00Z')
  })

  it('P-22: an equal URN is ignored; a different one cannot be changed; required fields cannot be cleared', async () => {
    const same = await t.admin('PATCH', '/schools/142857', { urn: 142857, sparsity_uplift: true })
    expect(same.status).toBe(200)
    expect(same.body.data.sparsity_uplift).toBe(true)
    const other = await t.admin('PATCH', '/schools/142857', { urn: '142858', name: null, eligible: null, establishment_status: null, hat: 1 })
    expect(other.status).toBe(422)
    expect(other.body).toEqual(
      invalid(
        ['urn', "The '#/urn' cannot be changed."],
        ['name', "Enter a '#/name'."],
        ['establishment_status', "The '#/establishment_status' must be one of: open, closed, proposed_to_close, proposed_to_open."],
        ['eligible', "The '#/eligible' must be true or false."],
        ['hat', "The '#/hat' is not a recognised field."],
      ),
    )
  })

  it('P-36: a new contact email moves the stamps of the school\'s partnerships while it has no tutor email', async () => {
    const school = await createSchool({ urn: '250001', name: 'Brook School' })
    const tutored = await f.school(t.db, { urn: '250002' })
    await t.db.updateTable('schools').set({ induction_tutor_email: 'tutor@brook.sch.uk' }).where('id', '=', tutored.id).execute()
    const lp = await f.leadProvider(t.db)
    const dp = await f.deliveryPartner(t.db)
    await f.pairing(t.db, lp.id, dp.id, 2025)
    const mine = await partnership(t.db, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: dp.id, cohort: 2025 })
    const theirs = await partnership(t.db, { school_id: tutored.id, lead_provider_id: lp.id, delivery_partner_id: dp.id, cohort: 2025 })
    await t.admin('PATCH', '/schools/250001', { contact_email: 'office@brook.sch.uk' }, { date: '2025-09-10T10:00:00Z' })
    await t.admin('PATCH', '/schools/250002', { contact_email: 'office@other.sch.uk' }, { date: '2025-09-10T10:00:00Z' })
    const stamps = await t.db.selectFrom('partnerships').select(['id', 'updated_at']).where('id', 'in', [mine.id, theirs.id]).execute()
    const byId = Object.fromEntries(stamps.map((r) => [r.id, r.updated_at.toISOString()]))
    expect(byId).toEqual({ [mine.id]: '2025-09-10T10:00:00.000Z', [theirs.id]: '2025-06-01T09:00:00.000Z' })
  })

  it('C-78: an unknown URN is a 404 before the body is looked at', async () => {
    for (const path of ['/schools/999990', '/schools/14285', '/schools/abcdef']) {
      for (const body of [[1], { urn: 'x' }]) {
        const res = await t.admin('PATCH', path, body)
        expect(res.status).toBe(404)
        expect(res.body).toEqual(NOT_FOUND)
      }
    }
    const known = await t.admin('PATCH', '/schools/142857', 'x')
    expect(known.status).toBe(400)
    expect(known.body).toEqual(notAnObject('a string'))
  })
})
