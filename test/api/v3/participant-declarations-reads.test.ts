import { describe, expect, it } from 'vitest'
import { clockAt } from '../../../src/clock.ts'
import { inTransaction } from '../../../src/db/transaction.ts'
import { runStatementSweep } from '../../../src/domain/statements/run-statement-sweep.ts'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import * as d from '../../support/factories-declarations.ts'

const t = await setupTestApp()
await f.cohort(t.db, 2024)
await f.cohort(t.db, 2025)
const teachFirst = await d.provider(t.db, 2025, 'Teach First')
await f.pairing(t.db, teachFirst.id, teachFirst.deliveryPartnerId, 2024)
const ambition = await d.provider(t.db, 2025, 'Ambition Institute')
const jan2027 = await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2025, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' })
const apr2027 = await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2025, year: 2027, month: 4, cut_off_date: '2027-03-31', payment_date: '2027-04-25' })
await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2024, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' })
await d.statement(t.db, { lead_provider_id: ambition.id, cohort: 2025, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' })

const NOW = '2026-11-23T10:15:02Z'
const get = (token: string, query = '', date = NOW) => t.request('GET', `/api/v3/participant-declarations${query}`, { token, date })
const voidIt = (token: string, id: string, date = NOW) => t.request('PUT', `/api/v3/participant-declarations/${id}/void`, { token, date })
const errors = (...pairs: [string, string][]) => ({ errors: pairs.map(([title, detail]) => ({ title, detail })) })
const NOT_FOUND = errors(['Resource not found', 'Nothing could be found for the provided details'])
const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((x) => x.id)

async function declare(lp: { token: string }, participantId: string, extra: Record<string, unknown> = {}, date = NOW) {
  const res = await t.request('POST', '/api/v3/participant-declarations', {
    token: lp.token,
    date,
    body: d.declarationBody({
      participant_id: participantId,
      declaration_type: 'started',
      declaration_date: '2026-11-20T09:00:00Z',
      course_identifier: 'ecf-induction',
      evidence_held: 'training-event-attended',
      ...extra,
    }),
  })
  expect(res.status).toBe(200)
  return res.body.data as { id: string; attributes: Record<string, unknown> }
}

async function pay(statementId: string, date: string) {
  await t.admin('POST', `/statements/${statementId}/mark-payable`, undefined, { date })
  await t.admin('POST', `/statements/${statementId}/mark-paid`, undefined, { date })
}

// Scene for the lists: three ECTs of Teach First (two 2025, one 2024), one of Ambition.
const a = await d.trainee(t.db, teachFirst, { cohort: 2025, started_on: '2025-09-01' })
const b = await d.trainee(t.db, teachFirst, { cohort: 2025, started_on: '2025-09-01' })
const c = await d.trainee(t.db, teachFirst, { cohort: 2024, started_on: '2024-09-01' })
const x = await d.trainee(t.db, ambition, { cohort: 2025, started_on: '2025-09-01' })
const da = await declare(teachFirst, a.teacherId, {}, '2026-11-23T10:00:00Z')
const db2 = await declare(teachFirst, b.teacherId, {}, '2026-11-23T10:00:01Z')
const dc = await declare(teachFirst, c.teacherId, { declaration_type: 'retained-4', declaration_date: '2026-02-01T09:00:00Z', evidence_held: 'other' }, '2026-11-23T10:00:02Z')
const dx = await declare(ambition, x.teacherId, {}, '2026-11-23T10:00:03Z')

describe('GET /api/v3/participant-declarations', () => {
  it("D-52, D-53: the caller's declarations, created_at ascending; another lead provider's are not shown", async () => {
    expect(ids(await get(teachFirst.token))).toEqual([da.id, db2.id, dc.id])
    expect(ids(await get(ambition.token))).toEqual([dx.id])
  })

  it('D-53, C-48: sort is ignored; paging as C-32 … C-35', async () => {
    expect(ids(await get(teachFirst.token, '?sort=-created_at'))).toEqual([da.id, db2.id, dc.id])
    expect(ids(await get(teachFirst.token, '?page[per_page]=2&page[page]=2'))).toEqual([dc.id])
    expect((await get(teachFirst.token, '?page[per_page]=2&page[page]=3')).text).toBe('{"data":[]}')
    const bad = await get(teachFirst.token, '?page[per_page]=0')
    expect(bad.status).toBe(400)
  })

  it("D-53, C-40, C-41: filter[cohort] is the declaration's TP cohort; items that name nothing match nothing", async () => {
    expect(ids(await get(teachFirst.token, '?filter[cohort]=2024'))).toEqual([dc.id])
    expect(ids(await get(teachFirst.token, '?filter[cohort]=2024,2025'))).toEqual([da.id, db2.id, dc.id])
    expect(ids(await get(teachFirst.token, '?filter[cohort][]=2025'))).toEqual([da.id, db2.id])
    expect((await get(teachFirst.token, '?filter[cohort]=20A1')).text).toBe('{"data":[]}')
    expect(ids(await get(teachFirst.token, '?filter[cohort]='))).toEqual([da.id, db2.id, dc.id])
  })

  it('D-53: filter[participant_id] and filter[delivery_partner_id] (the one recorded at creation)', async () => {
    expect(ids(await get(teachFirst.token, `?filter[participant_id]=${b.teacherId.toUpperCase()},${c.teacherId}`))).toEqual([db2.id, dc.id])
    expect((await get(teachFirst.token, '?filter[participant_id]=nope')).text).toBe('{"data":[]}')
    expect(ids(await get(teachFirst.token, `?filter[delivery_partner_id]=${teachFirst.deliveryPartnerId}`))).toEqual([da.id, db2.id, dc.id])
    expect((await get(teachFirst.token, `?filter[delivery_partner_id]=${ambition.deliveryPartnerId}`)).text).toBe('{"data":[]}')
  })

  it('D-53, D-55, C-43, C-44: filter[updated_since] keeps stamps ≥ the instant; a malformed one is the 400', async () => {
    expect(ids(await get(teachFirst.token, '?filter[updated_since]=2026-11-23T10:00:01Z'))).toEqual([db2.id, dc.id])
    const bad = await get(teachFirst.token, '?filter[updated_since]=2026-11-23')
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual(errors(['Bad request', "The filter '#/updated_since' must be a valid ISO 8601 date-time, such as 2026-11-23T00:00:00Z: a date alone is not enough"]))
    expect((await get(teachFirst.token, '?filter=x')).body).toEqual(errors(['Bad parameter', 'Filter must be a hash']))
  })

  it("D-52 (b): another lead provider's billable declarations for a teacher the caller now trains in that role, while its TP is open or finishes after the declaration's date", async () => {
    const scene = await d.trainee(t.db, ambition, { cohort: 2025, started_on: '2025-09-01', finished_on: '2026-01-01' })
    const old = await declare(ambition, scene.teacherId, { declaration_date: '2025-10-01T09:00:00Z' }, '2026-11-23T10:01:00Z')
    const late = await declare(ambition, scene.teacherId, { declaration_type: 'retained-1', declaration_date: '2026-01-02T09:00:00Z' }, '2026-11-23T10:02:00Z')
    const voided = await declare(ambition, scene.teacherId, { declaration_type: 'retained-2', declaration_date: '2026-01-03T09:00:00Z', evidence_held: '75-percent-engagement-met' })
    await voidIt(ambition.token, voided.id)
    const partnershipAt = (await f.school(t.db)).id
    const moved = await d.trainee(t.db, teachFirst, { cohort: 2025, started_on: '2026-01-01', finished_on: '2026-01-02', teacher_id: scene.teacherId, school_id: partnershipAt })
    const seen = await get(teachFirst.token, `?filter[participant_id]=${scene.teacherId}`)
    expect(ids(seen)).toEqual([old.id])
    expect(seen.body.data[0].attributes.lead_provider_name).toBe('Ambition Institute')
    expect((await t.request('GET', `/api/v3/participant-declarations/${old.id}`, { token: teachFirst.token })).status).toBe(200)
    expect((await t.request('GET', `/api/v3/participant-declarations/${late.id}`, { token: teachFirst.token })).status).toBe(404)
    // Open again (finished_on null): every billable one is visible.
    await t.db.updateTable('at_school_periods').set({ finished_on: null }).where('teacher_id', '=', scene.teacherId).where('school_id', '=', partnershipAt).execute()
    await t.db.updateTable('training_periods').set({ finished_on: null }).where('id', '=', moved.trainingId).execute()
    expect(ids(await get(teachFirst.token, `?filter[participant_id]=${scene.teacherId}`))).toEqual([old.id, late.id])
    // D-51: visible is not owned — voiding another lead provider's declaration is the 404.
    expect((await voidIt(teachFirst.token, old.id)).body).toEqual(NOT_FOUND)
  })
})

describe('GET /api/v3/participant-declarations/{id}', () => {
  it("D-53, C-28: another lead provider's, unknown or malformed ids are the 404", async () => {
    for (const id of [dx.id, '5b9e1d3f-7a2c-4f8e-9b4d-3c6a0e2f8d71', 'nope', `{${da.id}}`]) {
      const res = await t.request('GET', `/api/v3/participant-declarations/${id}`, { token: teachFirst.token })
      expect([id, res.status, res.body]).toEqual([id, 404, NOT_FOUND])
    }
    expect((await t.request('GET', `/api/v3/participant-declarations/${da.id.toUpperCase()}`, { token: teachFirst.token })).status).toBe(200)
  })

  it('C-8: no token is the 401', async () => {
    const res = await t.request('GET', `/api/v3/participant-declarations/${da.id}`)
    expect(res.status).toBe(401)
  })
})

describe('PUT /api/v3/participant-declarations/{id}/void', () => {
  it('D-51: an unpaid declaration is voided; statement_id shows null; a second void is the 422', async () => {
    const scene = await d.trainee(t.db, teachFirst, { cohort: 2025, started_on: '2025-09-01' })
    const made = await declare(teachFirst, scene.teacherId)
    const res = await voidIt(teachFirst.token, made.id, '2026-11-24T08:00:00Z')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      data: { ...made, attributes: { ...made.attributes, state: 'voided', statement_id: null, updated_at: '2026-11-24T08:00:00Z' } },
    })
    const again = await voidIt(teachFirst.token, made.id)
    expect(again.status).toBe(422)
    expect(again.body).toEqual(errors(['participant_declaration_id', 'The declaration has already been voided.']))
  })

  it('D-51, D-56: a paid declaration is clawed back on the earliest open statement; again is the 422', async () => {
    const scene = await d.trainee(t.db, teachFirst, { cohort: 2025, started_on: '2025-09-01' })
    const made = await declare(teachFirst, scene.teacherId)
    await pay(jan2027.id, '2027-01-25T10:00:00Z')
    const res = await voidIt(teachFirst.token, made.id, '2027-02-10T14:03:51Z')
    expect(res.status).toBe(200)
    expect(res.body.data.attributes).toEqual({
      ...made.attributes,
      state: 'awaiting-clawback',
      updated_at: '2027-02-10T14:03:51Z',
      statement_id: jan2027.id,
      clawback_statement_id: apr2027.id,
    })
    const again = await voidIt(teachFirst.token, made.id, '2027-02-11T09:00:00Z')
    expect(again.body).toEqual(errors(['participant_declaration_id', 'The declaration will or has been refunded']))
  })

  it('D-51: a clawback needs an open statement with a cut-off from today, both problems reported together', async () => {
    const scene = await d.trainee(t.db, teachFirst, { cohort: 2024, started_on: '2024-09-01' })
    const made = await declare(teachFirst, scene.teacherId, { declaration_type: 'retained-4', declaration_date: '2026-02-02T09:00:00Z', evidence_held: 'other' })
    await t.db.updateTable('declarations').set({ payment_status: 'payable' }).where('id', '=', made.id).execute()
    await t.db.updateTable('declarations').set({ payment_status: 'paid' }).where('id', '=', made.id).execute()
    const res = await voidIt(teachFirst.token, made.id, '2027-01-05T09:00:00Z')
    expect(res.body).toEqual(
      errors([
        'participant_declaration_id',
        'You cannot submit or void declarations for the 2024 cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us',
      ]),
    )
    await t.db.updateTable('declarations').set({ clawback_status: 'awaiting-clawback', clawback_statement_id: made.attributes.statement_id as string }).where('id', '=', made.id).execute()
    const both = await voidIt(teachFirst.token, made.id, '2027-01-05T09:00:00Z')
    expect(both.body.errors.map((e: { detail: string }) => e.detail.slice(0, 20))).toEqual(['The declaration will', 'You cannot submit or'])
  })

  it('D-51: 404 for unknown and malformed ids; no body is read', async () => {
    expect((await voidIt(teachFirst.token, '5b9e1d3f-7a2c-4f8e-9b4d-3c6a0e2f8d71')).body).toEqual(NOT_FOUND)
    expect((await voidIt(teachFirst.token, 'nope')).status).toBe(404)
    expect((await voidIt(ambition.token, da.id)).status).toBe(404)
  })
})

