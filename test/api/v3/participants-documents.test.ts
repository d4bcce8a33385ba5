// the participants feed answered from participant_documents (0008) is exactly the
// derivation's answer (R-32 … R-40) — on the seeded data set (every S-38 situation), on dates
// around and far from the seeding date, for every filter, sort and page shape, after school
// actions, and however the documents were built before.
import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { inTransaction } from '../../../src/db/transaction.ts'
import { seedDataSet } from '../../../src/sandbox/seed.ts'
import { consumeInvalidations } from '../../../src/read-models/log.ts'
import { turns } from '../../../src/read-models/build.ts'
import type { KyselyPlugin, RawNode } from 'kysely'
import { answerParticipants, answerTransfers, buildParticipants, readParticipants, readTransfers, warmParticipants, parsed, type TransfersRequest } from '../../support/documents.ts'
import { listParticipants, type FeedOptions } from '../../../src/api/v3/participants/query.ts'
import { serializeParticipant } from '../../../src/api/v3/participants/serialize.ts'
import { participantTransfers } from '../../../src/api/v3/participant-transfers/query.ts'
import { serializeParticipantTransfer } from '../../../src/api/v3/participant-transfers/serialize.ts'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'
import { racingBuild } from '../../support/racing-build.ts'

const SEEDED_ON = '2026-11-23'
const t = await setupTestApp()
const seeded = await inTransaction(t.db, (tx) => seedDataSet(tx, { seed: 1, seedingDate: SEEDED_ON }))
const providers = seeded.lead_providers

/** The derivation's answer, as the route sends it when the documents cannot answer. */
async function derived(leadProviderId: string, options: FeedOptions): Promise<unknown> {
  const rows = await listParticipants(t.db, leadProviderId, options)
  if (options.id !== undefined) return rows[0] === undefined ? 'not found' : { data: serializeParticipant(rows[0], options.today) }
  return { data: rows.map((row) => serializeParticipant(row, options.today)) }
}

async function fromDocuments(leadProviderId: string, options: FeedOptions): Promise<unknown> {
  const answer = await answerParticipants(t.db, leadProviderId, options)
  return parsed(answer)
}

const page = (perPage: number, number = 1) => ({ page: number, perPage, offset: (number - 1) * perPage, beyondEnd: false })

/** The list shapes of R-39 that read different columns or orders. */
function shapes(today: string, ids: string[], fromId: string | null): [string, FeedOptions][] {
  return [
    ['default order, one page of all', { today, page: page(3000) }],
    ['page 2 of 7', { today, page: page(7, 2) }],
    ['sort -updated_at', { today, sort: [{ key: 'updated_at', direction: 'desc' }], page: page(3000) }],
    ['sort updated_at, -created_at', { today, sort: [{ key: 'updated_at', direction: 'asc' }, { key: 'created_at', direction: 'desc' }], page: page(11, 3) }],
    ['sort -created_at', { today, sort: [{ key: 'created_at', direction: 'desc' }], page: page(3000) }],
    ['filter cohort 2025', { today, cohorts: [2025], page: page(3000) }],
    ['filter cohorts 2021, 2024, 2026', { today, cohorts: [2021, 2024, 2026], page: page(3000) }],
    ['filter training_status withdrawn', { today, trainingStatus: 'withdrawn', page: page(3000) }],
    ['filter training_status deferred', { today, trainingStatus: 'deferred', page: page(3000) }],
    ['filter training_status active, cohort 2025', { today, trainingStatus: 'active', cohorts: [2025], page: page(3000) }],
    ['filter updated_since a year back', { today, updatedSince: new Date(`${Number(today.slice(0, 4)) - 1}${today.slice(4)}T10:00:00Z`), page: page(3000) }],
    ['filter updated_since a week back', { today, updatedSince: new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86400_000), page: page(3000) }],
    ['filter updated_since a day back, sorted', { today, updatedSince: new Date(Date.parse(`${today}T00:00:00Z`) - 86400_000), sort: [{ key: 'updated_at', direction: 'desc' }], page: page(3000) }],
    ...(fromId === null ? [] : [['filter from_participant_id', { today, fromParticipantId: fromId, page: page(3000) }] as [string, FeedOptions]]),
    ['filter from_participant_id of nobody', { today, fromParticipantId: '0c000000-0000-4000-8000-000000000000', page: page(3000) }],
    ...ids.map((id): [string, FeedOptions] => [`show ${id}`, { today, id }]),
  ]
}

