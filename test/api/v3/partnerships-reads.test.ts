// PUT, GET list and GET {id} of /api/v3/partnerships (P-54 … P-57), P-35 and P-36.
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'
import { countingApp } from '../../support/count-statements.ts'
import { partnershipsScene } from '../../support/partnerships-scene.ts'
import { badShape, SHAPE } from '../../support/bodies.ts'

const t = await setupTestApp()
const { ambition, teachFirst, northern, pennine, JUNE_20, NOT_FOUND, text, oakfield, registered, post, get, put, json } = await partnershipsScene(t)

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
    expect([bad.status, bad.body]).toEqual([400, { errors: [{ title: 'Bad request', detail: "The filter '#/updated_since' must be a valid ISO 8601 date-time, such as 2025-06-21T00:00:00Z: a date alone is not enough" }] }])
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
    // The first request builds the documents (Q-4: a fixed number of statements for all 50) and
    // records the token's use (C-6); the pages after it read them.
    const building = await counting.statementsFor('/api/v3/partnerships?page[per_page]=3000')
    // A page judged by its own documents: read, stale or empty?, consume the log (0016), the page's
    // stale keys, consume again, pick, derive, windows, store, read.
    expect(building.pageStatements).toBe(10)
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
    for (const [b, problem] of [[{}, SHAPE.noData], [{ data: { attributes: { cohort: '2025' } } }, SHAPE.noneRead], [{ data: { attributes: { delivery_partner_id: [pennine.id] } } }, SHAPE.noneRead]] as const) {
      const res = await t.request('PUT', `/api/v3/partnerships/${id}`, { token: ambition.token, body: b })
      expect([res.status, res.body]).toEqual([400, badShape(problem, ['delivery_partner_id'])])
    }
    const none = await t.request('PUT', `/api/v3/partnerships/${id}`, { token: ambition.token })
    expect([none.status, none.body]).toEqual([400, badShape(SHAPE.none, ['delivery_partner_id'])])
  })
})