describe('D-56: the lifecycle timeline', () => {
  it('D-56, D-62, D-85: started, payable, paid, clawed back and declared again on the next statement', async () => {
    // A lead provider of its own, so the statements of this timeline are untouched by other tests.
    const lp = await d.provider(t.db, 2025, 'Timeline Teach First')
    const jan = await d.statement(t.db, { lead_provider_id: lp.id, cohort: 2025, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' })
    const apr = await d.statement(t.db, { lead_provider_id: lp.id, cohort: 2025, year: 2027, month: 4, cut_off_date: '2027-03-31', payment_date: '2027-04-25' })
    const scene = await d.trainee(t.db, lp, { cohort: 2025, started_on: '2025-09-01' })
    const state = async (id: string, date: string) => {
      const res = await t.request('GET', `/api/v3/participant-declarations/${id}`, { token: lp.token, date })
      const { state, statement_id, clawback_statement_id } = res.body.data.attributes
      return { state, statement_id, clawback_statement_id }
    }
    const first = await declare(lp, scene.teacherId, { declaration_date: '2026-11-20T09:00:00Z' }, '2026-11-23T10:15:02Z')
    expect(await state(first.id, '2026-11-23T10:15:02Z')).toEqual({ state: 'eligible', statement_id: jan.id, clawback_statement_id: null })
    await inTransaction(t.db, (tx) => runStatementSweep(tx, clockAt(new Date('2027-01-01T00:05:00Z'))))
    expect(await state(first.id, '2027-01-01T00:05:00Z')).toEqual({ state: 'payable', statement_id: jan.id, clawback_statement_id: null })
    await t.admin('POST', `/statements/${jan.id}/mark-paid`, undefined, { date: '2027-01-25T10:00:00Z' })
    expect(await state(first.id, '2027-01-25T10:00:00Z')).toEqual({ state: 'paid', statement_id: jan.id, clawback_statement_id: null })
    await voidIt(lp.token, first.id, '2027-02-10T14:03:51Z')
    expect(await state(first.id, '2027-02-10T14:03:51Z')).toEqual({ state: 'awaiting-clawback', statement_id: jan.id, clawback_statement_id: apr.id })
    const second = await declare(lp, scene.teacherId, { declaration_date: '2027-02-11T09:00:00Z' }, '2027-02-11T10:00:00Z')
    expect(await state(second.id, '2027-02-11T10:00:00Z')).toEqual({ state: 'eligible', statement_id: apr.id, clawback_statement_id: null })
    await inTransaction(t.db, (tx) => runStatementSweep(tx, clockAt(new Date('2027-04-01T00:05:00Z'))))
    await t.admin('POST', `/statements/${apr.id}/mark-paid`, undefined, { date: '2027-04-25T10:00:00Z' })
    expect(await state(first.id, '2027-04-25T10:00:00Z')).toEqual({ state: 'clawed-back', statement_id: jan.id, clawback_statement_id: apr.id })
    expect(await state(second.id, '2027-04-25T10:00:00Z')).toEqual({ state: 'paid', statement_id: apr.id, clawback_statement_id: null })
  })
})
