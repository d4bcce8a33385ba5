// GET /api/v3/participants: R-39 filters, sort and paging, routing, statements per page, R-41/R-42.
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import { countingApp } from '../../support/count-statements.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'
import { place, provider, setTeacher, setTrainingPeriod } from '../../support/participants-scene.ts'
import { feedRequests, ids, NOT_FOUND, PAGE_400 } from '../../support/participants-feed.ts'

const t = await setupTestApp()
const { get, show } = feedRequests(t)
const lp = await provider(t.db)
const other = await provider(t.db)

const mine = await provider(t.db)
const a = await place(t.db, mine, { cohort: 2024, period: { started_on: '2024-09-01' } })
const b = await place(t.db, mine, { cohort: 2025 })
const c = await place(t.db, mine, { cohort: 2025, role: 'mentor' })
await place(t.db, mine, { teacherId: c.teacherId, cohort: 2024, period: { started_on: '2024-09-01' } })
await setTeacher(t.db, a.teacherId, { created_at: new Date('2025-01-03T00:00:00Z'), updated_at: new Date('2025-11-01T00:00:00Z') })
await setTeacher(t.db, b.teacherId, { created_at: new Date('2025-01-01T00:00:00Z'), updated_at: new Date('2025-11-03T00:00:00Z') })
await setTeacher(t.db, c.teacherId, { created_at: new Date('2025-01-02T00:00:00Z'), updated_at: new Date('2025-11-02T00:00:00Z') })
await setTrainingPeriod(t.db, b.tpId, { withdrawn_at: new Date('2025-11-03T00:00:00Z'), withdrawal_reason: 'other', finished_on: '2025-11-03' })
await setTrainingPeriod(t.db, c.tpId, { deferred_at: new Date('2025-11-02T00:00:00Z'), deferral_reason: 'other', finished_on: '2025-11-02' })
await t.db.insertInto('participant_id_changes').values({ id: crypto.randomUUID(), teacher_id: a.teacherId, from_participant_id: '0b000000-0000-4000-8000-00000000000a', to_participant_id: a.teacherId, changed_at: new Date('2025-01-01T00:00:00Z') }).execute()
const list = async (query: string) => {
  const res = await get(mine, `/participants${query}`)
  expect(res.status).toBe(200)
  return ids(res.body)
}
const [A, B, C] = [a.teacherId, b.teacherId, c.teacherId]

