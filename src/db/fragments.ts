// SQL pieces shared by areas: ordering with the stable tie-breaker (C-36) and paging (C-35).
import { sql, type Expression, type SelectQueryBuilder } from 'kysely'
import type { Page, SortKey } from './page.ts'

/**
 * Orders by the requested keys (default: `created_at` ascending, C-50), then by the internal id
 * so equal keys never repeat or vanish across pages (C-36), then limits to the page.
 */
export function orderAndPage<DB, TB extends keyof DB, O, K extends string>(
  query: SelectQueryBuilder<DB, TB, O>,
  sort: SortKey<K>[],
  columns: Record<K, Expression<unknown>>,
  tieBreaker: Expression<unknown>,
  page: Page,
  defaultSort: SortKey<K>[],
): SelectQueryBuilder<DB, TB, O> {
  const keys = sort.length > 0 ? sort : defaultSort
  let q = query
  for (const { key, direction } of keys) q = q.orderBy(columns[key], direction)
  return q.orderBy(tieBreaker, 'asc').limit(page.perPage).offset(page.offset)
}

/** A timestamp as the wire shows it (C-15): UTC, whole seconds, `Z`. */
export function wireTime(expression: Expression<unknown>) {
  return sql<string>`to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`
}

/**
 * R-33, D-1: which of a participant's confirmed training periods (alias `tp`) the enrolment, and
 * so every participant action, describes — the latest `started_on`, then a non-empty period
 * before an empty `[F, F)` one, then the latest created, then the id.
 */
export const enrolmentPreference = sql`tp.started_on DESC, tp.finished_on IS NOT DISTINCT FROM tp.started_on, tp.created_at DESC, tp.id DESC`
