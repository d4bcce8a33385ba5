// partnerships answered from partnership_documents (0009) are exactly the derivation's
// answer (P-49, P-50, P-35, P-36) — on the seeded data set, on dates around and far from the
// seeding date, for every filter, sort and page shape, and after writes to each table a
// partnership's document is derived from.
import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { inTransaction } from '../../../src/db/transaction.ts'
import { seedDataSet } from '../../../src/sandbox/seed.ts'
import { answerPartnerships, buildPartnerships, readPartnerships, warmPartnerships, parsed, type PartnershipRequest } from '../../support/documents.ts'
import { findPartnership, listPartnerships } from '../../../src/api/v3/partnerships/query.ts'
import { serializePartnership } from '../../../src/api/v3/partnerships/serialize.ts'
import { warmAllDocuments } from '../../../src/read-models/warm-up.ts'
import { setupTestApp } from '../../support/app.ts'
import { racingBuild } from '../../support/racing-build.ts'

const SEEDED_ON = '2026-11-23'
const t = await setupTestApp()
const seeded = await inTransaction(t.db, (tx) => seedDataSet(tx, { seed: 1, seedingDate: SEEDED_ON }))
const providers = seeded.lead_providers

async function derived(leadProviderId: string, request: PartnershipRequest): Promise<unknown> {
  if ('id' in request) {
    const row = await findPartnership(t.db, leadProviderId, request.today, request.id)
    return row === undefined ? 'not found' : { data: serializePartnership(row) }
  }
  return { data: (await listPartnerships(t.db, leadProviderId, request.today, request)).map(serializePartnership) }
}

async function fromDocuments(leadProviderId: string, request: PartnershipRequest): Promise<unknown> {
  const answer = await answerPartnerships(t.db, leadProviderId, request)
  return parsed(answer)
}

const page = (perPage: number, number = 1) => ({ page: number, perPage, offset: (number - 1) * perPage, beyondEnd: false })
const none = { cohorts: null, deliveryPartnerIds: null, updatedSince: null }

function shapes(today: string, ids: string[], deliveryPartnerId: string): [string, PartnershipRequest][] {
  const back = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86400_000)
  return [
    ['default order, all', { today, ...none, sort: [], page: page(3000) }],
    ['page 3 of 5', { today, ...none, sort: [], page: page(5, 3) }],
    ['sort -updated_at', { today, ...none, sort: [{ key: 'updated_at', direction: 'desc' }], page: page(3000) }],
    ['sort updated_at, -created_at, page 2 of 4', { today, ...none, sort: [{ key: 'updated_at', direction: 'asc' }, { key: 'created_at', direction: 'desc' }], page: page(4, 2) }],
    ['filter cohort 2025', { today, ...none, cohorts: [2025], sort: [], page: page(3000) }],
    ['filter cohorts 2021, 2026', { today, ...none, cohorts: [2021, 2026], sort: [], page: page(3000) }],
    ['filter delivery partner', { today, ...none, deliveryPartnerIds: [deliveryPartnerId], sort: [], page: page(3000) }],
    ['filter updated_since a year back', { today, ...none, updatedSince: back(365), sort: [], page: page(3000) }],
    ['filter updated_since a week back, sorted', { today, ...none, updatedSince: back(7), sort: [{ key: 'updated_at', direction: 'desc' }], page: page(3000) }],
    ['filter updated_since tomorrow', { today, ...none, updatedSince: back(-1), sort: [], page: page(3000) }],
    ...ids.map((id): [string, PartnershipRequest] => [`show ${id}`, { today, id }]),
  ]
}

