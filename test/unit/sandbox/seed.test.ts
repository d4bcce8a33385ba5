// S-30 … S-36 through the domain commands, on this file's database.
import { afterAll, describe, expect, it } from 'vitest'
import { inTransaction } from '../../../src/db/transaction.ts'
import { digestOf } from '../../../src/domain/tokens/rules.ts'
import { InvalidError } from '../../../src/errors.ts'
import { seedDates } from '../../../src/sandbox/dates.ts'
import { planReference } from '../../../src/sandbox/reference.ts'
import { sandboxTokens } from '../../../src/sandbox/sandbox-tokens.ts'
import { holdsDomainData, seedDataSet } from '../../../src/sandbox/seed.ts'
import { testDatabase } from '../../support/db.ts'

const T = '2026-11-23'
const database = await testDatabase()
const { db } = database
afterAll(() => database.close())

const empty = !(await holdsDomainData(db))
const result = await inTransaction(db, (tx) => seedDataSet(tx, { seed: 7, seedingDate: T }))
const plan = planReference(7, seedDates(T))

describe('S-30 … S-38 the data set', () => {
  it('S-17: an empty database holds no domain data until seeded', async () => {
    expect(empty).toBe(true)
    expect(await holdsDomainData(db)).toBe(true)
  })

  it('S-33 … S-38: the counts of T = 2026-11-23 are those of S-38', async () => {
    expect(result.counts).toEqual({ cohorts: 6, lead_providers: 6, delivery_partners: 21, schools: 57, partnerships: 90, teachers: 222, declarations: 150, statements: 516 })
    const pairings = await db.selectFrom('lead_provider_delivery_partners').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(pairings.n)).toBe(168)
  })

  it('S-30: the rows carry the plan ids', async () => {
    const lps = await db.selectFrom('lead_providers').select(['id', 'name']).orderBy('name').execute()
    expect(lps).toEqual(plan.leadProviders.map(({ id, name }) => ({ id, name })))
    const schools = await db.selectFrom('schools').select(['id', 'urn', 'name', 'eligible', 'induction_tutor_name']).orderBy('urn').execute()
    expect(schools).toEqual(plan.schools.map((s) => ({ id: s.id, urn: s.urn, name: s.name, eligible: s.eligible, induction_tutor_name: s.induction_tutor?.name ?? null })))
    const pairingIds = (await db.selectFrom('lead_provider_delivery_partners').select('id').execute()).map((r) => r.id).sort()
    expect(pairingIds).toEqual(plan.pairings.map((p) => p.id).sort())
  })

  it('S-34: one seeded token per lead provider, stored as its digest with the seed description', async () => {
    const tokens = await db.selectFrom('lead_provider_tokens').select(['lead_provider_id', 'digest', 'description', 'seeded']).execute()
    expect(tokens).toHaveLength(6)
    for (const lp of plan.leadProviders) {
      expect(tokens).toContainEqual({ lead_provider_id: lp.id, digest: digestOf(lp.token), description: 'sandbox seed token', seeded: true })
    }
    expect(result.lead_providers).toEqual(plan.leadProviders.map(({ id, name, token }) => ({ id, name, token })))
  })

  it('S-18, S-34: the start-up listing derives the tokens again and drops a revoked one', async () => {
    expect((await sandboxTokens(db, 7)).map((t) => t.token)).toEqual(plan.leadProviders.map((lp) => lp.token))
    await db.updateTable('lead_provider_tokens').set({ revoked_at: new Date() }).where('digest', '=', digestOf(plan.leadProviders[4]!.token)).execute()
    const listed = await sandboxTokens(db, 7)
    expect(listed[4]).toEqual({ id: plan.leadProviders[4]!.id, name: 'Teach First', token: null })
    expect((await sandboxTokens(db, 8)).every((t) => t.token === null)).toBe(true)
  })

  it('S-32, S-33: steps stamped 10:00 London on their dates; 2021 and 2022 closed after the replay', async () => {
    const lp = await db.selectFrom('lead_providers').select('created_at').executeTakeFirstOrThrow()
    expect(new Date(lp.created_at).toISOString()).toBe('2021-05-01T09:00:00.000Z')
    const cohorts = await db.selectFrom('cohorts').select(['id', 'year', 'partnerships_open', 'payments_frozen_on', 'created_at', 'updated_at']).orderBy('year').execute()
    expect(cohorts.map((c) => [c.year, c.partnerships_open, c.payments_frozen_on])).toEqual([
      [2021, false, '2024-06-18'], [2022, false, '2025-06-16'], [2023, true, null], [2024, true, null], [2025, true, null], [2026, true, null],
    ])
    expect(new Date(cohorts[2]!.created_at).toISOString()).toBe('2023-05-01T09:00:00.000Z')
    // The k-th step dated T runs at 00:00 + k seconds (S-32).
    expect(new Date(cohorts[0]!.updated_at).toISOString()).toMatch(/^2026-11-23T00:0\d:\d\d\.000Z$/)
  })

  it('S-4: the settings row records the seeding', async () => {
    expect(await db.selectFrom('settings').select(['seeded', 'seeding_date']).executeTakeFirstOrThrow()).toEqual({ seeded: true, seeding_date: T })
    const row = await db.selectFrom('settings').select('seed_number').executeTakeFirstOrThrow()
    expect(Number(row.seed_number)).toBe(7)
  })

  it('S-31, S-55: a seeding date before 2026-08-01 or a seed out of range is refused before anything is written', async () => {
    const attempt = inTransaction(db, (tx) => seedDataSet(tx, { seed: -1, seedingDate: '2026-07-31' }))
    await expect(attempt).rejects.toBeInstanceOf(InvalidError)
    await expect(attempt).rejects.toMatchObject({
      problems: [
        { attribute: 'seed', detail: "The '#/seed' must be a whole number from 0 to 2147483647." },
        { attribute: 'seeding_date', detail: 'The sandbox data set needs a seeding date on or after 2026-08-01' },
      ],
    })
  })
})
