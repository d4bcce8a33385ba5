// Building stored documents (documents.ts describes the tables and reads them): the picked stale
// documents of a scope derived by the table's own derivation and stored only where no write has
// marked them stale since they were picked.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import type { Db } from '../db/connect.ts'
import type { DocumentKind } from './dependencies.ts'
import { consumeInvalidations } from './log.ts'

/** How many documents a build stored, and whether more of its scope are stale. */
export type Step = { built: number; more: boolean }

/** How a stored column travels to PostgreSQL: one array per column, unnested (a uuid[] as its text, as unnest flattens arrays of arrays). */
export type ColumnType = 'text' | 'uuid' | 'uuid[]' | 'timestamptz' | 'date' | 'integer' | 'boolean'

/** A document table: its rows, the scope a build and a staleness check cover, and how a stale row is built. */
export type DocumentTable<S, C extends string = string> = {
  table: 'participant_documents' | 'partnership_documents' | 'school_documents'
  /** Its keys' kind in the invalidation log (dependencies.ts). */
  kind: DocumentKind
  /** One lead provider's documents, or one cohort's. */
  scope: 'lead_provider_id' | 'cohort_year'
  /** Every scope, in the warm-up's order. */
  scopes: (db: Db) => Promise<S[]>
  /** A document's key within its scope. */
  key: 'teacher_id' | 'partnership_id' | 'school_id'
  /** The columns a build writes besides the key and version (valid_from and valid_until among them). */
  columns: Record<C, ColumnType>
  /**
   * True when a pending key in the log calls for a member row the scope does not have yet (one
   * that consuming the log adds): the feeds read page by page (Feed.pageScoped) ask this instead of
   * counting every pending key of the kind.
   */
  pendingMembers?: (scope: S) => RawBuilder<boolean>
  /**
   * The member row's own columns (besides scope and key) for `keys`, keyed by `key`, as consuming
   * the log writes them (document_invalidations_consume.sql): a read that derives a few stale
   * documents itself (merged.ts) puts them beside the derived values.
   */
  memberRows: { columns: Record<string, ColumnType>; rows: (keys: string[]) => RawBuilder<unknown> }
  /**
   * The derivation of the picked documents for `today`, each one's stored values; a key left out
   * stays stale. With `columns` (a read that derives a few itself, merged.ts) only those need be
   * right: what only the others need is not derived, and such values are never stored.
   */
  derive(db: Db, scope: S, today: string, keys: string[], columns?: readonly C[]): Promise<{ key: string; values: Record<C, unknown> }[]>
}

/**
 * How many rows a derivation serializes, and a store writes in one statement, between turns of the
 * event loop; tests lower it. A warm-up step of 2,000 documents done at once held the loop for up
 * to 176 ms (the store's parameters and the texts), which every request arriving meanwhile waited
 * out; in turns of 500, 47–63 ms, and the cold build took 63 s instead of 70–73 (BENCHMARKS.md).
 */
export const turns = { rows: 500 }

/** `f` over `items` in order, turns.rows at a time, letting the event loop run between them. */
export async function mapInTurns<T, U>(items: readonly T[], f: (item: T) => U): Promise<U[]> {
  const out: U[] = []
  for (let i = 0; i < items.length; i += turns.rows) {
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve))
    for (const item of items.slice(i, i + turns.rows)) out.push(f(item))
  }
  return out
}

/** A table, column or type name a descriptor states (never request data), as SQL. */
export const name = (text: string) => sql.raw(text)

/** One column's values as an array for unnest: a uuid[] travels as its array literal (uuids need no quoting), as unnest flattens arrays of arrays. */
export function arrayOf(type: ColumnType, values: unknown[]): RawBuilder<unknown> {
  if (type === 'uuid[]') return sql`${values.map((v) => `{${(v as string[]).join(',')}}`)}::text[]`
  return sql`${values}::${name(type)}[]`
}

/** The unnested column `v.<column>` as its type (a uuid[] cast back from its text). */
export function unnested(type: ColumnType, column: string): RawBuilder<unknown> {
  return type === 'uuid[]' ? sql`v.${name(column)}::uuid[]` : sql`v.${name(column)}`
}

/**
 * Builds up to `limit` of the scope's stale documents for `today` with the derivation itself
 * (the table's `derive`), and stores each only if no write has marked it stale again since it was
 * picked (its version); only those of `keys` when given (the log is consumed first otherwise).
 * Returns how many were built and whether more are stale.
 */
