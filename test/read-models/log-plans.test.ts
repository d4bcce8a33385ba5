// consuming the invalidation log (0016) reads its oldest keys once, whatever the
// planner's statistics say of the log. A queue is often analyzed while empty (reltuples 0, and
// PostgreSQL may run without autovacuum); the consume's DELETE, written as `seq IN (SELECT …)`,
// was then planned as a nested loop that read the oldest keys again for every key of the log:
// 500 of a rename's 63,105 keys took minutes on the national data set. And a page read while many
// keys are pending looks its own rows up in the log, whatever the statistics say.
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { inTransaction } from '../../src/db/transaction.ts'
import { seedDataSet } from '../../src/sandbox/seed.ts'
import { setupTestApp } from '../support/app.ts'
import { warmParticipants } from '../support/documents.ts'

const t = await setupTestApp()
const SEEDED_ON = '2026-11-23'

/** Index tuples read from the log's indexes so far, as the statistics collector has them. */
async function indexTuplesRead(): Promise<number> {
  await sql`SELECT pg_stat_force_next_flush()`.execute(t.db)
  await sql`SELECT pg_stat_clear_snapshot()`.execute(t.db)
  const { rows: [row] } = await sql<{ n: string }>`
    SELECT coalesce(sum(idx_tup_read), 0) AS n FROM pg_stat_user_indexes WHERE relname = 'document_invalidations'`.execute(t.db)
  return Number(row!.n)
}

describe('the invalidation log under stale statistics', () => {
  it('Q-4: consuming 500 of 3,000 keys reads a few thousand index tuples, not the oldest keys again for every key', async () => {
    const log = () => sql`INSERT INTO document_invalidations (kind, id) SELECT 'participant', unnest(${Array.from({ length: 3000 }, () => randomUUID())}::uuid[])`.execute(t.db)
    // Analyzed holding only consumed (dead) keys, as after a busy day without autovacuum: its
    // pages say 0 rows each, so the planner expects none whatever the log holds later.
    await log()
    await sql`SELECT document_invalidations_consume(1000000)`.execute(t.db)
    await sql`ANALYZE document_invalidations`.execute(t.db)
    await log()
    const before = await indexTuplesRead()
    const { rows: [consumed] } = await sql<{ n: number }>`SELECT document_invalidations_consume(500) AS n`.execute(t.db)
    const read = (await indexTuplesRead()) - before
    expect(Number(consumed!.n)).toBe(500)
    // The array of the oldest 500 (stepping over the 3,000 consumed ones), then each deleted by
    // the primary key: 4,000 on both databases. The nested loop read 1,381,322.
    expect(read).toBeGreaterThanOrEqual(500)
    expect(read).toBeLessThan(20_000)
    await sql`SELECT document_invalidations_consume(1000000)`.execute(t.db)
  })
})

describe('a page judged by its own documents while many keys are pending (Feed.pageScoped)', () => {
  it('Q-4 during a rebuild: each row of the page is looked up in the log by its index, never a hash of every pending key', async () => {
    const seeded = await inTransaction(t.db, (tx) => seedDataSet(tx, { seed: 1, seedingDate: SEEDED_ON }))
    const lp = seeded.lead_providers[0]!
    await warmParticipants(t.db, SEEDED_ON)
    // Analyzed nearly empty, then 3,000 keys pending for no member of the page (as a rename of
    // another lead provider leaves them): the planner expects a handful.
    await sql`SELECT document_invalidations_consume(1000000)`.execute(t.db)
    await sql`ANALYZE document_invalidations`.execute(t.db)
    await sql`INSERT INTO document_invalidations (kind, id) SELECT 'participant', unnest(${Array.from({ length: 3000 }, () => randomUUID())}::uuid[])`.execute(t.db)
    const before = await indexTuplesRead()
    const res = await t.app.inject({ method: 'GET', url: '/api/v3/participants?page[per_page]=10', headers: { authorization: `Bearer ${lp.token}`, 'x-with-server-date': `${SEEDED_ON}T12:00:00Z` } })
    const read = (await indexTuplesRead()) - before
    expect(res.statusCode).toBe(200)
    expect(res.json().data).toHaveLength(10)
    // Ten lookups and the checks beside them; hashing the pending keys read all 3,000.
    expect(read).toBeLessThan(500)
    await sql`SELECT document_invalidations_consume(1000000)`.execute(t.db)
  })
})
