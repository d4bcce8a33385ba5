// P-19 and D-82 in bulk (the sandbox seed's pairings and frozen cohorts' statements, Q-8): the
// same rows, stamps and events as the single commands, and exactly their errors when any is refused.
import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { clockAt } from '../../src/clock.ts'
import { inTransaction } from '../../src/db/transaction.ts'
import { createPairings, DUPLICATE_PAIRING } from '../../src/domain/delivery-partners/create-pairing.ts'
import { createStatements } from '../../src/domain/statements/create-statement.ts'
import { standardCalendar, STATEMENT_TEXT } from '../../src/domain/statements/rules.ts'
import { Problems } from '../../src/domain/problems.ts'
import { testDatabase } from '../support/db.ts'
import * as f from '../support/factories.ts'

const database = await testDatabase()
const db = database.db
afterAll(() => database.close())
const clock = clockAt(new Date('2026-05-01T09:00:00Z'))
await f.cohort(db, 2026)

const eventsOf = (ids: string[]) =>
  db.selectFrom('events').select(['action', 'subject_id', 'lead_provider_id', 'data']).where('subject_id', 'in', ids).orderBy('id').execute()

describe('createPairings (P-19 in bulk)', () => {
  it('P-19, P-38: one row, one event per pairing in order; each delivery partner stamped', async () => {
    const lp = await f.leadProvider(db)
    const [a, b] = [await f.deliveryPartner(db), await f.deliveryPartner(db)]
    const inputs = [a, b].map((dp) => ({ id: randomUUID(), lead_provider_id: lp.id, delivery_partner_id: dp.id, cohort: 2026 }))
    await inTransaction(db, (tx) => createPairings(tx, clock, inputs))
    const rows = await db.selectFrom('lead_provider_delivery_partners').select(['id', 'delivery_partner_id', 'cohort_year', 'created_at']).where('lead_provider_id', '=', lp.id).orderBy('created_at').orderBy('id').execute()
    expect(rows.map((r) => r.id).sort()).toEqual(inputs.map((p) => p.id).sort())
    expect(rows.every((r) => r.cohort_year === 2026 && r.created_at.getTime() === clock.now.getTime())).toBe(true)
    const stamps = await db.selectFrom('delivery_partners').select('updated_at').where('id', 'in', [a.id, b.id]).execute()
    expect(stamps.map((s) => s.updated_at.getTime())).toEqual([clock.now.getTime(), clock.now.getTime()])
    expect(await eventsOf(inputs.map((p) => p.id))).toEqual(
      inputs.map((p) => ({ action: 'pairing.created', subject_id: p.id, lead_provider_id: lp.id, data: { delivery_partner_id: p.delivery_partner_id, cohort: 2026 } })),
    )
  })

  it('P-19: a duplicate among them is refused as createPairing refuses it, and nothing is written', async () => {
    const lp = await f.leadProvider(db)
    const dp = await f.deliveryPartner(db)
    await f.pairing(db, lp.id, dp.id, 2026)
    const other = await f.deliveryPartner(db)
    const inputs = [other, dp].map((d) => ({ id: randomUUID(), lead_provider_id: lp.id, delivery_partner_id: d.id, cohort: 2026 }))
    await expect(inTransaction(db, (tx) => createPairings(tx, clock, inputs))).rejects.toMatchObject({
      problems: [{ attribute: 'delivery_partner_id', detail: DUPLICATE_PAIRING }],
    })
    expect(await db.selectFrom('lead_provider_delivery_partners').select('id').where('id', 'in', inputs.map((p) => p.id)).execute()).toEqual([])
  })
})

describe('createStatements (D-82 in bulk)', () => {
  const calendar = standardCalendar(2026)
  const month = (i: number) => calendar[i]!

  it('D-82: the rows and one statement.created event each, as createStatement writes them', async () => {
    const lp = await f.leadProvider(db)
    const statements = [0, 1].map((i) => ({ lead_provider_id: lp.id, cohort: 2026, ...month(i) }))
    await inTransaction(db, (tx) => createStatements(tx, clock, 2026, statements, () => new Problems(['lead_provider_id', 'cohort', 'year', 'month', 'cut_off_date', 'payment_date'])))
    const rows = await db.selectFrom('statements').select(['id', 'month', 'status', 'cut_off_date']).where('lead_provider_id', '=', lp.id).orderBy('month').execute()
    expect(rows.map(({ month, status, cut_off_date }) => ({ month, status, cut_off_date }))).toEqual(
      [month(0), month(1)].sort((a, b) => a.month - b.month).map((m) => ({ month: m.month, status: 'open', cut_off_date: m.cut_off_date })),
    )
    expect((await eventsOf(rows.map((r) => r.id))).map((e) => [e.action, e.data])).toEqual(statements.map((s) => ['statement.created', s]))
  })

  it('D-82: a month the lead provider already has is refused as createStatement refuses it', async () => {
    const lp = await f.leadProvider(db)
    const problems = () => new Problems(['lead_provider_id', 'cohort', 'year', 'month', 'cut_off_date', 'payment_date'])
    await inTransaction(db, (tx) => createStatements(tx, clock, 2026, [{ lead_provider_id: lp.id, cohort: 2026, ...month(2) }], problems))
    await expect(
      inTransaction(db, (tx) => createStatements(tx, clock, 2026, [{ lead_provider_id: lp.id, cohort: 2026, ...month(4) }, { lead_provider_id: lp.id, cohort: 2026, ...month(2) }], problems)),
    ).rejects.toMatchObject({ problems: [{ attribute: 'month', detail: STATEMENT_TEXT.duplicate }] })
    expect((await db.selectFrom('statements').select('month').where('lead_provider_id', '=', lp.id).execute()).map((r) => r.month)).toEqual([month(2).month])
  })
})