export async function buildDocuments<S, C extends string>(db: Db, t: DocumentTable<S, C>, scope: S, today: string, limit: number, keys?: string[]): Promise<Step> {
  // Given keys (a page's), the caller has consumed what the log holds for them (consumeKeys).
  const log = keys === undefined ? await consumeInvalidations(db) : { more: false, busy: false }
  const k = db as unknown as Kysely<any>
  // A page's keys are looked up by the primary key and judged here: as a filter the planner
  // turned them into the two ranges below, which read every stale document of the scope (a whole
  // lead provider's after a migration: 300 ms of a 3,000-document page build). Otherwise two
  // index ranges (by_valid_until, by_valid_from), not one OR: with the OR the planner walked a
  // whole scope's index when its statistics were taken while every document was stale (1 s a pick).
  // UNION ALL, not UNION: UNION's duplicate removal read every stale document of the scope before
  // the limit applied, at each step (a cold build's picks took 17.8 s of PostgreSQL's time, 1.3 s
  // now); a document in both ranges is picked once by the Map below.
  const range = (built: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>) =>
    k.selectFrom(t.table).select([t.key, 'version']).where(t.scope, '=', scope).where(built)
  const stale: Record<string, string>[] = keys !== undefined
    ? (await k.selectFrom(t.table).select([t.key, 'version', sql<boolean>`valid_from <= ${today}::date AND valid_until > ${today}::date`.as('built')])
        .where(t.scope, '=', scope).where(sql<boolean>`${sql.ref(t.key)} = ANY(${keys}::uuid[])`).execute()).filter((r) => !r.built)
    : await range((eb) => eb('valid_until', '<=', today)).unionAll(range((eb) => eb('valid_from', '>', today))).limit(limit + 1).execute()
  const picked = new Map(stale.slice(0, limit).map((r) => [r[t.key]!, r.version!]))
  // Keys another consumer is taking are its to mark; they are not this build's 'more'.
  const logMore = log.more && !log.busy
  if (picked.size === 0) return { built: 0, more: logMore }
  const rows = await t.derive(db, scope, today, [...picked.keys()])
  let built = 0
  for (let i = 0; i < rows.length; i += turns.rows) {
    built += await store(db, t, scope, rows.slice(i, i + turns.rows).map((row) => ({ ...row, version: picked.get(row.key)! })))
  }
  return { built, more: logMore || stale.length > limit }
}

/** The built rows written over those still at the version they were picked at. */
async function store<S, C extends string>(db: Db, t: DocumentTable<S, C>, scope: S, rows: { key: string; version: string; values: Record<C, unknown> }[]): Promise<number> {
  const result = await storeQuery(t, scope, rows).execute(db)
  return Number(result.numAffectedRows ?? 0)
}

/**
 * The statement that writes built rows over those still at the version they were picked at; with
 * `ownMarks`, over those this transaction marked itself only (a command's build, write-through.ts).
 */
export function storeQuery<S, C extends string>(t: DocumentTable<S, C>, scope: S, rows: { key: string; version: string; values: Record<C, unknown> }[], ownMarks = false): RawBuilder<unknown> {
  const columns = Object.keys(t.columns) as C[]
  const arrays = columns.map((c) => arrayOf(t.columns[c], rows.map((row) => row.values[c])))
  const set = columns.map((c) => sql`${name(c)} = ${unnested(t.columns[c], c)}`)
  const [table, key, scoped] = [name(t.table), name(t.key), name(t.scope)]
  const own = ownMarks ? sql` AND d.xmin = pg_current_xact_id()::xid` : sql``
  // Rows another build or a write holds are skipped, never waited for: two builds over the
  // same documents in different orders cannot deadlock, and a skipped one stays stale. The rows
  // locked carry their values, so the UPDATE joins each to its document by key: joining them to
  // the unnested values again was a nested loop of 2,000 × 2,000 (1.5 s of a 2,000-row store).
  return sql`
    WITH v AS (SELECT * FROM unnest(${rows.map((r) => r.key)}::uuid[], ${rows.map((r) => r.version)}::bigint[], ${sql.join(arrays)})
      AS v(${key}, version, ${sql.join(columns.map(name))})),
    mine AS (
      SELECT v.* FROM ${table} d JOIN v ON v.${key} = d.${key}
      WHERE d.${scoped} = ${scope} AND d.version = v.version${own}
      FOR UPDATE OF d SKIP LOCKED)
    UPDATE ${table} d SET
      ${sql.join(set, sql`,\n      `)}
    FROM mine v
    WHERE d.${scoped} = ${scope} AND d.${key} = v.${key} AND d.version = v.version`
}
