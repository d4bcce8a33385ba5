// The rebuild rows (Q-4 under a rebuild): how long every document of the national data set takes
// to build from cold, and how the participants feed answers while a whole lead provider's
// documents are stale and the server's background warm-up rebuilds them — after a rename of the
// largest lead provider (T-5: its name is in every one of its participants' documents, so the
// lead_providers trigger logs them all) and after a migration that changes a document's shape
// (which marks the documents stale itself).
import type pg from 'pg'
import { warmBench } from './facts.ts'
import type { Facts } from './facts.ts'
import { driveAlternating, type Timing } from './load.ts'
import { startServer, type Server } from './servers.ts'

/** Every document stale, as a migration of every table would leave them. */
const ALL_STALE = ['participant_documents', 'partnership_documents', 'school_documents'].map(
  (t) => `UPDATE ${t} SET version = version + 1, valid_until = '-infinity'`)

export type ColdBuild = { seconds: number; documents: number; per_second: number }

/** Marks every document stale and builds them all in this process with warmAllDocuments (no server runs meanwhile). */
export async function coldBuild(pool: pg.Pool, url: string, today: string): Promise<ColdBuild> {
  for (const statement of ALL_STALE) await pool.query(statement)
  const { built, seconds } = await warmBench(url, today)
  return { seconds, documents: built, per_second: seconds > 0 ? Math.round(built / seconds) : built }
}

export type StaleRow = {
  /** 'rename' or 'shape'. */
  cause: string
  /** The documents the cause marked stale or logged as invalid. */
  stale: number
  per_page_100: Timing
  per_page_3000: Timing
}

export type StaleRows = { server: string; rows: StaleRow[]; peak_rss_mb: number; restored_in_s: number }

const PATHS = ['/api/v3/participants?page[per_page]=100', '/api/v3/participants?page[per_page]=3000']

/**
 * On a server of its own, started right after the lead provider is renamed with its warm-up
 * running at once and every second: participants per_page 100 and 3000, alternating at 10
 * connections, for `seconds` after the rename and again after the lead provider's participant
 * documents are marked stale directly. The name is restored and every document built again
 * (here, beside the server's warm-up) before it returns.
 */
export async function staleRows(pool: pg.Pool, url: string, bundle: string, label: string, facts: Facts, seconds: number): Promise<StaleRows> {
  const rows: StaleRow[] = []
  let server: Server | null = null
  const logged = async () => Number((await pool.query(`SELECT count(*) AS n FROM document_invalidations WHERE kind = 'participant'`)).rows[0].n)
  try {
    const before = await logged()
    await pool.query(`UPDATE lead_providers SET name = name || ' ' WHERE id = $1`, [facts.leadProviderId])
    const renamed = (await logged()) - before
    server = await startServer({ label, bundle, databaseUrl: url, warmUp: { firstMs: 0, everyMs: 1000 } })
    server.phase = 'rebuild'
    rows.push({ cause: 'rename', stale: renamed, ...(await alternate(server, facts, seconds)) })
    const marked = await markStale(pool, facts.leadProviderId)
    rows.push({ cause: 'shape', stale: marked.rowCount ?? 0, ...(await alternate(server, facts, seconds)) })
    await pool.query(`UPDATE lead_providers SET name = $2 WHERE id = $1`, [facts.leadProviderId, facts.name])
    const { seconds: restoredIn } = await warmBench(url, facts.today)
    return { server: label, rows, peak_rss_mb: server.peaks.rebuild ?? 0, restored_in_s: restoredIn }
  } finally {
    await pool.query(`UPDATE lead_providers SET name = $2 WHERE id = $1 AND name <> $2`, [facts.leadProviderId, facts.name])
    await server?.stop()
  }
}

/**
 * The lead provider's participant documents marked stale as a migration would, holding the lock
 * every consumer of the invalidation log takes (document_invalidations_consume): the server is
 * consuming the rename's keys meanwhile, which marks the same rows in another order, and without
 * it PostgreSQL ended one of the two as a deadlock (40P01) again and again on a slow machine.
 */
async function markStale(pool: pg.Pool, leadProviderId: string): Promise<pg.QueryResult> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock(7146334216)')
    const result = await client.query(`UPDATE participant_documents SET version = version + 1, valid_until = '-infinity' WHERE lead_provider_id = $1`, [leadProviderId])
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

async function alternate(server: Server, facts: Facts, seconds: number) {
  const [per_page_100, per_page_3000] = await driveAlternating(server.base, facts.token, PATHS, seconds)
  return { per_page_100: per_page_100!, per_page_3000: per_page_3000! }
}
