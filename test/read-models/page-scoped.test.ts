// Q-4 during a rebuild: while a whole lead provider's documents are stale (the lead provider
// renamed, or a migration that changes a document's shape), an unfiltered page in created_at
// order is answered from its own documents, built by the request, and equals the derivation
// (R-39, P-49); the rest of the scope stays for the warm-up.
import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { inTransaction } from '../../src/db/transaction.ts'
import { seedDataSet } from '../../src/sandbox/seed.ts'
import { listParticipants } from '../../src/api/v3/participants/query.ts'
import { serializeParticipant } from '../../src/api/v3/participants/serialize.ts'
import { listPartnerships } from '../../src/api/v3/partnerships/query.ts'
import { serializePartnership } from '../../src/api/v3/partnerships/serialize.ts'
import { streaming } from '../../src/read-models/documents.ts'
import { pageBuilding } from '../../src/read-models/page-builds.ts'
import { staleScopes, warmAllDocuments } from '../../src/read-models/warm-up.ts'
import { participantDocuments } from '../../src/read-models/participants.ts'
import { onPostgres } from '../support/db.ts'
import { setupTestApp } from '../support/app.ts'
import { warmParticipants, warmPartnerships } from '../support/documents.ts'

const SEEDED_ON = '2026-11-23'
const t = await setupTestApp()
const seeded = await inTransaction(t.db, (tx) => seedDataSet(tx, { seed: 1, seedingDate: SEEDED_ON }))
const lp = seeded.lead_providers[0]!

const page = (perPage: number, number: number) => ({ page: number, perPage, offset: (number - 1) * perPage, beyondEnd: false })

async function get(url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${lp.token}`, 'x-with-server-date': `${SEEDED_ON}T12:00:00Z` } })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { data: { id: string }[] }
}

/** The lead provider's documents not built for the seeding date. */
async function staleCount(table: 'participant_documents' | 'partnership_documents'): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}
    WHERE lead_provider_id = ${lp.id} AND NOT (valid_from <= ${SEEDED_ON}::date AND valid_until > ${SEEDED_ON}::date)`.execute(t.db)
  return rows[0]!.n
}

