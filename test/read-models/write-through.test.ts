// Q-4 mixed row: a command's transaction builds the participant documents its writes changed
// (src/read-models/write-through.ts), and requests meeting the same scope state share a page read
// under way (page-copies.ts).
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { sql, type KyselyPlugin } from 'kysely'
import { inTransaction, whenCommitting, type Tx } from '../../src/db/transaction.ts'
import { seedDataSet } from '../../src/sandbox/seed.ts'
import { listParticipants } from '../../src/api/v3/participants/query.ts'
import { serializeParticipant } from '../../src/api/v3/participants/serialize.ts'
import { consumeAll } from '../../src/read-models/log.ts'
import { participantDocuments } from '../../src/read-models/participants.ts'
import { buildWhenWriting, buildWritten, writeThrough } from '../../src/read-models/write-through.ts'
import { setupTestApp } from '../support/app.ts'
import { countingApp } from '../support/count-statements.ts'
import { onPostgres } from '../support/db.ts'
import { warmParticipants } from '../support/documents.ts'

const SEEDED_ON = '2026-11-23'
const t = await setupTestApp()
const seeded = await inTransaction(t.db, (tx) => seedDataSet(tx, { seed: 1, seedingDate: SEEDED_ON }))
const lp = seeded.lead_providers[0]!
buildWhenWriting(t.db, () => SEEDED_ON)
afterAll(() => whenCommitting(t.db, null))

const headers = { authorization: `Bearer ${lp.token}`, 'x-with-server-date': `${SEEDED_ON}T12:00:00Z` }

/** The keys pending in the log for `id`. */
const logged = async (id: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM document_invalidations WHERE id = ${id}`.execute(t.db)).rows[0]!.n

/** The lead provider's stored document of `id`: its text and whether it is built for the seeding date. */
async function document(id: string): Promise<{ body: string | null; built: boolean }> {
  const { rows } = await sql<{ body: string | null; built: boolean }>`
    SELECT body, valid_from <= ${SEEDED_ON}::date AND valid_until > ${SEEDED_ON}::date AS built
    FROM participant_documents WHERE lead_provider_id = ${lp.id} AND teacher_id = ${id}`.execute(t.db)
  return rows[0]!
}

const derived = async (id: string) =>
  JSON.stringify(serializeParticipant((await listParticipants(t.db, lp.id, { today: SEEDED_ON, id }))[0]!, SEEDED_ON))

/** Members of the lead provider's feed with an active ECT period, from the documents. */
async function active(n: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT d.teacher_id AS id FROM participant_documents d
    WHERE d.lead_provider_id = ${lp.id} AND EXISTS (SELECT 1 FROM training_periods tp WHERE tp.teacher_id = d.teacher_id
      AND tp.lead_provider_id = ${lp.id} AND tp.role = 'ect' AND tp.finished_on IS NULL AND tp.withdrawn_at IS NULL AND tp.deferred_at IS NULL
      AND tp.started_on < ${SEEDED_ON}::date)
    ORDER BY d.created_at, d.teacher_id LIMIT ${n}`.execute(t.db)
  return rows.map((r) => r.id)
}

beforeEach(async () => {
  await consumeAll(t.db)
  await warmParticipants(t.db, SEEDED_ON)
})