describe('GET /api/v3/participants: R-39 filters, sort and paging', () => {
  it('R-39, C-50: default order is the teacher creation instant ascending', async () => {
    expect(await list('')).toEqual([B, C, A])
  })

  it('R-39: the list shows the same participant objects as show', async () => {
    const res = await get(mine, '/participants')
    expect(res.body.data[1]).toEqual((await show(mine, C)).data)
  })

  it('R-39 filter[cohort]: any enrolment in a listed cohort, comma or repeated form', async () => {
    expect(await list('?filter[cohort]=2024')).toEqual([C, A])
    expect(await list('?filter[cohort]=2025')).toEqual([B, C])
    expect(await list('?filter[cohort]=2023,2024')).toEqual([C, A])
    expect(await list('?filter[cohort][]=2024&filter[cohort][]=2025')).toEqual([B, C, A])
  })

  it('C-40, C-41, C-42: blank cohort filters nothing; malformed, unknown or object cohorts match nothing', async () => {
    expect(await list('?filter[cohort]=')).toEqual([B, C, A])
    expect(await list('?filter[cohort]=%20')).toEqual([B, C, A])
    expect(await list('?filter[cohort]=20A1')).toEqual([])
    expect(await list('?filter[cohort]=%202024')).toEqual([])
    expect(await list('?filter[cohort]=2031')).toEqual([])
    expect(await list('?filter[cohort][x]=2024')).toEqual([])
  })

  it('R-39 filter[training_status]: any enrolment with that R-36 value; blank filters nothing; other values match nothing', async () => {
    expect(await list('?filter[training_status]=withdrawn')).toEqual([B])
    expect(await list('?filter[training_status]=deferred')).toEqual([C])
    expect(await list('?filter[training_status]=active')).toEqual([C, A])
    expect(await list('?filter[training_status]=')).toEqual([B, C, A])
    expect(await list('?filter[training_status]=Active')).toEqual([])
    expect(await list('?filter[training_status][x]=active')).toEqual([])
  })

  it('R-39 filter[from_participant_id]: participants with an id change from it, any case; blank filters nothing; malformed matches nothing', async () => {
    expect(await list('?filter[from_participant_id]=0B000000-0000-4000-8000-00000000000A')).toEqual([A])
    expect(await list('?filter[from_participant_id]=0b000000-0000-4000-8000-00000000000b')).toEqual([])
    expect(await list('?filter[from_participant_id]=')).toEqual([B, C, A])
    expect(await list('?filter[from_participant_id]=nope')).toEqual([])
  })

  it('R-39 filter[updated_since]: shown updated_at at or after the instant; blank filters nothing; double-encoded works', async () => {
    expect(await list('?filter[updated_since]=2025-11-02T00:00:00Z')).toEqual([B, C])
    expect(await list('?filter[updated_since]=2025-11-02T00%253A00%253A00Z')).toEqual([B, C])
    expect(await list('?filter[updated_since]=')).toEqual([B, C, A])
    expect(await list('?filter[updated_since]=2025-11-02T01:00:00+01:00')).toEqual([B, C])
  })

  it('C-43, C-26: a malformed updated_since is the 400', async () => {
    const general = "The filter '#/updated_since' must be a valid ISO 8601 date-time, such as 2025-11-03T08:00:00Z"
    const dateAlone = "The filter '#/updated_since' must be a valid ISO 8601 date-time, such as 2025-11-02T00:00:00Z: a date alone is not enough"
    for (const [value, detail] of [['2025-11-02', dateAlone], ['yesterday', general], ['2025-02-30T00:00:00Z', general]]) {
      const res = await get(mine, `/participants?filter[updated_since]=${value}`)
      expect([res.status, res.body]).toEqual([400, { errors: [{ title: 'Bad request', detail }] }])
    }
  })

  it('C-37: a filter that is not a hash is the 400, on list and show', async () => {
    const body = { errors: [{ title: 'Bad parameter', detail: 'Filter must be a hash' }] }
    expect((await get(mine, '/participants?filter=x')).body).toEqual(body)
    expect((await get(mine, `/participants/${A}?filter=x`)).body).toEqual(body)
  })

  it('C-38, R-40: show ignores filters; unknown filters are ignored on the list', async () => {
    expect((await get(mine, `/participants/${A}?filter[cohort]=1999&filter[updated_since]=bad`)).status).toBe(200)
    expect(await list('?filter[colour]=blue')).toEqual([B, C, A])
  })

  it('R-39, C-47 … C-49: sort by created_at or updated_at, either direction; unknown keys are ignored', async () => {
    expect(await list('?sort=-created_at')).toEqual([A, C, B])
    expect(await list('?sort=updated_at')).toEqual([A, C, B])
    expect(await list('?sort=-updated_at')).toEqual([B, C, A])
    expect(await list('?sort=name,-updated_at')).toEqual([B, C, A])
    expect(await list('?sort=colour')).toEqual([B, C, A])
  })

  it('C-36: equal sort keys are ordered by id, so pages never repeat', async () => {
    const same = await provider(t.db)
    const placed = []
    for (let i = 0; i < 4; i++) placed.push((await place(t.db, same)).teacherId)
    const walk = []
    for (let page = 1; page <= 5; page++) walk.push(...ids((await get(same, `/participants?page[per_page]=1&page[page]=${page}&sort=updated_at`)).body))
    expect(walk).toEqual([...placed].sort())
  })

  it('C-32 … C-35: pages; a page past the end is empty; bad values are the 400', async () => {
    expect(await list('?page[per_page]=2')).toEqual([B, C])
    expect(await list('?page[per_page]=2&page[page]=2')).toEqual([A])
    expect(await list('?page[per_page]=2abc&page[page]=3')).toEqual([])
    expect(await list('?page[per_page]=5000')).toEqual([B, C, A])
    for (const query of ['page[per_page]=0', 'page[page]=0', 'page[page]=abc', 'page=2']) {
      const res = await get(mine, `/participants?${query}`)
      expect([res.status, res.body]).toEqual([400, PAGE_400])
    }
  })

  it('C-8: no token or an unknown token is the 401', async () => {
    for (const token of [null, 'not-a-token']) {
      for (const path of ['/api/v3/participants', `/api/v3/participants/${A}`]) {
        const res = await t.request('GET', path, { token })
        expect([res.status, res.text]).toEqual([401, '{"error":"HTTP Token: Access denied"}'])
      }
    }
  })

  it('R-32: the list holds only the caller\'s participants', async () => {
    expect((await get(other, '/participants?page[per_page]=3000')).body.data.map((x: { id: string }) => x.id)).not.toContain(A)
  })
})

