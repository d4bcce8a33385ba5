// What the bench reads from the national data set before it drives anything: the
// largest lead provider and its token, ids for the show requests, and the fresh targets its writes
// use (schools without a partnership, active participants, ECTs at a school, unused TRNs) — each
// handed out once per run by a cursor, so no write repeats another's.
import type pg from 'pg'
import { sql } from 'kysely'
import { londonDate } from '../src/clock.ts'
import { kyselyOverPostgres, type Db } from '../src/db/connect.ts'
import { migrate } from '../src/db/migrate.ts'
import { warmAllDocuments } from '../src/read-models/warm-up.ts'
import { sandboxToken, slugOf } from '../src/sandbox/derive.ts'

/** A Kysely over its own pool, closed by `use`'s end. */
export async function withDb<T>(url: string, use: (db: Db) => Promise<T>): Promise<T> {
  const { db, close } = kyselyOverPostgres(url, 600_000)
  try {
    return await use(db)
  } finally {
    await close()
  }
}

export async function migrateBench(url: string): Promise<void> {
  const { applied } = await withDb(url, (db) => migrate(db, new Date()))
  if (applied.length > 0) console.log(`applied migrations: ${applied.join(', ')}`)
}

/**
 * Builds the participant, partnership and school documents stale for `today`, as a running
 * service's warm-up would, then VACUUM ANALYZEs them: returns the documents built and the seconds.
 */
export async function warmBench(url: string, today: string): Promise<{ built: number; seconds: number }> {
  return withDb(url, async (db) => {
    const started = performance.now()
    const built = await warmAllDocuments(db, today)
    const seconds = Math.round((performance.now() - started) / 100) / 10
    // As autovacuum would after so many rows changed, before the planner is asked about them and
    // before anything is measured alongside it. ANALYZE always: a run stopped after building left
    // the tables without statistics, and the planner then read participant_documents whole for
    // every page (participants 100: p95 1,065 ms).
    for (const [table, count] of [['participant_documents', built.participants], ['partnership_documents', built.partnerships], ['school_documents', built.schools]] as const) {
      await sql.raw(`${count > 0 ? 'VACUUM ' : ''}ANALYZE ${table}`).execute(db)
    }
    // The log's consumed keys are dead rows that every consumer's index scan steps over.
    await sql.raw('VACUUM ANALYZE document_invalidations').execute(db)
    console.log(`documents built for ${today}: ${built.participants} participants, ${built.partnerships} partnerships, ${built.schools} schools in ${seconds} s`)
    return { built: built.participants + built.partnerships + built.schools, seconds }
  })
}

/** Hands out a list's items once each, in order; null when it runs out. */
export class Cursor<T> {
  private next = 0
  constructor(readonly items: T[]) {}
  take(): T | null {
    return this.next < this.items.length ? this.items[this.next++]! : null
  }
  takeMany(n: number): T[] {
    const out = this.items.slice(this.next, this.next + n)
    this.next += out.length
    return out
  }
  get left(): number {
    return this.items.length - this.next
  }
}

export type Facts = Awaited<ReturnType<typeof benchFacts>>