describe('Q-4 mixed row: a command builds the participant documents it changed before it commits', () => {
  it('D-12, R-39: a withdraw over HTTP leaves no key pending; the document is built for the day and is the derivation\'s; the poll shows it', async () => {
    const [id] = await active(1)
    const res = await t.app.inject({
      method: 'PUT', url: `/api/v3/participants/${id}/withdraw`, headers,
      payload: { data: { type: 'participant-withdraw', attributes: { reason: 'left-teaching-profession', course_identifier: 'ecf-induction' } } },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(await logged(id!)).toBe(0)
    expect(await document(id!)).toEqual({ body: await derived(id!), built: true })
    expect(JSON.parse((await document(id!)).body!).attributes.ecf_enrolments[0].training_status).toBe('withdrawn')
    const poll = await t.app.inject({ method: 'GET', url: `/api/v3/participants/${id}`, headers })
    expect(poll.json()).toEqual({ data: JSON.parse((await document(id!)).body!) })
  })

  it('Q-4: with more participant keys pending than a write builds (writeThrough.atMost), it builds none and leaves every key to the warm-up', async () => {
    const ids = await active(3)
    const atMost = writeThrough.atMost
    writeThrough.atMost = 2
    try {
      await inTransaction(t.db, (tx) => tx.updateTable('teachers').set({ first_name: 'Many' }).where('id', 'in', ids).execute())
    } finally {
      writeThrough.atMost = atMost
    }
    for (const id of ids) expect([await logged(id), (await document(id)).built]).toEqual([1, true])
    await consumeAll(t.db)
    for (const id of ids) expect((await document(id)).built).toBe(false)
  })

  it('Q-4: a committed key nobody else is taking is built by the next command too', async () => {
    const [first, second] = await active(2)
    // A write outside a command (no transaction of inTransaction): its key stays pending.
    await t.db.updateTable('teachers').set({ first_name: 'Left' }).where('id', '=', first!).execute()
    expect(await logged(first!)).toBe(1)
    await inTransaction(t.db, (tx) => tx.updateTable('teachers').set({ first_name: 'Next' }).where('id', '=', second!).execute())
    for (const id of [first!, second!]) expect([await logged(id), await document(id)]).toEqual([0, { body: await derived(id), built: true }])
  })

  it.skipIf(!onPostgres)('Q-11: a document another command marked after this one derived it is not stored from that derivation: it stays stale, and a read shows both writes', async () => {
    const [id] = await active(1)
    const derive = participantDocuments.derive
    let calls = 0
    // The first command derives (holding no document row); before it takes its keys a second
    // command defers the same participant, builds the document and commits.
    participantDocuments.derive = async (...args) => {
      const result = await derive(...args)
      if (++calls === 1) {
        await inTransaction(t.db, (tx) => tx.updateTable('training_periods').set({ deferred_at: new Date(`${SEEDED_ON}T11:00:00Z`), deferral_reason: 'career-break' })
          .where('teacher_id', '=', id!).where('lead_provider_id', '=', lp.id).execute())
      }
      return result
    }
    try {
      await inTransaction(t.db, (tx) => tx.updateTable('teachers').set({ first_name: 'First' }).where('id', '=', id!).execute())
    } finally {
      participantDocuments.derive = derive
    }
    expect(calls).toBe(2)
    // Without the check its derivation (before the deferral) would be stored: built, 'active'.
    expect([await logged(id!), (await document(id!)).built]).toEqual([0, false])
    const shown = await t.app.inject({ method: 'GET', url: `/api/v3/participants/${id}`, headers })
    const attributes = shown.json().data.attributes
    expect([attributes.full_name.split(' ')[0], attributes.ecf_enrolments[0].training_status]).toEqual(['First', 'deferred'])
    expect(shown.json()).toEqual({ data: JSON.parse(await derived(id!)) })
  })

  it('Q-4: a command derives its participants on generic plans, planned once for any ids, never for each command\'s values', async () => {
    const ids = await active(4)
    /** How often the derivation's prepared statements on this transaction's connection were planned for their values, and run on a generic plan. */
    const plans = async (tx: Tx) => (await sql<{ custom: number; generic: number }>`
      SELECT coalesce(sum(custom_plans), 0)::int AS custom, coalesce(sum(generic_plans), 0)::int AS generic FROM pg_prepared_statements
      WHERE (statement LIKE '%"members" as (select "t"."id", "t"."created_at" from "teachers"%' OR statement LIKE '%WITH feed AS%')
        AND statement NOT LIKE '%pg_prepared_statements%'`.execute(tx)).rows[0]!
    const mode = async (tx: Tx) => (await sql<{ mode: string }>`SELECT current_setting('plan_cache_mode') AS mode`.execute(tx)).rows[0]!.mode
    const { before, after, built, modes } = await t.db.transaction().execute(async (tx) => {
      const before = await plans(tx)
      const modes = [await mode(tx)]
      let built = 0
      for (const id of ids) {
        await tx.updateTable('teachers').set({ first_name: 'Generic' }).where('id', '=', id).execute()
        built += await buildWritten(tx, SEEDED_ON)
      }
      modes.push(await mode(tx))
      return { before, after: await plans(tx), built, modes }
    })
    expect(built).toBe(4)
    // For the command's transaction only (SET LOCAL): reads and the warm-up plan as PostgreSQL judges best.
    modes.push(await t.db.transaction().execute(mode))
    expect(modes).toEqual(['auto', 'force_generic_plan', 'auto'])
    // The feed's and the transfers' statements, four times each; planned for their values (the
    // first five runs of a statement, and every run the planner then judged worth it) these
    // took 4–6 ms of planning each on the national data set.
    expect({ custom: after.custom - before.custom, generic: after.generic - before.generic }).toEqual({ custom: 0, generic: 8 })
  })

  it('Q-4: buildWritten in a transaction with no participant key pending runs one statement and builds nothing', async () => {
    const statements: string[] = []
    const recorder: KyselyPlugin = {
      transformQuery: (args) => (statements.push(args.node.kind), args.node),
      transformResult: async (args) => args.result,
    }
    const built = await t.db.withPlugin(recorder).transaction().execute((tx) => buildWritten(tx, SEEDED_ON))
    expect([built, statements.length]).toEqual([0, 1])
  })
})

describe('Q-4 mixed row: requests meeting the same scope state share the page read under way', () => {
  it('R-39: six polls arriving together after a command built its document read the page once, each answer the derivation\'s', async () => {
    const counting = await countingApp(t.db, headers)
    const { app } = counting
    try {
      const since = new Date(`${SEEDED_ON}T10:00:00Z`)
      const url = `/api/v3/participants?page[per_page]=50&filter[updated_since]=${since.toISOString()}`
      const [id] = await active(1)
      await inTransaction(t.db, (tx) => tx.updateTable('teachers').set({ first_name: 'Polled', updated_at: new Date(`${SEEDED_ON}T11:00:00Z`) }).where('id', '=', id!).execute())
      // Asked for once, so the page is kept as a copy from now on (page-copies.ts).
      expect((await app.inject({ method: 'GET', url, headers })).statusCode).toBe(200)
      await inTransaction(t.db, (tx) => tx.updateTable('teachers').set({ first_name: 'Again', updated_at: new Date(`${SEEDED_ON}T11:30:00Z`) }).where('id', '=', id!).execute())
      expect(await logged(id!)).toBe(0)
      const { answers: polls, sql: executed } = await counting.statementsDuring(() => Promise.all(Array.from({ length: 6 }, () => app.inject({ method: 'GET', url, headers }))))
      const pageReads = executed.filter((text) => /string_agg\(x\.body/.test(text)).length
      const expected = { data: (await listParticipants(t.db, lp.id, { today: SEEDED_ON, updatedSince: since, page: { page: 1, perPage: 50, offset: 0, beyondEnd: false } })).map((r) => serializeParticipant(r, SEEDED_ON)) }
      for (const poll of polls) expect(poll.json()).toEqual(expected)
      expect(expected.data.find((d) => d.id === id)?.attributes.full_name).toMatch(/^Again /)
      // Without sharing, each of the six read it (the copy is kept only once a read has ended).
      expect(pageReads).toBe(1)
    } finally {
      await counting.close()
    }
  })
})