/** The participant keys pending in the log for the lead provider's members. */
async function pendingKeys(): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM document_invalidations i
    WHERE i.kind = 'participant' AND EXISTS (SELECT 1 FROM participant_documents d WHERE d.lead_provider_id = ${lp.id} AND d.teacher_id = i.id)`.execute(t.db)
  return rows[0]!.n
}

const members = async (table: 'participant_documents' | 'partnership_documents') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('lead_provider_id', '=', lp.id).executeTakeFirstOrThrow()).n)

describe('Q-4 during a rebuild: a page built from its own documents', () => {
  it('R-39: the lead provider renamed, every participant document stale: page 2 of 5 builds its 5 and equals the derivation', async () => {
    await warmParticipants(t.db, SEEDED_ON)
    const all = await members('participant_documents')
    expect(all).toBeGreaterThan(10)
    await t.db.updateTable('lead_providers').set({ name: sql`name || ' (renamed)'` }).where('id', '=', lp.id).execute()

    const body = await get('/api/v3/participants?page[per_page]=5&page[page]=2')
    const derivation = (await listParticipants(t.db, lp.id, { today: SEEDED_ON, page: page(5, 2) })).map((row) => serializeParticipant(row, SEEDED_ON))
    expect(body).toEqual({ data: derivation })
    expect(body.data).toHaveLength(5)
    // The page took only its own 5 keys from the log and built their documents; the rest wait in the log.
    expect(await pendingKeys()).toBe(all - 5)
    expect(await staleCount('participant_documents')).toBe(0)

    // Another page builds its own too, and one already built is read as it is.
    expect((await get('/api/v3/participants?page[per_page]=5&page[page]=1')).data).toHaveLength(5)
    expect(await pendingKeys()).toBe(all - 10)
    expect(await get('/api/v3/participants?page[per_page]=5&page[page]=2')).toEqual(body)
  })

  it('R-39: after a migration that changes the documents\' shape (every one stale), concurrent requests for a page agree with the derivation', async () => {
    await warmParticipants(t.db, SEEDED_ON)
    await sql`UPDATE participant_documents SET version = version + 1, valid_until = '-infinity' WHERE lead_provider_id = ${lp.id}`.execute(t.db)
    const bodies = await Promise.all(Array.from({ length: 4 }, () => get('/api/v3/participants?page[per_page]=3000')))
    const derivation = (await listParticipants(t.db, lp.id, { today: SEEDED_ON, page: page(3000, 1) })).map((row) => serializeParticipant(row, SEEDED_ON))
    for (const body of bodies) expect(body).toEqual({ data: derivation })
    expect(await staleCount('participant_documents')).toBe(0)
  })

  it('R-39: a filtered page still needs the whole scope built: with the documents stale it is the derivation\'s answer', async () => {
    await warmParticipants(t.db, SEEDED_ON)
    await sql`UPDATE participant_documents SET version = version + 1, valid_until = '-infinity' WHERE lead_provider_id = ${lp.id}`.execute(t.db)
    const body = await get('/api/v3/participants?page[per_page]=5&filter[training_status]=active')
    const derivation = (await listParticipants(t.db, lp.id, { today: SEEDED_ON, trainingStatus: 'active', page: page(5, 1) })).map((row) => serializeParticipant(row, SEEDED_ON))
    expect(body).toEqual({ data: derivation })
  })

  it('P-49: partnerships after a migration that changes their shape: a page of 2 builds its 2 and equals the derivation', async () => {
    await warmPartnerships(t.db, SEEDED_ON)
    const all = await members('partnership_documents')
    expect(all).toBeGreaterThan(2)
    await sql`UPDATE partnership_documents SET version = version + 1, valid_until = '-infinity' WHERE lead_provider_id = ${lp.id}`.execute(t.db)
    const body = await get('/api/v3/partnerships?page[per_page]=2')
    const request = { cohorts: null, deliveryPartnerIds: null, updatedSince: null, sort: [], page: page(2, 1) }
    expect(body).toEqual({ data: (await listPartnerships(t.db, lp.id, SEEDED_ON, request)).map(serializePartnership) })
    expect(await staleCount('partnership_documents')).toBe(all - 2)
  })

  /** participantDocuments.derive recording each call's start and end with its number of keys, the calls of at most `holdUpTo` keys held `holdMs`. */
  function recordDerivations(holdUpTo = 0, holdMs = 0) {
    const derive = participantDocuments.derive
    const events: string[] = []
    let firstHeld: () => void = () => {}
    const held = new Promise<void>((resolve) => (firstHeld = resolve))
    participantDocuments.derive = async (db, scope, today, keys, columns) => {
      events.push(`start ${keys.length}`)
      if (keys.length <= holdUpTo) {
        firstHeld()
        await new Promise((resolve) => setTimeout(resolve, holdMs))
      }
      try {
        return await derive.call(participantDocuments, db, scope, today, keys, columns)
      } finally {
        events.push(`end ${keys.length}`)
      }
    }
    return { events, held, restore: () => void (participantDocuments.derive = derive) }
  }

  const markAllStale = () => sql`UPDATE participant_documents SET version = version + 1, valid_until = '-infinity' WHERE lead_provider_id = ${lp.id}`.execute(t.db)
  const derivedPage = async (perPage: number) =>
    ({ data: (await listParticipants(t.db, lp.id, { today: SEEDED_ON, page: page(perPage, 1) })).map((row) => serializeParticipant(row, SEEDED_ON)) })

  it('Q-4 during a rebuild: a page of more than pageBuilding.small stale documents is built in up to pageBuilding.parts parts at once, each of at least pageBuilding.small, and equals the derivation', async () => {
    await warmParticipants(t.db, SEEDED_ON)
    await markAllStale()
    pageBuilding.small = 2
    const { events, restore } = recordDerivations()
    try {
      expect(await get('/api/v3/participants?page[per_page]=10')).toEqual(await derivedPage(10))
    } finally {
      restore()
      pageBuilding.small = 500
    }
    // Ten documents, parts of at least two: four parts (pageBuilding.parts), of two or three.
    expect(events.filter((e) => e.startsWith('start')).sort()).toEqual(['start 2', 'start 2', 'start 3', 'start 3'])
  })

  it('Q-4 during a rebuild: a large page\'s build waits for a small page\'s build under way; the warm-up waits for both', async () => {
    await warmParticipants(t.db, SEEDED_ON)
    await markAllStale()
    pageBuilding.small = 3
    const { events, held, restore } = recordDerivations(3, 150)
    try {
      const small = get('/api/v3/participants?page[per_page]=3')
      await held
      const [smallBody, largeBody, built] = await Promise.all([small, get('/api/v3/participants?page[per_page]=10'), warmAllDocuments(t.db, SEEDED_ON)])
      expect(smallBody).toEqual(await derivedPage(3))
      expect(largeBody).toEqual(await derivedPage(10))
      expect(built.participants).toBeGreaterThan(0)
    } finally {
      restore()
      pageBuilding.small = 500
    }
    // The small page's derivation ends before any other starts: the large page's parts, then the
    // warm-up's steps (which also wait for the large page's build).
    expect(events.slice(0, 2)).toEqual(['start 3', 'end 3'])
    const warmUpStart = events.findIndex((e) => Number(e.split(' ')[1]) > 5)
    const largeEnds = events.map((e, i) => [e, i] as const).filter(([e]) => e.startsWith('end') && Number(e.split(' ')[1]) <= 5 && e !== 'end 3').map(([, i]) => i)
    expect(largeEnds.length).toBeGreaterThan(0)
    expect(warmUpStart).toBeGreaterThan(Math.max(...largeEnds))
  })

  it('Q-4: the warm-up counts every document it builds, both workers\' (one count was lost to `+= await`)', async () => {
    await sql`UPDATE participant_documents SET version = version + 1, valid_until = '-infinity'`.execute(t.db)
    await sql`UPDATE partnership_documents SET version = version + 1, valid_until = '-infinity'`.execute(t.db)
    const count = async (table: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.db)).rows[0]!.n
    const built = await warmAllDocuments(t.db, SEEDED_ON, undefined, 2)
    expect(built.participants).toBe(await count('participant_documents'))
    expect(built.partnerships).toBe(await count('partnership_documents'))
  })

  it('Q-4 under writes: a warm-up run consumes the log first, then builds only the scopes with stale documents', async () => {
    await warmAllDocuments(t.db, SEEDED_ON)
    const [doc] = (await sql<{ teacher_id: string }>`SELECT teacher_id FROM participant_documents WHERE lead_provider_id = ${lp.id} LIMIT 1`.execute(t.db)).rows
    const { rows: [counts] } = await sql<{ participants: number; partnerships: number }>`SELECT
      (SELECT count(*)::int FROM participant_documents WHERE teacher_id = ${doc!.teacher_id}) AS participants,
      (SELECT count(*)::int FROM partnership_documents WHERE partnership_id IN (SELECT partnership_id FROM training_periods WHERE teacher_id = ${doc!.teacher_id})) AS partnerships`.execute(t.db)
    expect(counts!.participants).toBeGreaterThan(0)
    // A write logs the teacher's keys (its participant documents, its partnerships' P-35 dates);
    // no document is marked until the log is consumed.
    await sql`UPDATE teachers SET first_name = first_name || 'e' WHERE id = ${doc!.teacher_id}`.execute(t.db)
    expect(await staleScopes(t.db, participantDocuments, [lp.id], SEEDED_ON)).toEqual([])
    expect(await warmAllDocuments(t.db, SEEDED_ON)).toEqual({ ...counts, schools: 0 })
    expect(await pendingKeys()).toBe(0)
    expect(await staleCount('participant_documents')).toBe(0)
  })

  it('Q-4 under writes: the scopes with a stale document, in the order asked, and none when all are built', async () => {
    await warmAllDocuments(t.db, SEEDED_ON)
    const [other, third] = seeded.lead_providers.slice(1).map((p) => p.id)
    expect(await staleScopes(t.db, participantDocuments, [other!, third!, lp.id], SEEDED_ON)).toEqual([])
    // One built for another window (valid_from ahead of the date) and one marked stale.
    await sql`UPDATE participant_documents SET valid_from = ${SEEDED_ON}::date + 1 WHERE teacher_id = (SELECT teacher_id FROM participant_documents WHERE lead_provider_id = ${other!} LIMIT 1) AND lead_provider_id = ${other!}`.execute(t.db)
    await sql`UPDATE participant_documents SET version = version + 1, valid_until = '-infinity' WHERE teacher_id = (SELECT teacher_id FROM participant_documents WHERE lead_provider_id = ${lp.id} LIMIT 1) AND lead_provider_id = ${lp.id}`.execute(t.db)
    expect(await staleScopes(t.db, participantDocuments, [other!, third!, lp.id], SEEDED_ON)).toEqual([other, lp.id])
    expect(await staleScopes(t.db, participantDocuments, [lp.id, other!], SEEDED_ON)).toEqual([lp.id, other])
    await warmAllDocuments(t.db, SEEDED_ON)
    expect(await staleScopes(t.db, participantDocuments, [other!, third!, lp.id], SEEDED_ON)).toEqual([])
  })

  it.skipIf(!onPostgres)('Q-7: pages streamed as bytes (every page size here) frame and measure every page as the derivation has it, first, middle and filtered', async () => {
    await warmParticipants(t.db, SEEDED_ON)
    await warmPartnerships(t.db, SEEDED_ON)
    // Pieces of 4 documents, numbered from the page's offset: the 2nd page of 5 starts in the 2nd piece.
    streaming.from = 2
    streaming.perPiece = 4
    try {
      for (const [url, options] of [
        ['/api/v3/participants?page[per_page]=3&page[page]=1', { today: SEEDED_ON, page: page(3, 1) }],
        ['/api/v3/participants?page[per_page]=5&page[page]=2', { today: SEEDED_ON, page: page(5, 2) }],
        ['/api/v3/participants?page[per_page]=7&page[page]=3', { today: SEEDED_ON, page: page(7, 3) }],
        ['/api/v3/participants?page[per_page]=50&page[page]=1', { today: SEEDED_ON, page: page(50, 1) }],
        ['/api/v3/participants?page[per_page]=4&page[page]=2&filter[training_status]=active', { today: SEEDED_ON, trainingStatus: 'active' as const, page: page(4, 2) }],
      ] as const) {
        const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${lp.token}`, 'x-with-server-date': `${SEEDED_ON}T12:00:00Z` } })
        expect(res.statusCode, url).toBe(200)
        expect(Number(res.headers['content-length']), url).toBe(res.rawPayload.length)
        const derivation = (await listParticipants(t.db, lp.id, options)).map((row) => serializeParticipant(row, SEEDED_ON))
        expect(derivation.length, url).toBeGreaterThan(0)
        expect(res.json(), url).toEqual({ data: derivation })
      }
      const request = { cohorts: null, deliveryPartnerIds: null, updatedSince: null, sort: [], page: page(2, 2) }
      expect(await get('/api/v3/partnerships?page[per_page]=2&page[page]=2')).toEqual({ data: (await listPartnerships(t.db, lp.id, SEEDED_ON, request)).map(serializePartnership) })
    } finally {
      streaming.from = 500
      streaming.perPiece = 40
    }
  })
})
