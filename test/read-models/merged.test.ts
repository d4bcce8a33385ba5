// Q-4 under writes (the mixed row): with a warm-up to build them (serve-start.ts), a filtered list
// read that finds a few of its scope's documents stale derives those few itself, on the snapshot
// of the documents it reads, and answers without waiting for a build: the answer equals the
// derivation (R-39, P-49, P-43), nothing is stored by the read, and the warm-up is woken.
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { sql, type KyselyPlugin } from 'kysely'
import { inTransaction } from '../../src/db/transaction.ts'
import { seedDataSet } from '../../src/sandbox/seed.ts'
import { listParticipants, type FeedOptions } from '../../src/api/v3/participants/query.ts'
import { serializeParticipant } from '../../src/api/v3/participants/serialize.ts'
import { participantTransfers } from '../../src/api/v3/participant-transfers/query.ts'
import { serializeParticipantTransfer } from '../../src/api/v3/participant-transfers/serialize.ts'
import { listPartnerships } from '../../src/api/v3/partnerships/query.ts'
import { serializePartnership } from '../../src/api/v3/partnerships/serialize.ts'
import { listSchools } from '../../src/api/v3/schools/query.ts'
import { serializeSchool } from '../../src/api/v3/schools/serialize.ts'
import { derivationsKept, merging, whenDocumentsStale } from '../../src/read-models/merged.ts'
import { consumeAll } from '../../src/read-models/log.ts'
import { participantDocuments } from '../../src/read-models/participants.ts'
import { setupTestApp } from '../support/app.ts'
import { countingApp } from '../support/count-statements.ts'
import { warmParticipants, warmPartnerships, warmSchools } from '../support/documents.ts'
import * as p from '../support/factories-participants.ts'

const SEEDED_ON = '2026-11-23'
const t = await setupTestApp()
const seeded = await inTransaction(t.db, (tx) => seedDataSet(tx, { seed: 1, seedingDate: SEEDED_ON }))
const lp = seeded.lead_providers[0]!
let wakes = 0
whenDocumentsStale(t.db, () => void wakes++)
afterAll(() => whenDocumentsStale(t.db, () => {}))

const page = (perPage: number, number = 1) => ({ page: number, perPage, offset: (number - 1) * perPage, beyondEnd: false })

async function get(url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${lp.token}`, 'x-with-server-date': `${SEEDED_ON}T12:00:00Z` } })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { data: { id: string; attributes: Record<string, unknown> }[] }
}

const participantsDerived = async (options: Omit<FeedOptions, 'today'>) =>
  ({ data: (await listParticipants(t.db, lp.id, { today: SEEDED_ON, ...options })).map((row) => serializeParticipant(row, SEEDED_ON)) })

/** Documents of the lead provider not built for the seeding date. */
async function stale(table: 'participant_documents' | 'partnership_documents'): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}
    WHERE lead_provider_id = ${lp.id} AND NOT (valid_from <= ${SEEDED_ON}::date AND valid_until > ${SEEDED_ON}::date)`.execute(t.db)
  return rows[0]!.n
}