describe('Q-4, Q-5: partnership documents answer as the derivation does', () => {
  it('P-49, P-50, P-35, P-36 on the seeded data, every provider, dates around and far from the seeding date', async () => {
    let compared = 0
    for (const today of [SEEDED_ON, '2026-09-01', '2027-01-10', '2027-09-15', '2025-03-01']) {
      for (const lp of providers) {
        const own = await t.db.selectFrom('partnerships').select(['id', 'delivery_partner_id']).where('lead_provider_id', '=', lp.id).orderBy('id').execute()
        const ids = own.filter((_, i) => i % 4 === 0).map((p) => p.id)
        for (const [name, request] of shapes(today, ids, own[0]!.delivery_partner_id)) {
          expect(await fromDocuments(lp.id, request), `${lp.name} on ${today}: ${name}`).toEqual(await derived(lp.id, request))
          compared++
        }
      }
    }
    expect(compared).toBeGreaterThan(200)
  })

  it('P-50: another provider\'s partnership and an unknown id are not found', async () => {
    const [a, b] = providers
    const theirs = await t.db.selectFrom('partnerships').select('id').where('lead_provider_id', '=', b!.id).executeTakeFirstOrThrow()
    for (const id of [theirs.id, '0d000000-0000-4000-8000-000000000000']) {
      expect(await fromDocuments(a!.id, { today: SEEDED_ON, id })).toBe('not found')
    }
  })

  it('P-36: writes to the partnership, its school, its delivery partner, its periods or their teachers mark it stale', async () => {
    await warmAllDocuments(t.db, SEEDED_ON)
    const attached = await t.db.selectFrom('training_periods as tp').innerJoin('partnerships as p', 'p.id', 'tp.partnership_id')
      .select(['p.id', 'p.lead_provider_id', 'p.school_id', 'p.delivery_partner_id', 'tp.id as tp_id', 'tp.teacher_id'])
      .where('tp.finished_on', 'is', null).orderBy('tp.id').executeTakeFirstOrThrow()
    const request: PartnershipRequest = { today: SEEDED_ON, ...none, sort: [], page: page(3000) }
    const writes = [
      () => t.db.updateTable('schools').set({ induction_tutor_name: 'Renamed Tutor' }).where('id', '=', attached.school_id).execute(),
      () => t.db.updateTable('delivery_partners').set({ name: 'Renamed Partner' }).where('id', '=', attached.delivery_partner_id).execute(),
      () => t.db.updateTable('teachers').set({ induction_completed_on: '2026-11-01', mentor_ineligible_for_funding_on: '2026-11-01' }).where('id', '=', attached.teacher_id).execute(),
      () => t.db.updateTable('training_periods').set({ finished_on: '2026-11-20' }).where('id', '=', attached.tp_id).execute(),
      () => t.db.updateTable('partnerships').set({ updated_at: new Date('2026-11-22T09:00:00Z') }).where('id', '=', attached.id).execute(),
    ]
    for (const write of writes) {
      expect(await readPartnerships(t.db, attached.lead_provider_id, request)).not.toBe('stale')
      await write()
      expect(await readPartnerships(t.db, attached.lead_provider_id, request)).toBe('stale')
      expect(await fromDocuments(attached.lead_provider_id, request)).toEqual(await derived(attached.lead_provider_id, request))
    }
    const shown = (await fromDocuments(attached.lead_provider_id, { today: SEEDED_ON, id: attached.id })) as { data: { attributes: Record<string, unknown> } }
    expect(shown.data.attributes).toMatchObject({ induction_tutor_name: 'Renamed Tutor', delivery_partner_name: 'Renamed Partner', updated_at: '2026-11-22T09:00:00Z' })
  })

  it('a write to an attached period between picking an already-stale document and storing it wins: the document stays stale (0011)', async () => {
    await warmPartnerships(t.db, SEEDED_ON)
    const attached = await t.db.selectFrom('training_periods').select(['id', 'partnership_id', 'lead_provider_id'])
      .where('partnership_id', 'is not', null).orderBy('id', 'desc').executeTakeFirstOrThrow()
    // Stale already, in an earlier transaction: a later write must still count a version.
    await t.db.updateTable('partnerships').set({ updated_at: sql`updated_at` }).where('id', '=', attached.partnership_id!).execute()
    const racing = racingBuild(t.db, () => t.db.updateTable('training_periods').set({ finished_on: sql`finished_on` }).where('id', '=', attached.id).execute(), 'valid_from')
    const step = await buildPartnerships(racing.db, attached.lead_provider_id!, SEEDED_ON, 500)
    expect(racing.wrote()).toBe(true)
    // 0016: the build stores what it read, but the write's key is pending in the log, so no reader takes it.
    expect(step).toEqual({ built: 1, more: false })
    expect(await readPartnerships(t.db, attached.lead_provider_id!, { today: SEEDED_ON, id: attached.partnership_id! })).toBe('stale')
  })

  it('a new partnership has a document from its creation; the warm-up builds every stale one', async () => {
    await t.db.updateTable('partnerships').set({ updated_at: sql`updated_at` }).execute()
    const total = await t.db.selectFrom('partnership_documents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    const partnerships = await t.db.selectFrom('partnerships').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    expect(total.n).toBe(partnerships.n)
    expect(await warmPartnerships(t.db, SEEDED_ON)).toBe(Number(total.n))
    expect(await warmPartnerships(t.db, SEEDED_ON)).toBe(0)
  })
})