describe('routing', () => {
  it('R-40, T-27: /participants/transfers is answered by the transfers list, not by show', async () => {
    const res = await get(lp, '/participants/transfers')
    expect(res.status).toBe(200)
    expect(Array.isArray(res.body.data)).toBe(true)
    expect(res.body.data.every((x: { type: string }) => x.type !== 'participant')).toBe(true)
  })
})

describe('Q: statements per page', () => {
  it('R-39, STYLE: a page takes the same number of statements whatever per_page (1 or 50)', async () => {
    const many = await provider(t.db)
    const school = await f.school(t.db)
    for (let i = 0; i < 50; i++) {
      const ect = await place(t.db, many, { school })
      await place(t.db, many, { school, teacherId: ect.teacherId, role: 'mentor' })
      const mentor = await place(t.db, many, { school, role: 'mentor' })
      await p.mentorship(t.db, { ect_period: ect.period, mentor_period: mentor.period, started_on: '2025-09-01' })
    }
    const counting = await countingApp(t.db, { authorization: `Bearer ${many.token}`, 'x-with-server-date': '2025-11-12T10:00:00Z' })
    try {
      // Records the token's use (C-6) once, and builds the page's documents; a page asked for a
      // second time is kept as a copy (page-copies.ts), so the pages measured are asked for once.
      await counting.statementsFor('/api/v3/participants?page[per_page]=2999')
      const one = await counting.statementsFor('/api/v3/participants?page[per_page]=1')
      const fifty = await counting.statementsFor('/api/v3/participants?page[per_page]=50')
      const all = await counting.statementsFor('/api/v3/participants?page[per_page]=3000')
      expect([one.rows, fifty.rows, all.rows]).toEqual([1, 50, 100])
      expect(fifty.statements).toBe(one.statements)
      expect(all.statements).toBe(one.statements)
      // The token lookup, then the page.
      expect(one.statements).toBe(2)
      expect(one.pageStatements).toBe(1)
    } finally {
      await counting.close()
    }
  })
})