/** The largest lead provider (most participants, Q-4), its token, ids for the show requests and the writes' targets. */
export async function benchFacts(pool: pg.Pool) {
  const one = async <T extends object>(text: string, values: unknown[] = []): Promise<T> => {
    const { rows } = await pool.query(text, values)
    if (!rows[0]) throw new Error(`bench data missing (run npm run bench:data): ${text.slice(0, 80)}`)
    return rows[0] as T
  }
  const settings = await one<{ seeded: boolean; seed_number: number; seeding_date: string; version: string }>(
    `SELECT seeded, seed_number::int, seeding_date::text, version() FROM settings`)
  if (!settings.seeded) throw new Error('the bench database holds no seeded data: run npm run bench:data')
  const lp = await one<{ id: string; name: string; members: number }>(`
    SELECT lp.id, lp.name, count(DISTINCT tp.teacher_id)::int AS members
    FROM lead_providers lp JOIN partnerships p ON p.lead_provider_id = lp.id JOIN training_periods tp ON tp.partnership_id = p.id
    GROUP BY lp.id, lp.name ORDER BY members DESC LIMIT 1`)
  const ids = await one<Record<string, string>>(`
    SELECT (SELECT tp.teacher_id FROM training_periods tp JOIN partnerships p ON p.id = tp.partnership_id
              WHERE p.lead_provider_id = $1 ORDER BY tp.id LIMIT 1) AS participant,
           (SELECT id FROM partnerships WHERE lead_provider_id = $1 ORDER BY id LIMIT 1) AS partnership,
           (SELECT id FROM schools WHERE eligible ORDER BY id LIMIT 1) AS school,
           (SELECT delivery_partner_id FROM lead_provider_delivery_partners WHERE lead_provider_id = $1 ORDER BY id LIMIT 1) AS delivery_partner,
           (SELECT sp.teacher_id FROM at_school_periods sp JOIN training_periods tp ON tp.at_school_period_id = sp.id
              JOIN partnerships p ON p.id = tp.partnership_id
              WHERE p.lead_provider_id = $1 AND sp.finished_on IS NOT NULL ORDER BY sp.id LIMIT 1) AS transfer,
           (SELECT id FROM statements WHERE lead_provider_id = $1 ORDER BY id LIMIT 1) AS statement,
           (SELECT id FROM declarations WHERE lead_provider_id = $1 ORDER BY id LIMIT 1) AS declaration`, [lp.id])
  const current = await one<{ year: number }>(`SELECT max(cohort_year) AS year FROM lead_provider_delivery_partners`)
  const today = londonDate(new Date())
  // POST /partnerships: eligible schools with nobody and no partnership in the current cohort, and a pairing.
  const { rows: targets } = await pool.query<{ school_id: string; delivery_partner_id: string }>(`
    SELECT s.id AS school_id, (SELECT delivery_partner_id FROM lead_provider_delivery_partners
      WHERE lead_provider_id = $1 AND cohort_year = $2 ORDER BY id LIMIT 1) AS delivery_partner_id
    FROM schools s WHERE s.eligible AND NOT EXISTS (SELECT 1 FROM partnerships p WHERE p.school_id = s.id AND p.cohort_year = $2)
      -- P-26: a school with only school-led participants in the cohort is refused.
      AND NOT EXISTS (SELECT 1 FROM training_periods tp WHERE tp.school_id = s.id AND tp.cohort_year = $2)
    ORDER BY s.id LIMIT 6000`, [lp.id, current.year])
  // The writes of the mixed row (D-12, D-13, R-16, R-22): the lead provider's participants with an
  // ECT training period that is active, open and started before today, each used once; three
  // disjoint sets (withdraw, defer, leaving) so no write meets another's refusal.
  const { rows: active } = await pool.query<{ teacher_id: string; urn: string }>(`
    SELECT DISTINCT ON (tp.teacher_id) tp.teacher_id, s.urn
    FROM training_periods tp JOIN at_school_periods sp ON sp.id = tp.at_school_period_id JOIN schools s ON s.id = sp.school_id
    WHERE tp.lead_provider_id = $1 AND tp.role = 'ect' AND tp.finished_on IS NULL AND tp.withdrawn_at IS NULL
      AND tp.deferred_at IS NULL AND tp.started_on < $2::date AND sp.finished_on IS NULL AND sp.reported_leaving_on IS NULL
    ORDER BY tp.teacher_id LIMIT 9000`, [lp.id, today])
  // schools partnered with the lead provider in the current cohort register provider-led
  // ECTs with it; TRNs no teacher holds.
  const { rows: partnered } = await pool.query<{ urn: string }>(`
    SELECT s.urn FROM partnerships p JOIN schools s ON s.id = p.school_id
    WHERE p.lead_provider_id = $1 AND p.cohort_year = $2 ORDER BY p.id LIMIT 500`, [lp.id, current.year])
  const { rows: trns } = await pool.query<{ trn: string }>(`
    SELECT g::text AS trn FROM generate_series(9000000, 9999999) g
    WHERE NOT EXISTS (SELECT 1 FROM teachers t WHERE t.trn = g::text) LIMIT 3000`)
  const third = (k: number) => active.filter((_, i) => i % 3 === k)
  return {
    postgres: settings.version.split(' ').slice(0, 2).join(' '),
    seed: settings.seed_number,
    seedingDate: settings.seeding_date,
    today,
    leadProviderId: lp.id,
    name: lp.name,
    members: lp.members,
    token: sandboxToken(settings.seed_number, slugOf(lp.name)),
    ids,
    currentCohort: current.year,
    postBodies: new Cursor(targets.map((t) =>
      JSON.stringify({ data: { type: 'partnership', attributes: { cohort: String(current.year), school_id: t.school_id, delivery_partner_id: t.delivery_partner_id } } }))),
    withdrawals: new Cursor(third(0).map((r) => r.teacher_id)),
    deferrals: new Cursor(third(1).map((r) => r.teacher_id)),
    leavers: new Cursor(third(2)),
    partneredUrns: partnered.map((r) => r.urn),
    trns: new Cursor(trns.map((r) => r.trn)),
  }
}