/** The keys pending in the log for `id`. */
const logged = async (id: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM document_invalidations WHERE id = ${id}`.execute(t.db)).rows[0]!.n

/** A member of the lead provider's feed, from its documents. */
async function member(): Promise<string> {
  const row = await t.db.selectFrom('participant_documents').select('teacher_id').where('lead_provider_id', '=', lp.id).orderBy('created_at').executeTakeFirstOrThrow()
  return row.teacher_id
}

beforeEach(async () => {
  await warmParticipants(t.db, SEEDED_ON)
  await warmPartnerships(t.db, SEEDED_ON)
  wakes = 0
})

describe('Q-4 under writes: a read derives its few stale documents itself', () => {
  it('R-39: a participant written since, under filter[updated_since]: the answer is the derivation\'s, the document is not stored, the warm-up is woken', async () => {
    const id = await member()
    await t.db.updateTable('teachers').set({ first_name: 'Merged', updated_at: new Date(`${SEEDED_ON}T11:00:00Z`) }).where('id', '=', id).execute()
    expect(await logged(id)).toBe(1)

    const since = new Date(`${SEEDED_ON}T10:00:00Z`)
    const body = await get(`/api/v3/participants?page[per_page]=50&filter[updated_since]=${since.toISOString()}`)
    expect(body).toEqual(await participantsDerived({ updatedSince: since, page: page(50) }))
    expect(body.data.find((d) => d.id === id)?.attributes.full_name).toMatch(/^Merged /)
    // The read stored nothing: the key is still pending, for the warm-up it woke.
    expect(await logged(id)).toBe(1)
    expect(wakes).toBe(1)
  })

  it('Q-4: identical reads arriving together share one merged read (coalesce.ts): two derivations for six reads, each answer the derivation\'s', async () => {
    // No derivation kept between reads (mergedDocuments), so each merged read derives.
    const kept = derivationsKept.atMost
    derivationsKept.atMost = 0
    const id = await member()
    await t.db.updateTable('teachers').set({ first_name: 'Shared', updated_at: new Date(`${SEEDED_ON}T11:00:00Z`) }).where('id', '=', id).execute()
    const since = new Date(`${SEEDED_ON}T10:00:00Z`)
    const derive = participantDocuments.derive
    let derivations = 0
    // The first run is held a moment, so the other five arrive while it runs on either database.
    participantDocuments.derive = async (...args) => {
      if (++derivations === 1) await new Promise((resolve) => setTimeout(resolve, 200))
      return derive(...args)
    }
    try {
      const bodies = await Promise.all(Array.from({ length: 6 }, () => get(`/api/v3/participants?page[per_page]=50&filter[updated_since]=${since.toISOString()}`)))
      const expected = await participantsDerived({ updatedSince: since, page: page(50) })
      for (const body of bodies) expect(body).toEqual(expected)
      // The first read runs at once; the five arriving while it runs share the next (without
      // coalescing, six).
      expect(derivations).toBe(2)
    } finally {
      participantDocuments.derive = derive
      derivationsKept.atMost = kept
    }
    expect(await logged(id)).toBe(1)
  })

  it('Q-4 mixed row: a document a merged read derived is derived again only once a write reaches it, not when the warm-up consumes its key; each answer the derivation\'s', async () => {
    const id = await member()
    const since = new Date(`${SEEDED_ON}T10:00:00Z`)
    const url = `/api/v3/participants?page[per_page]=50&filter[updated_since]=${since.toISOString()}`
    const derive = participantDocuments.derive
    const derived: string[][] = []
    participantDocuments.derive = (db, scope, today, keys, columns) => (derived.push(keys), derive.call(participantDocuments, db, scope, today, keys, columns))
    const answers: string[] = []
    const read = async () => {
      const body = await get(url)
      expect(body).toEqual(await participantsDerived({ updatedSince: since, page: page(50) }))
      answers.push(String(body.data.find((d) => d.id === id)?.attributes.full_name).split(' ')[0]!)
    }
    try {
      await t.db.updateTable('teachers').set({ first_name: 'Kept', updated_at: new Date(`${SEEDED_ON}T11:00:00Z`) }).where('id', '=', id).execute()
      await read()
      await read()
      expect(derived).toEqual([[id]])
      // A second write to it: its key again in the log, so the next read derives it again.
      await t.db.updateTable('teachers').set({ first_name: 'Written' }).where('id', '=', id).execute()
      await read()
      await read()
      expect(derived).toEqual([[id], [id]])
      // The log consumed: the document marked stale (a new version), the same writes counted.
      await consumeAll(t.db)
      expect(await logged(id)).toBe(0)
      await read()
      expect(derived).toEqual([[id], [id]])
      // A write consumed between two reads: counted, derived again.
      await t.db.updateTable('teachers').set({ first_name: 'Consumed' }).where('id', '=', id).execute()
      await consumeAll(t.db)
      await read()
      await read()
      expect(derived).toEqual([[id], [id], [id]])
    } finally {
      participantDocuments.derive = derive
    }
    expect(answers).toEqual(['Kept', 'Kept', 'Written', 'Written', 'Written', 'Consumed', 'Consumed'])
  })

  it('Q-4 mixed row, S-50: after the documents are truncated (a sandbox reset), a count equal to one seen before is not taken for the same writes', async () => {
    const id = await member()
    const since = new Date(`${SEEDED_ON}T10:00:00Z`)
    const url = `/api/v3/participants?page[per_page]=50&filter[updated_since]=${since.toISOString()}`
    const name = async () => String((await get(url)).data.find((d) => d.id === id)?.attributes.full_name).split(' ')[0]
    // The document's count set to 0, so that after the reset the same count comes again.
    await sql`UPDATE participant_documents SET logged = 0 WHERE teacher_id = ${id}`.execute(t.db)
    await t.db.updateTable('teachers').set({ first_name: 'Before', updated_at: new Date(`${SEEDED_ON}T11:00:00Z`) }).where('id', '=', id).execute()
    expect(await name()).toBe('Before')
    await sql`TRUNCATE participant_documents`.execute(t.db)
    await sql`SELECT documents_add_members()`.execute(t.db)
    await consumeAll(t.db)
    await warmParticipants(t.db, SEEDED_ON)
    await sql`UPDATE participant_documents SET logged = 0 WHERE teacher_id = ${id}`.execute(t.db)
    await t.db.updateTable('teachers').set({ first_name: 'After' }).where('id', '=', id).execute()
    expect(await name()).toBe('After')
    expect(await get(url)).toEqual(await participantsDerived({ updatedSince: since, page: page(50) }))
  })

  it('Q-4 mixed row: a pending key with no document of the scope (another lead provider\'s participant) is derived by every read; derivations kept are bounded (derivationsKept.atMost)', async () => {
    const other = seeded.lead_providers[1]!
    const { teacher_id: theirs } = await t.db.selectFrom('participant_documents').select('teacher_id').where('lead_provider_id', '=', other.id)
      .where('teacher_id', 'not in', t.db.selectFrom('participant_documents').select('teacher_id').where('lead_provider_id', '=', lp.id)).orderBy('created_at').executeTakeFirstOrThrow()
    const [mine, alsoMine] = await t.db.selectFrom('participant_documents').select('teacher_id').where('lead_provider_id', '=', lp.id).orderBy('created_at').limit(2).execute()
    const since = new Date(`${SEEDED_ON}T10:00:00Z`)
    const url = `/api/v3/participants?page[per_page]=50&filter[updated_since]=${since.toISOString()}`
    const derive = participantDocuments.derive
    const derived: string[][] = []
    participantDocuments.derive = (db, scope, today, keys, columns) => (derived.push([...keys].sort()), derive.call(participantDocuments, db, scope, today, keys, columns))
    const kept = derivationsKept.atMost
    try {
      await t.db.updateTable('teachers').set({ first_name: 'Theirs', updated_at: new Date(`${SEEDED_ON}T11:00:00Z`) }).where('id', '=', theirs).execute()
      for (let i = 0; i < 2; i++) expect(await get(url)).toEqual(await participantsDerived({ updatedSince: since, page: page(50) }))
      expect(derived).toEqual([[theirs], [theirs]])
      // One derivation kept: the first read derives all three; from then on only the last of the
      // two written is kept, so each read derives theirs and the other (unbounded: theirs alone).
      derivationsKept.atMost = 1
      derived.length = 0
      await t.db.updateTable('teachers').set({ updated_at: new Date(`${SEEDED_ON}T11:00:00Z`) }).where('id', 'in', [mine!.teacher_id, alsoMine!.teacher_id]).execute()
      for (let i = 0; i < 3; i++) expect(await get(url)).toEqual(await participantsDerived({ updatedSince: since, page: page(50) }))
      expect(derived.map((keys) => keys.length)).toEqual([3, 2, 2])
    } finally {
      participantDocuments.derive = derive
      derivationsKept.atMost = kept
    }
  })

  it('Q-4 mixed row: a key pending for the caller\'s scope, read with the token (C-5), sends a filtered page to the merged read without reading the documents first', async () => {
    const id = await member()
    await t.db.updateTable('teachers').set({ first_name: 'Direct', updated_at: new Date(`${SEEDED_ON}T11:00:00Z`) }).where('id', '=', id).execute()
    const since = new Date(`${SEEDED_ON}T10:00:00Z`)
    const counting = await countingApp(t.db, { authorization: `Bearer ${lp.token}`, 'x-with-server-date': `${SEEDED_ON}T12:00:00Z` })
    whenDocumentsStale(counting.db, () => {})
    try {
      const read = await counting.statementsFor(`/api/v3/participants?page[per_page]=50&filter[updated_since]=${since.toISOString()}`)
      expect(JSON.parse(read.body)).toEqual(await participantsDerived({ updatedSince: since, page: page(50) }))
      // The stale keys, the one derivation, the page over the documents with it in place.
      expect(read.sql.length).toBe(3)
      expect(read.sql[0]).toMatch(/FROM document_invalidations WHERE kind/)
    } finally {
      await counting.close()
    }
  })

  it('Q-4: a merged read derives only the columns its feed reads: a participants page one statement (no transfers, no days held for), a transfers page two', async () => {
    const id = await member()
    const since = new Date(`${SEEDED_ON}T10:00:00Z`)
    const derive = participantDocuments.derive
    const statements: number[] = []
    const counting = (): KyselyPlugin => {
      const at = statements.push(0) - 1
      // Counted by results: a statement's subqueries pass transformQuery too.
      return { transformQuery: (args) => args.node, transformResult: async (args) => (statements[at]!++, args.result) }
    }
    participantDocuments.derive = (db, ...rest) => derive.call(participantDocuments, db.withPlugin(counting()), ...rest)
    try {
      await t.db.updateTable('teachers').set({ first_name: 'Columns', updated_at: new Date(`${SEEDED_ON}T11:00:00Z`) }).where('id', '=', id).execute()
      expect(await get(`/api/v3/participants?page[per_page]=50&filter[updated_since]=${since.toISOString()}`)).toEqual(await participantsDerived({ updatedSince: since, page: page(50) }))
      await t.db.updateTable('teachers').set({ first_name: 'Columns again' }).where('id', '=', id).execute()
      await get(`/api/v3/participants/transfers?page[per_page]=50&filter[updated_since]=${since.toISOString()}`)
    } finally {
      participantDocuments.derive = derive
    }
    expect(statements).toEqual([1, 2])
  })

  it('R-32, R-39: a new participant with no document row yet is on a filtered page, as the derivation has it', async () => {
    const [partnership] = await t.db.selectFrom('partnerships').select(['id', 'school_id', 'cohort_year']).where('lead_provider_id', '=', lp.id).orderBy('id').limit(1).execute()
    const teacher = await p.teacher(t.db, { created_at: `${SEEDED_ON}T09:00:00Z` })
    const period = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: partnership!.school_id, started_on: '2026-09-01' })
    await p.trainingPeriod(t.db, period, { cohort: partnership!.cohort_year, lead_provider_id: lp.id, partnership_id: partnership!.id, started_on: '2026-09-01' })

    const body = await get('/api/v3/participants?page[per_page]=3000&filter[training_status]=active')
    expect(body).toEqual(await participantsDerived({ trainingStatus: 'active', page: page(3000) }))
    expect(body.data.map((d) => d.id)).toContain(teacher.id)
    const rows = await t.db.selectFrom('participant_documents').select('teacher_id').where('teacher_id', '=', teacher.id).execute()
    expect(rows).toEqual([])
  })

  it('R-39: sorted by updated_at, a participant written since moves as the derivation moves it', async () => {
    const id = await member()
    await t.db.updateTable('teachers').set({ updated_at: new Date(`${SEEDED_ON}T11:30:00Z`) }).where('id', '=', id).execute()
    const body = await get('/api/v3/participants?page[per_page]=20&sort=-updated_at&filter[training_status]=active')
    expect(body).toEqual(await participantsDerived({ trainingStatus: 'active', sort: [{ key: 'updated_at', direction: 'desc' }], page: page(20) }))
  })

  it('T-23, T-24: a transfer written since, under filter[updated_since]: the derivation\'s answer, the document left to the warm-up', async () => {
    const { teacher_id: id } = await t.db.selectFrom('participant_documents').select('teacher_id')
      .where('lead_provider_id', '=', lp.id).where('transfers_body', 'is not', null).orderBy('created_at').executeTakeFirstOrThrow()
    await t.db.updateTable('at_school_periods').set({ updated_at: new Date(`${SEEDED_ON}T11:00:00Z`) }).where('teacher_id', '=', id).execute()
    expect(await logged(id)).toBe(1)

    const since = new Date(`${SEEDED_ON}T10:00:00Z`)
    const body = await get(`/api/v3/participants/transfers?page[per_page]=50&filter[updated_since]=${since.toISOString()}`)
    const derived = await participantTransfers(t.db, lp.id, { today: SEEDED_ON, updatedSince: since, sort: [], page: page(50) })
    expect(body).toEqual({ data: derived.map(serializeParticipantTransfer) })
    expect(body.data.map((d) => d.id)).toContain(id)
    expect(await logged(id)).toBe(1)
    expect(wakes).toBe(1)
  })

  it('P-49: partnerships of one cohort after their delivery partner is renamed: the derivation\'s answer, none stored', async () => {
    const [one] = await t.db.selectFrom('partnerships').select(['delivery_partner_id', 'cohort_year']).where('lead_provider_id', '=', lp.id).orderBy('id').limit(1).execute()
    await t.db.updateTable('delivery_partners').set({ name: 'Merged Partnership Trust' }).where('id', '=', one!.delivery_partner_id).execute()
    const renamed = await t.db.selectFrom('partnerships').select('id').where('lead_provider_id', '=', lp.id).where('delivery_partner_id', '=', one!.delivery_partner_id).execute()
    expect(renamed.length).toBeGreaterThan(0)
    expect(renamed.length).toBeLessThanOrEqual(merging.atMost)

    const body = await get(`/api/v3/partnerships?page[per_page]=100&filter[cohort]=${one!.cohort_year}`)
    const request = { cohorts: [one!.cohort_year], deliveryPartnerIds: null, updatedSince: null, sort: [], page: page(100) }
    expect(body).toEqual({ data: (await listPartnerships(t.db, lp.id, SEEDED_ON, request)).map(serializePartnership) })
    expect(JSON.stringify(body)).toContain('Merged Partnership Trust')
    for (const { id } of renamed) expect(await logged(id)).toBe(1)
  })

  it('P-43: a school renamed: its cohort\'s schools feed by URN is the derivation\'s, the school documents left to the warm-up', async () => {
    const cohortYear = seeded.counts.cohorts > 0 ? (await t.db.selectFrom('cohorts').select('year').orderBy('year', 'desc').executeTakeFirstOrThrow()).year : 0
    await warmSchools(t.db, SEEDED_ON)
    const [school] = await listSchools(t.db, { leadProviderId: lp.id, cohortYear, today: SEEDED_ON }, { urn: null, updatedSince: null, sort: [], page: page(1) })
    await t.db.updateTable('schools').set({ name: 'Merged Academy' }).where('id', '=', school!.id).execute()

    const body = await get(`/api/v3/schools?filter[cohort]=${cohortYear}&filter[urn]=${school!.urn}`)
    const derived = await listSchools(t.db, { leadProviderId: lp.id, cohortYear, today: SEEDED_ON }, { urn: school!.urn, updatedSince: null, sort: [], page: page(100) })
    expect(body).toEqual({ data: derived.map(serializeSchool) })
    expect(body.data[0]!.attributes.name).toBe('Merged Academy')
    expect(await logged(school!.id)).toBe(1)
  })

  it('Q-4: a document both stale and pending in the log is derived once, its two rows counted against merging.atMost', async () => {
    const id = await member()
    await sql`UPDATE participant_documents SET version = version + 1, valid_until = '-infinity' WHERE lead_provider_id = ${lp.id} AND teacher_id = ${id}`.execute(t.db)
    await t.db.updateTable('teachers').set({ first_name: 'Twice', updated_at: new Date(`${SEEDED_ON}T11:00:00Z`) }).where('id', '=', id).execute()
    expect(await logged(id)).toBe(1)
    const since = new Date(`${SEEDED_ON}T10:00:00Z`)
    const url = `/api/v3/participants?page[per_page]=50&filter[updated_since]=${since.toISOString()}`
    const derive = participantDocuments.derive
    const derived: string[][] = []
    participantDocuments.derive = (db, scope, today, keys, columns) => (derived.push(keys), derive.call(participantDocuments, db, scope, today, keys, columns))
    const atMost = merging.atMost
    try {
      // Two rows, one key: merged, the key derived once, nothing stored.
      merging.atMost = 2
      const body = await get(url)
      expect(body).toEqual(await participantsDerived({ updatedSince: since, page: page(50) }))
      expect(body.data.find((d) => d.id === id)?.attributes.full_name).toMatch(/^Twice /)
      expect(derived).toEqual([[id]])
      expect(await stale('participant_documents')).toBe(1)
      // Two rows over a limit of one: the read builds first, as with too many stale.
      merging.atMost = 1
      expect(await get(url)).toEqual(await participantsDerived({ updatedSince: since, page: page(50) }))
      expect(await stale('participant_documents')).toBe(0)
    } finally {
      merging.atMost = atMost
      participantDocuments.derive = derive
    }
  })

  it('Q-4: with more stale than a read derives (merging.atMost), the read builds them first (as without a warm-up), answers from the documents and wakes the warm-up', async () => {
    await sql`UPDATE participant_documents SET version = version + 1, valid_until = '-infinity' WHERE lead_provider_id = ${lp.id}`.execute(t.db)
    const all = await stale('participant_documents')
    const atMost = merging.atMost
    merging.atMost = 5
    try {
      expect(all).toBeGreaterThan(merging.atMost)
      const body = await get('/api/v3/participants?page[per_page]=10&filter[training_status]=active')
      expect(body).toEqual(await participantsDerived({ trainingStatus: 'active', page: page(10) }))
    } finally {
      merging.atMost = atMost
    }
    expect(await stale('participant_documents')).toBe(0)
    // The warm-up is woken for the rest of the scope all the same.
    expect(wakes).toBe(1)
  })
})