describe('R-41, R-42: Amira Khan and David Okafor as Ambition Institute sees them (scenes from factories)', () => {
  const AMIRA = '8226ad1e-28f6-433d-a7a1-e93bc4f75a58'
  const DAVID = '8e8a6b14-f495-4716-9d57-43c13c1c1217'
  const NORTH_WEST = 'b87d3167-46b7-4f39-8ee5-7cc7424f5a9b'

  const amiraEnrolment = {
    training_record_id: '0e403a7b-e911-4a51-8f47-f9e4e0c0496e',
    email: 'amira.khan@riverside.example.sch.uk',
    mentor_id: DAVID,
    school_urn: '100002', participant_type: 'ect', working_pattern: 'full_time',
    cohort: '2025', training_status: 'active', participant_status: 'active',
    eligible_for_funding: true, pupil_premium_uplift: false, sparsity_uplift: false,
    schedule_identifier: 'ecf-standard-january',
    delivery_partner_id: NORTH_WEST,
    withdrawal: null, deferral: null, created_at: '2025-09-01T08:12:40Z',
    induction_end_date: null, most_recent_induction_period_end_date: null,
    overall_induction_start_date: null, mentor_funding_end_date: null,
    cohort_changed_after_payments_frozen: false, mentor_ineligible_for_funding_reason: null,
  }
  const amira = (enrolment: Record<string, unknown>, updatedAt: string) => ({
    data: {
      id: AMIRA, type: 'participant',
      attributes: { full_name: 'Amira Khan', teacher_reference_number: '3012345', ecf_enrolments: [{ ...amiraEnrolment, ...enrolment }], participant_id_changes: [], updated_at: updatedAt },
    },
  })
  const david = {
    data: {
      id: DAVID, type: 'participant',
      attributes: {
        full_name: 'David Okafor', teacher_reference_number: '2987654',
        ecf_enrolments: [{
          training_record_id: 'ccf29e12-484f-4341-b482-05f181211258',
          email: 'd.okafor@riverside.example.sch.uk', mentor_id: null,
          school_urn: '100002', participant_type: 'mentor', working_pattern: null,
          cohort: '2025', training_status: 'active', participant_status: 'active',
          eligible_for_funding: true, pupil_premium_uplift: false, sparsity_uplift: false,
          schedule_identifier: 'ecf-standard-january',
          delivery_partner_id: NORTH_WEST,
          withdrawal: null, deferral: null, created_at: '2025-11-12T09:28:03Z',
          induction_end_date: null, most_recent_induction_period_end_date: null,
          overall_induction_start_date: null, mentor_funding_end_date: null,
          cohort_changed_after_payments_frozen: false, mentor_ineligible_for_funding_reason: null,
        }],
        participant_id_changes: [],
        updated_at: '2025-11-12T09:28:03Z',
      },
    },
  }

  it('R-42: each step of the timeline, then R-41 exactly on 2025-11-12', async () => {
    const db = t.db
    const ambition = await provider(db, [])
    const dp = await f.deliveryPartner(db, { name: 'North West Learning Partnership' })
    await db.updateTable('delivery_partners').set({ id: NORTH_WEST }).where('id', '=', dp.id).execute()
    await f.pairing(db, ambition.id, NORTH_WEST, 2025)
    const riverside = await f.school(db, { urn: '100002', name: 'Riverside Academy' })
    const at = (iso: string) => new Date(iso)
    const seen = (id: string, date: string) => get(ambition, `/participants/${id}`, date)

    // 2025-09-01 08:12:40Z: registered school-led.
    const a = await p.teacher(db, { trn: '3012345', first_name: 'Amira', last_name: 'Khan', created_at: '2025-09-01T08:12:40Z' })
    await db.updateTable('teachers').set({ id: AMIRA, ect_training_record_id: '0e403a7b-e911-4a51-8f47-f9e4e0c0496e' }).where('id', '=', a.id).execute()
    const period = await p.atSchoolPeriod(db, { teacher_id: AMIRA, school_id: riverside.id, started_on: '2025-09-01', email: 'amira.khan@riverside.example.sch.uk', created_at: '2025-09-01T08:12:40Z' })
    const schoolLed = await p.trainingPeriod(db, period, { cohort: 2025, school_led: true, started_on: '2025-09-01', created_at: '2025-09-01T08:12:40Z' })
    expect((await seen(AMIRA, '2025-09-01T08:12:40Z')).body).toEqual(NOT_FOUND)

    // 2025-11-03 10:05:00Z: provider-led with Ambition, awaiting a partnership.
    await setTrainingPeriod(db, schoolLed.id, { finished_on: '2025-11-03' })
    const tp = await p.trainingPeriod(db, period, { cohort: 2025, lead_provider_id: ambition.id, started_on: '2025-11-03', schedule_identifier: 'ecf-standard-january', began_as_eoi: true, created_at: '2025-11-03T10:05:00Z' })
    await setTeacher(db, AMIRA, { updated_at: at('2025-11-03T10:05:00Z') })
    expect((await seen(AMIRA, '2025-11-03T10:05:00Z')).body).toEqual(NOT_FOUND)

    // 2025-11-10 14:20:31Z: Ambition's partnership attaches the period (P-33).
    const partnership = await p.partnership(db, { school_id: riverside.id, lead_provider_id: ambition.id, delivery_partner_id: NORTH_WEST, cohort: 2025, created_at: '2025-11-10T14:20:31Z', first_attached_at: '2025-11-10T14:20:31Z' })
    await setTrainingPeriod(db, tp.id, { partnership_id: partnership.id })
    await setTeacher(db, AMIRA, { updated_at: at('2025-11-10T14:20:31Z') })
    expect((await seen(AMIRA, '2025-11-10T14:20:31Z')).body).toEqual(amira({ mentor_id: null }, '2025-11-10T14:20:31Z'))

    // 2025-11-12 09:28:03Z / 09:30:12Z: David registered provider-led with Ambition, then her mentor.
    const d = await p.teacher(db, { trn: '2987654', first_name: 'David', last_name: 'Okafor', created_at: '2025-11-12T09:28:03Z' })
    await db
      .updateTable('teachers')
      .set({ id: DAVID, mentor_training_record_id: 'ccf29e12-484f-4341-b482-05f181211258', ect_eligible_for_funding_at: null, mentor_eligible_for_funding_at: at('2025-11-12T09:28:03Z') })
      .where('id', '=', d.id)
      .execute()
    const mentorPeriod = await p.atSchoolPeriod(db, { teacher_id: DAVID, school_id: riverside.id, role: 'mentor', started_on: '2025-11-12', email: 'd.okafor@riverside.example.sch.uk', created_at: '2025-11-12T09:28:03Z' })
    await p.trainingPeriod(db, mentorPeriod, { cohort: 2025, lead_provider_id: ambition.id, partnership_id: partnership.id, started_on: '2025-11-12', schedule_identifier: 'ecf-standard-january', created_at: '2025-11-12T09:28:03Z' })
    const mentorship = await p.mentorship(db, { ect_period: period, mentor_period: mentorPeriod, started_on: '2025-11-12' })
    await setTeacher(db, AMIRA, { updated_at: at('2025-11-12T09:30:12Z') })
    const shownAmira = await seen(AMIRA, '2025-11-12T09:31:00Z')
    expect(shownAmira.text).toBe(JSON.stringify(amira({}, '2025-11-12T09:30:12Z')))
    expect((await seen(DAVID, '2025-11-12T09:31:00Z')).text).toBe(JSON.stringify(david))

    // 2026-01-12 11:00:00Z: the school reports her leaving on 2026-02-13.
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('training_periods').set({ finished_on: '2026-02-13' }).where('id', '=', tp.id).execute()
      await tx.updateTable('mentorships').set({ finished_on: '2026-02-13' }).where('id', '=', mentorship.id).execute()
      await tx.updateTable('at_school_periods').set({ finished_on: '2026-02-13', reported_leaving_on: '2026-02-13', leaving_recorded_at: at('2026-01-12T11:00:00Z') }).where('id', '=', period.id).execute()
      await tx.updateTable('teachers').set({ updated_at: at('2026-01-12T11:00:00Z') }).where('id', '=', AMIRA).execute()
    })
    expect((await seen(AMIRA, '2026-01-12T11:00:00Z')).body).toEqual(amira({ participant_status: 'leaving' }, '2026-01-12T11:00:00Z'))

    // 2026-02-13, no action: left, no mentor, updated_at moved by the date alone.
    expect((await seen(AMIRA, '2026-02-13')).body).toEqual(amira({ participant_status: 'left', mentor_id: null }, '2026-02-13T00:00:00Z'))
    const polled = await get(ambition, '/participants?filter[updated_since]=2026-02-12T23:59:00Z', '2026-02-13T08:00:00Z')
    expect(ids(polled.body)).toEqual([AMIRA])
  })
})