/** T-22 … T-26 by the derivation, as the transfers routes answer when the documents cannot. */
async function derivedTransfers(leadProviderId: string, request: TransfersRequest): Promise<unknown> {
  if ('teacherId' in request) {
    const [row] = await participantTransfers(t.db, leadProviderId, { today: request.today, teacherId: request.teacherId })
    return row === undefined ? 'not found' : { data: serializeParticipantTransfer(row) }
  }
  return { data: (await participantTransfers(t.db, leadProviderId, request)).map(serializeParticipantTransfer) }
}

async function transfersFromDocuments(leadProviderId: string, request: TransfersRequest): Promise<unknown> {
  const answer = await answerTransfers(t.db, leadProviderId, request)
  return parsed(answer)
}

describe('Q-4, Q-6: participant documents answer as the derivation does', () => {
  it('R-32 … R-40 on the seeded data, every provider, dates around and far from the seeding date', async () => {
    const fromId = (await t.db.selectFrom('participant_id_changes').select('from_participant_id').executeTakeFirst())?.from_participant_id ?? null
    let compared = 0
    for (const today of [SEEDED_ON, '2026-09-01', '2026-12-31', '2027-02-13', '2027-09-15', '2025-03-01']) {
      for (const lp of providers) {
        const members = await t.db.selectFrom('participant_documents').select('teacher_id').where('lead_provider_id', '=', lp.id).orderBy('teacher_id').execute()
        const ids = members.filter((_, i) => i % 9 === 0).map((m) => m.teacher_id)
        for (const [name, options] of shapes(today, ids, fromId)) {
          const expected = await derived(lp.id, options)
          expect(await fromDocuments(lp.id, options), `${lp.name} on ${today}: ${name}`).toEqual(expected)
          compared++
        }
      }
    }
    expect(compared).toBeGreaterThan(500)
  })

  it('T-1 … T-27: the transfers kept beside them, on the same dates, list and show', async () => {
    let compared = 0
    let withTransfers = 0
    for (const today of [SEEDED_ON, '2026-09-01', '2026-12-31', '2027-02-13', '2027-09-15', '2025-03-01']) {
      for (const lp of providers) {
        const back = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86400_000)
        const lists: [string, TransfersRequest][] = [
          ['default order', { today, updatedSince: null, sort: [], page: page(1000) }],
          ['page 2 of 3', { today, updatedSince: null, sort: [], page: page(3, 2) }],
          ['sort -updated_at', { today, updatedSince: null, sort: [{ key: 'updated_at', direction: 'desc' }], page: page(1000) }],
          ['sort updated_at, -created_at', { today, updatedSince: null, sort: [{ key: 'updated_at', direction: 'asc' }, { key: 'created_at', direction: 'desc' }], page: page(1000) }],
          ['updated_since a month back', { today, updatedSince: back(30), sort: [], page: page(1000) }],
          ['updated_since a year back', { today, updatedSince: back(365), sort: [], page: page(1000) }],
        ]
        for (const [name, request] of lists) {
          const expected = (await derivedTransfers(lp.id, request)) as { data: unknown[] }
          withTransfers += expected.data.length
          expect(await transfersFromDocuments(lp.id, request), `${lp.name} on ${today}: transfers ${name}`).toEqual(expected)
          compared++
        }
        const members = await t.db.selectFrom('participant_documents').select('teacher_id').where('lead_provider_id', '=', lp.id).orderBy('teacher_id').execute()
        for (const { teacher_id } of members.filter((_, i) => i % 5 === 0)) {
          const request = { today, teacherId: teacher_id }
          expect(await transfersFromDocuments(lp.id, request), `${lp.name} on ${today}: transfers of ${teacher_id}`).toEqual(await derivedTransfers(lp.id, request))
          compared++
        }
      }
    }
    expect(compared).toBeGreaterThan(300)
    expect(withTransfers).toBeGreaterThan(50)
  })

  it('T-8, T-21: a transfer whose joining date is not a training date: the document is built again on that date', async () => {
    const lp = await f.leadProvider(t.db)
    const dp = await f.deliveryPartner(t.db)
    await f.pairing(t.db, lp.id, dp.id, 2026)
    const [from, to] = [await f.school(t.db), await f.school(t.db)]
    const [p1, p2] = [
      await p.partnership(t.db, { school_id: from.id, lead_provider_id: lp.id, delivery_partner_id: dp.id, cohort: 2026 }),
      await p.partnership(t.db, { school_id: to.id, lead_provider_id: lp.id, delivery_partner_id: dp.id, cohort: 2026 }),
    ]
    const teacher = await p.teacher(t.db)
    const left = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: from.id, started_on: '2026-09-01', finished_on: '2026-11-30' })
    await p.trainingPeriod(t.db, left, { cohort: 2026, lead_provider_id: lp.id, partnership_id: p1.id, started_on: '2026-09-01', finished_on: '2026-11-30' })
    // Joins the new school on 10 December; training there starts only on 10 January.
    const joined = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: to.id, started_on: '2026-12-10' })
    await p.trainingPeriod(t.db, joined, { cohort: 2026, lead_provider_id: lp.id, partnership_id: p2.id, started_on: '2027-01-10' })
    const on = (today: string) => ({ today, teacherId: teacher.id })
    const status = (answer: unknown) => (answer as { data: { attributes: { transfers: { status: string }[] } } }).data.attributes.transfers[0]!.status
    expect(status(await transfersFromDocuments(lp.id, on('2026-12-05')))).toBe('incomplete')
    expect(await readTransfers(t.db, lp.id, on('2026-12-09'))).not.toBe('stale')
    expect(await readTransfers(t.db, lp.id, on('2026-12-10'))).toBe('stale')
    expect(status(await transfersFromDocuments(lp.id, on('2026-12-10')))).toBe('complete')
    expect(await transfersFromDocuments(lp.id, on('2026-12-10'))).toEqual(await derivedTransfers(lp.id, on('2026-12-10')))
  })

  it('Q-7 over HTTP: a page in pieces says its exact Content-Length, non-ASCII names included', async () => {
    const lp = providers[0]!
    const { teacher_id } = await t.db.selectFrom('participant_documents').select('teacher_id').where('lead_provider_id', '=', lp.id).orderBy('teacher_id').executeTakeFirstOrThrow()
    await t.db.updateTable('teachers').set({ first_name: 'Zoë', last_name: 'Ó Súilleabháin' }).where('id', '=', teacher_id).execute()
    // Enough participants for more than one piece of 40.
    const partnership = await t.db.selectFrom('partnerships').select(['id', 'school_id', 'cohort_year']).where('lead_provider_id', '=', lp.id).executeTakeFirstOrThrow()
    for (let i = 0; i < 45; i++) {
      const teacher = await p.teacher(t.db)
      const period = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: partnership.school_id, started_on: '2026-09-01' })
      await p.trainingPeriod(t.db, period, { cohort: partnership.cohort_year, lead_provider_id: lp.id, partnership_id: partnership.id, started_on: '2026-09-01' })
    }
    await warmParticipants(t.db, SEEDED_ON)
    const res = await t.app.inject({ method: 'GET', url: '/api/v3/participants?page[per_page]=3000', headers: { authorization: `Bearer ${lp.token}`, 'x-with-server-date': `${SEEDED_ON}T12:00:00Z` } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length)
    const body = res.json() as { data: { id: string; attributes: { full_name: string } }[] }
    expect(body.data.length).toBeGreaterThan(80) // more than two pieces
    expect(body.data.find((d) => d.id === teacher_id)?.attributes.full_name).toBe('Zoë Ó Súilleabháin')
    expect(body).toEqual(await derived(lp.id, { today: SEEDED_ON, page: page(3000) }))
  })

  it('R-40: another provider\'s participant and an unknown id are not found, as the derivation says', async () => {
    const [a, b] = providers
    const theirs = await t.db.selectFrom('participant_documents as d').select('d.teacher_id')
      .where('d.lead_provider_id', '=', b!.id)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('participant_documents as x').select('x.teacher_id').whereRef('x.teacher_id', '=', 'd.teacher_id').where('x.lead_provider_id', '=', a!.id))))
      .executeTakeFirstOrThrow()
    for (const id of [theirs.teacher_id, '0d000000-0000-4000-8000-000000000000']) {
      expect(await fromDocuments(a!.id, { today: SEEDED_ON, id })).toBe('not found')
      expect(await derived(a!.id, { today: SEEDED_ON, id })).toBe('not found')
    }
  })

  it('R-14: a write marks the documents stale in its own transaction; the next read builds them again', async () => {
    const lp = providers[0]!
    await warmParticipants(t.db, SEEDED_ON)
    const options: FeedOptions = { today: SEEDED_ON, page: page(3000) }
    expect(await readParticipants(t.db, lp.id, options)).not.toBe('stale')
    const { teacher_id } = await t.db.selectFrom('participant_documents').select('teacher_id').where('lead_provider_id', '=', lp.id).orderBy('teacher_id').executeTakeFirstOrThrow()
    // A rolled-back write leaves the documents as they were.
    await expect(
      inTransaction(t.db, async (tx) => {
        await tx.updateTable('teachers').set({ first_name: 'Rolled' }).where('id', '=', teacher_id).execute()
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect(await readParticipants(t.db, lp.id, options)).not.toBe('stale')
    // Each table a document is derived from marks it stale.
    const writes = [
      () => t.db.updateTable('teachers').set({ first_name: 'Renamed' }).where('id', '=', teacher_id).execute(),
      () => t.db.updateTable('at_school_periods').set({ email: 'renamed@example.sch.uk' }).where('teacher_id', '=', teacher_id).execute(),
      () => t.db.updateTable('training_periods').set({ schedule_identifier: sql`schedule_identifier` }).where('teacher_id', '=', teacher_id).execute(),
      () => t.db.insertInto('participant_id_changes').values({ id: crypto.randomUUID(), teacher_id, from_participant_id: '0e000000-0000-4000-8000-000000000000', to_participant_id: teacher_id, changed_at: new Date('2026-11-20T10:00:00Z') }).execute(),
    ]
    for (const write of writes) {
      await write()
      expect(await readParticipants(t.db, lp.id, options)).toBe('stale')
      expect(await fromDocuments(lp.id, options)).toEqual(await derived(lp.id, options))
      expect(await readParticipants(t.db, lp.id, options)).not.toBe('stale')
    }
    const shown = (await fromDocuments(lp.id, { today: SEEDED_ON, id: teacher_id })) as { data: { attributes: Record<string, any> } }
    expect(shown.data.attributes.full_name).toMatch(/^Renamed /)
    expect(shown.data.attributes.participant_id_changes.at(-1).from_participant_id).toBe('0e000000-0000-4000-8000-000000000000')
  })

  it('a document is kept for the days between change dates, and built again on the first day outside them', async () => {
    const lp = providers[0]!
    await warmParticipants(t.db, SEEDED_ON)
    const window = await t.db.selectFrom('participant_documents').select(['valid_from', 'valid_until'])
      .where('lead_provider_id', '=', lp.id).where('valid_until', '<>', 'infinity').orderBy('valid_until').executeTakeFirstOrThrow()
    // The last day inside the window reads the documents as built; its first day outside does not
    // (a page of 3,000 holds every one of the provider's participants).
    const lastInside = new Date(Date.parse(`${window.valid_until}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10)
    expect(await readParticipants(t.db, lp.id, { today: lastInside, page: page(3000) })).not.toBe('stale')
    expect(await readParticipants(t.db, lp.id, { today: window.valid_until, page: page(3000) })).toBe('stale')
    expect(await readParticipants(t.db, lp.id, { today: '2020-01-01', page: page(3000) })).toBe('stale')
  })

  it('a write between picking a stale document and storing it wins: the document stays stale (its version moved)', async () => {
    const lp = providers[0]!
    await warmParticipants(t.db, SEEDED_ON)
    const { teacher_id } = await t.db.selectFrom('participant_documents').select('teacher_id').where('lead_provider_id', '=', lp.id).orderBy('teacher_id').executeTakeFirstOrThrow()
    await t.db.updateTable('teachers').set({ first_name: 'Before' }).where('id', '=', teacher_id).execute()
    const racing = racingBuild(t.db, () => t.db.updateTable('teachers').set({ first_name: 'After' }).where('id', '=', teacher_id).execute(), 'valid_from')
    const step = await buildParticipants(racing.db, lp.id, SEEDED_ON, 500)
    expect(racing.wrote()).toBe(true)
    // 0016: the build stores what it read, but the write's key is pending in the log, so no reader takes it.
    expect(step).toEqual({ built: 1, more: false })
    expect(await readParticipants(t.db, lp.id, { today: SEEDED_ON, id: teacher_id })).toBe('stale')
    const shown = (await fromDocuments(lp.id, { today: SEEDED_ON, id: teacher_id })) as { data: { attributes: { full_name: string } } }
    expect(shown.data.attributes.full_name).toMatch(/^After /)
  })

  it('a write whose key is consumed between picking a stale document and storing it wins: the build stores nothing (its version moved)', async () => {
    const lp = providers[0]!
    await warmParticipants(t.db, SEEDED_ON)
    const { teacher_id } = await t.db.selectFrom('participant_documents').select('teacher_id').where('lead_provider_id', '=', lp.id).orderBy('teacher_id').executeTakeFirstOrThrow()
    await t.db.updateTable('teachers').set({ first_name: 'Before' }).where('id', '=', teacher_id).execute()
    const racing = racingBuild(t.db, async () => {
      await t.db.updateTable('teachers').set({ first_name: 'Consumed' }).where('id', '=', teacher_id).execute()
      await consumeInvalidations(t.db)
    }, 'valid_from')
    const step = await buildParticipants(racing.db, lp.id, SEEDED_ON, 500)
    expect(racing.wrote()).toBe(true)
    expect(step).toEqual({ built: 0, more: false })
    expect(await readParticipants(t.db, lp.id, { today: SEEDED_ON, id: teacher_id })).toBe('stale')
    const shown = (await fromDocuments(lp.id, { today: SEEDED_ON, id: teacher_id })) as { data: { attributes: { full_name: string } } }
    expect(shown.data.attributes.full_name).toMatch(/^Consumed /)
  })

  it('a write to a period alone between picking an already-stale document and storing it wins too (the stale mark counts a version once per transaction, not once)', async () => {
    const lp = providers[0]!
    await warmParticipants(t.db, SEEDED_ON)
    const { teacher_id } = await t.db.selectFrom('participant_documents').select('teacher_id').where('lead_provider_id', '=', lp.id).orderBy('teacher_id', 'desc').executeTakeFirstOrThrow()
    // Stale already, in an earlier transaction: a later write must still count a version.
    await t.db.updateTable('teachers').set({ first_name: 'Before' }).where('id', '=', teacher_id).execute()
    const racing = racingBuild(t.db, () => t.db.updateTable('training_periods').set({ finished_on: sql`finished_on` }).where('teacher_id', '=', teacher_id).execute(), 'valid_from')
    const step = await buildParticipants(racing.db, lp.id, SEEDED_ON, 500)
    expect(racing.wrote()).toBe(true)
    // 0016: the build stores what it read, but the write's key is pending in the log, so no reader takes it.
    expect(step).toEqual({ built: 1, more: false })
    expect(await readParticipants(t.db, lp.id, { today: SEEDED_ON, id: teacher_id })).toBe('stale')
  })

  it('Q-4: a build serializes and stores its documents turns.rows at a time: ten stale documents in four statements of at most three, each page the derivation\'s', async () => {
    const lp = providers[0]!
    await warmParticipants(t.db, SEEDED_ON)
    const ids = (await t.db.selectFrom('participant_documents').select('teacher_id').where('lead_provider_id', '=', lp.id).orderBy('teacher_id').limit(10).execute()).map((r) => r.teacher_id)
    expect(ids).toHaveLength(10)
    await sql`UPDATE participant_documents SET version = version + 1, valid_until = '-infinity' WHERE lead_provider_id = ${lp.id} AND teacher_id = ANY(${ids}::uuid[])`.execute(t.db)
    // The store's statements, by their text, and how many rows each named.
    const stores: number[] = []
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        const node = args.node as unknown as RawNode
        if (node.kind === 'RawNode' && node.sqlFragments.join('').includes('FOR UPDATE OF d SKIP LOCKED')) {
          stores.push((node.parameters[0] as unknown as { value: string[] }).value.length)
        }
        return args.node
      },
      transformResult: async (args) => args.result,
    }
    const rows = turns.rows
    turns.rows = 3
    try {
      expect(await buildParticipants(t.db.withPlugin(counting), lp.id, SEEDED_ON, 500)).toEqual({ built: 10, more: false })
    } finally {
      turns.rows = rows
    }
    expect(stores).toEqual([3, 3, 3, 1])
    expect(await fromDocuments(lp.id, { today: SEEDED_ON, page: page(3000) })).toEqual(await derived(lp.id, { today: SEEDED_ON, page: page(3000) }))
    expect(await readParticipants(t.db, lp.id, { today: SEEDED_ON, page: page(3000) })).not.toBe('stale')
  })

  it('more stale documents than one request builds: the request is answered by the derivation, the warm-up builds them all', async () => {
    const lp = providers[0]!
    await t.db.updateTable('teachers').set({ updated_at: new Date('2026-11-23T12:00:00Z') }).execute()
    const step = await buildParticipants(t.db, lp.id, SEEDED_ON, 5)
    expect(step).toEqual({ built: 5, more: true })
    const total = await t.db.selectFrom('participant_documents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    expect(await warmParticipants(t.db, SEEDED_ON)).toBe(Number(total.n) - 5)
    expect(await warmParticipants(t.db, SEEDED_ON)).toBe(0)
  })
})
