// a list page asked for again is served from the copy the process kept of it, only while, in
// a snapshot taken after the request came, its scope's documents are unchanged since the copy was
// read (document_scope_changes, 0019) and no key of the invalidation log is pending for the scope;
// otherwise it is read again. Every answer equals the documents' (and so the derivation's).
import { afterEach, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { digestOf, generateToken } from '../../src/domain/tokens/rules.ts'
import { inTransaction } from '../../src/db/transaction.ts'
import { seedDataSet } from '../../src/sandbox/seed.ts'
import { listParticipants } from '../../src/api/v3/participants/query.ts'
import { serializeParticipant } from '../../src/api/v3/participants/serialize.ts'
import { streaming } from '../../src/read-models/documents.ts'
import { pageCopying, servedFromCopies } from '../../src/read-models/page-copies.ts'
import { setupTestApp } from '../support/app.ts'
import { countingApp } from '../support/count-statements.ts'
import { onPostgres } from '../support/db.ts'
import { warmParticipants, warmPartnerships, warmSchools } from '../support/documents.ts'

const SEEDED_ON = '2026-11-23'
const t = await setupTestApp()
const seeded = await inTransaction(t.db, (tx) => seedDataSet(tx, { seed: 1, seedingDate: SEEDED_ON }))
const [lp, other] = [seeded.lead_providers[0]!, seeded.lead_providers[1]!]
const AT = { 'x-with-server-date': `${SEEDED_ON}T12:00:00Z` }
await warmParticipants(t.db, SEEDED_ON)
await warmPartnerships(t.db, SEEDED_ON)
await warmSchools(t.db, SEEDED_ON)

const defaults = { ...pageCopying }
const streamingFrom = streaming.from
afterEach(() => {
  Object.assign(pageCopying, defaults)
  streaming.from = streamingFrom
})

/** A fresh app (its own copies) recording the statements of each request, as `token`'s lead provider. */
const app = (token = lp.token) => countingApp(t.db, { authorization: `Bearer ${token}`, ...AT })
type Counting = Awaited<ReturnType<typeof app>>

async function withApp(use: (counting: Counting) => Promise<void>): Promise<void> {
  const counting = await app()
  try {
    await use(counting)
  } finally {
    await counting.close()
  }
}

/** The page asked for three times: read, read and copied, served from the copy. */
async function copied(counting: Counting, url: string): Promise<void> {
  for (let i = 0; i < 3; i++) await counting.statementsFor(url)
}

/**
 * Served from the copy: no page statement, and at most the one check (a list scoped by the
 * caller's lead provider has it read with the token: FastifyContextConfig.copiesChecked).
 */
const fromCopy = (statements: string[]) => statements.length === 0 || (statements.length === 1 && /FROM document_scope_changes/.test(statements[0]!))

const PARTICIPANTS = '/api/v3/participants?page[per_page]=50'
const derivedParticipants = async () =>
  JSON.stringify({ data: (await listParticipants(t.db, lp.id, { today: SEEDED_ON, page: { page: 1, perPage: 50, offset: 0, beyondEnd: false } })).map((row) => serializeParticipant(row, SEEDED_ON)) })

describe('Q-4: a page asked for again is served from its copy', () => {
  it.each([
    ['R-39 participants', PARTICIPANTS, true],
    ['R-39 participants, filtered', '/api/v3/participants?page[per_page]=20&filter[cohort]=2025&sort=-updated_at', true],
    ['T-23 transfers', '/api/v3/participants/transfers?page[per_page]=20', true],
    ['P-49 partnerships', '/api/v3/partnerships?page[per_page]=20', true],
    // A cohort's schools: the scope is the request's, not the token's.
    ['P-43 schools', '/api/v3/schools?filter[cohort]=2025&page[per_page]=20', false],
  ])('%s: read once, read and copied the second time, the third one check and the same bytes (the check read with the token: %s)', async (_, url, withToken) => {
    await withApp(async (counting) => {
      const first = await counting.statementsFor(url)
      const second = await counting.statementsFor(url)
      const third = await counting.statementsFor(url)
      expect([fromCopy(first.sql), fromCopy(second.sql), fromCopy(third.sql)]).toEqual([false, false, true])
      // The check, in the token's lookup or before the page, and the page read.
      expect(second.sql).toHaveLength(withToken ? 1 : 2)
      expect(third.sql).toHaveLength(withToken ? 0 : 1)
      expect(third.authentication).toHaveLength(1)
      expect(/FROM document_scope_changes/.test(third.authentication[0]!)).toBe(withToken)
      expect(servedFromCopies(counting.db)).toBe(1)
      expect(third.body).toBe(first.body)
      expect(third.rows).toBeGreaterThan(0)
    })
  })

  it('R-39: a write since the copy leaves its key in the log: the page is read again and shows the write', async () => {
    await withApp(async (counting) => {
      await copied(counting, PARTICIPANTS)
      const { teacher_id: id } = await t.db.selectFrom('participant_documents').select('teacher_id').where('lead_provider_id', '=', lp.id)
        .orderBy('created_at').orderBy('teacher_id').executeTakeFirstOrThrow()
      await t.db.updateTable('teachers').set({ first_name: 'Copied' }).where('id', '=', id).execute()
      const after = await counting.statementsFor(PARTICIPANTS)
      expect(fromCopy(after.sql)).toBe(false)
      expect(after.body).toContain('"full_name":"Copied ')
      expect(after.body).toBe(await derivedParticipants())
      // Once the page was read again, its new copy is served.
      await counting.statementsFor(PARTICIPANTS)
      expect(fromCopy((await counting.statementsFor(PARTICIPANTS)).sql)).toBe(true)
    })
  })

  it('Q-4: documents changed by a statement that logs nothing (a migration, a script): the copy is never served', async () => {
    await withApp(async (counting) => {
      await copied(counting, PARTICIPANTS)
      await sql`UPDATE participant_documents SET body = replace(body, '"full_name":"', '"full_name":"Rewritten ') WHERE lead_provider_id = ${lp.id}`.execute(t.db)
      const after = await counting.statementsFor(PARTICIPANTS)
      expect(fromCopy(after.sql)).toBe(false)
      expect(JSON.parse(after.body).data.every((d: { attributes: { full_name: string } }) => d.attributes.full_name.startsWith('Rewritten '))).toBe(true)
      // As a migration that changes their shape would: marked stale, so the request builds them again.
      await sql`UPDATE participant_documents SET version = version + 1, valid_until = '-infinity' WHERE lead_provider_id = ${lp.id}`.execute(t.db)
      const rebuilt = await counting.statementsFor(PARTICIPANTS)
      expect(rebuilt.body).toBe(await derivedParticipants())
    })
  })

  it('Q-4 during a rebuild, R-32: a page judged by its own documents keeps its copy while its own rows are unchanged, whatever else of the scope changes', async () => {
    const url = '/api/v3/participants?page[per_page]=10'
    const counting = await app()
    try {
      await copied(counting, url)
      const first = await counting.statementsFor(url)
      expect(fromCopy(first.sql)).toBe(true)
      const members = (await t.db.selectFrom('participant_documents').select('teacher_id').where('lead_provider_id', '=', lp.id)
        .orderBy('created_at').orderBy('teacher_id').execute()).map((r) => r.teacher_id)
      const [onPage, last] = [members[3]!, members[members.length - 1]!]
      // Another document of the scope stored again (as a build does): the scope changed, the page's rows did not.
      await sql`UPDATE participant_documents SET body = body WHERE lead_provider_id = ${lp.id} AND teacher_id = ${last}`.execute(t.db)
      const served = servedFromCopies(counting.db)
      const rebuilt = await counting.statementsFor(url)
      expect(rebuilt.sql).toHaveLength(1)
      expect(rebuilt.sql[0]).toMatch(/md5\(string_agg\(x\.stamp/)
      expect(servedFromCopies(counting.db)).toBe(served + 1)
      expect(rebuilt.body).toBe(first.body)
      // The scope's last change was taken from that check: the next request needs the one check again.
      expect(fromCopy((await counting.statementsFor(url)).sql)).toBe(true)
      // Another participant written (a key pending in the log, not one of the page's).
      await t.db.updateTable('teachers').set({ first_name: 'Elsewhere' }).where('id', '=', last).execute()
      const written = await counting.statementsFor(url)
      expect(servedFromCopies(counting.db)).toBe(served + 3)
      expect(written.body).toBe(first.body)
      // One of the page's own participants written: read again, with the write.
      await t.db.updateTable('teachers').set({ first_name: 'OnPage' }).where('id', '=', onPage).execute()
      const own = await counting.statementsFor(url)
      expect(servedFromCopies(counting.db)).toBe(served + 3)
      expect(own.body).toContain('"full_name":"OnPage ')
      // One of the page's documents changed by a statement that logs nothing.
      await counting.statementsFor(url)
      await sql`UPDATE participant_documents SET body = replace(body, '"full_name":"OnPage ', '"full_name":"Direct ') WHERE lead_provider_id = ${lp.id} AND teacher_id = ${onPage}`.execute(t.db)
      const direct = await counting.statementsFor(url)
      expect(direct.body).toContain('"full_name":"Direct ')
    } finally {
      await counting.close()
      // The documents as the data say again, for the tests after this one.
      await sql`UPDATE participant_documents SET version = version + 1, valid_until = '-infinity' WHERE lead_provider_id = ${lp.id}`.execute(t.db)
      await warmParticipants(t.db, SEEDED_ON)
    }
  })

  it('Q-4: a change rolled back changes nothing: the copy is still served', async () => {
    await withApp(async (counting) => {
      await copied(counting, PARTICIPANTS)
      await t.db.transaction().execute(async (tx) => {
        await sql`UPDATE participant_documents SET body = 'not JSON' WHERE lead_provider_id = ${lp.id}`.execute(tx)
        throw new Error('rolled back')
      }).catch(() => {})
      const after = await counting.statementsFor(PARTICIPANTS)
      expect(fromCopy(after.sql)).toBe(true)
      expect(after.body).toBe(await derivedParticipants())
    })
  })

  it('P-27, P-31: a copy is the caller\'s own: another lead provider asking for the same schools gets its own page', async () => {
    const url = '/api/v3/schools?filter[cohort]=2025&page[per_page]=50'
    const counting = await app()
    const alone = await app(other.token)
    try {
      await copied(counting, url)
      const theirs = await counting.statementsFor(url, undefined, { authorization: `Bearer ${other.token}` })
      expect(fromCopy(theirs.sql)).toBe(false)
      expect(theirs.body).toBe((await alone.statementsFor(url)).body)
    } finally {
      await counting.close()
      await alone.close()
    }
  })

  it('C-5: a token revoked after its lead provider\'s page was copied answers 401 at once; another of its tokens is served the copy', async () => {
    const [first, second] = [generateToken(), generateToken()]
    const ids = [randomUUID(), randomUUID()]
    await t.db.insertInto('lead_provider_tokens').values([first, second].map((token, i) => ({
      id: ids[i]!, lead_provider_id: lp.id, digest: digestOf(token), description: 'copies', created_at: new Date(`${SEEDED_ON}T09:00:00Z`),
    }))).execute()
    const counting = await app(first)
    try {
      await copied(counting, PARTICIPANTS)
      await t.db.updateTable('lead_provider_tokens').set({ revoked_at: new Date() }).where('id', '=', ids[0]!).execute()
      await expect(counting.statementsFor(PARTICIPANTS)).rejects.toThrow(/answered 401/)
      const other = await counting.statementsFor(PARTICIPANTS, undefined, { authorization: `Bearer ${second}` })
      expect(fromCopy(other.sql)).toBe(true)
      expect(other.body).toBe(await derivedParticipants())
    } finally {
      await counting.close()
    }
  })

  it('Q-4: another date is another page (X-With-Server-Date)', async () => {
    await withApp(async (counting) => {
      await copied(counting, PARTICIPANTS)
      const later = await counting.statementsFor(PARTICIPANTS, undefined, { 'x-with-server-date': '2026-11-24T12:00:00Z' })
      expect(fromCopy(later.sql)).toBe(false)
    })
  })

  it('Q-7: a page larger than pageCopying.maxPage is never copied; copies beyond maxBytes (one budget for every feed) go, least recently used first', async () => {
    await withApp(async (counting) => {
      pageCopying.maxPage = 100
      for (let i = 0; i < 2; i++) await counting.statementsFor(PARTICIPANTS)
      expect(fromCopy((await counting.statementsFor(PARTICIPANTS)).sql)).toBe(false)
      Object.assign(pageCopying, defaults)
      const [a, b] = ['/api/v3/participants?page[per_page]=31', '/api/v3/participants?page[per_page]=30']
      for (let i = 0; i < 2; i++) await counting.statementsFor(a)
      const one = (await counting.statementsFor(a)).body.length
      pageCopying.maxBytes = one + 10
      for (let i = 0; i < 2; i++) await counting.statementsFor(b)
      expect(fromCopy((await counting.statementsFor(b)).sql)).toBe(true)
      expect(fromCopy((await counting.statementsFor(a)).sql)).toBe(false)
      // One budget for every feed's copies: a partnerships page pushes the participants page out.
      const c = '/api/v3/partnerships?page[per_page]=1'
      pageCopying.maxBytes = (await counting.statementsFor(b)).body.length + 10
      await copied(counting, c)
      expect(fromCopy((await counting.statementsFor(c)).sql)).toBe(true)
      expect(fromCopy((await counting.statementsFor(b)).sql)).toBe(false)
    })
  })

  it.runIf(onPostgres)('Q-7: a page streamed over COPY is copied as it passes, and served whole from the copy', async () => {
    // The test app's own database (a recording one has no pool to stream over).
    streaming.from = 2
    const get = async () => {
      const res = await t.app.inject({ method: 'GET', url: PARTICIPANTS, headers: { authorization: `Bearer ${lp.token}`, ...AT } })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-length']).toBe(String(res.rawPayload.length))
      return res.body
    }
    const served = servedFromCopies(t.db)
    const first = await get()
    await get()
    expect(servedFromCopies(t.db)).toBe(served)
    const third = await get()
    expect(servedFromCopies(t.db)).toBe(served + 1)
    expect(third).toBe(first)
    expect(third).toBe(await derivedParticipants())
  })
})
