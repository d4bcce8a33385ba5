// Transfers derived on read (T-1 … T-11, T-21): one statement per page, shaped by PostgreSQL.
//
// feed        the teachers that can have a transfer the caller sees: in its feed (T-6 ⇒ R-32) with a
//             finished at-school period (T-2); with filter[updated_since], only those with a row
//             changed or a transfer date passed since the instant (a necessary condition of T-21)
// paged       the page of teachers with a transfer the caller sees, in T-25 order. By created_at the
//             feed is walked in order and the visibility test stops at the page's end; by updated_at,
//             or with filter[updated_since], the T-21 stamp is computed (without JSON) for the feed
// resources   the page's JSON: the teacher's transfers the caller sees, oldest Pi first (ECT first on
//             a tie), and the resource updated_at over all of them, whoever sees them (C-62)
//
// transfersOf derives one teacher's candidates (T-2), keeps the transfers (T-3), with L and J (T-4),
//             their providers (T-5), who sees them (T-6), type and status (T-7, T-8) and the stamps
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import { calendarStamp } from '../../../domain/stamps.ts'
import type { Page } from '../../common/paging.ts'
import type { SortKey } from '../../common/sort.ts'
import { updatedSince as since } from '../feed-filters.ts'
import type { SORT_KEYS } from './schemas.ts'

export type TransferJson = {
  training_record_id: string
  transfer_type: 'new_school' | 'new_provider' | 'unknown'
  status: 'complete' | 'incomplete'
  created_at: string
  leaving: { school_urn: string; provider: string | null; date: string }
  joining: { school_urn: string; provider: string | null; date: string } | null
}

export type ParticipantTransferRow = { id: string; transfers: TransferJson[]; updated_at: Date }

type SortName = (typeof SORT_KEYS)[number]

type Options = {
  today: string
  updatedSince?: Date | null
  teacherId?: string
  /** These teachers only (building their documents, src/read-models/participants.ts). */
  teacherIds?: readonly string[]
  sort?: SortKey<SortName>[]
  page?: Page
}

/** L or J: the non-empty training period of an at-school period, latest or earliest start (T-4). */
function trainingOf(periodId: RawBuilder<unknown>, order: 'ASC' | 'DESC') {
  return sql`(
    SELECT tp.updated_at, p.lead_provider_id AS confirmed_with, lp.name AS provider
    FROM training_periods tp
    LEFT JOIN partnerships p ON p.id = tp.partnership_id
    LEFT JOIN lead_providers lp ON lp.id = COALESCE(p.lead_provider_id, tp.lead_provider_id)
    WHERE tp.at_school_period_id = ${periodId}
      AND (tp.finished_on IS NULL OR tp.finished_on > tp.started_on)
    ORDER BY tp.started_on ${sql.raw(order)}, tp.created_at ${sql.raw(order)}
    LIMIT 1)`
}

const wire = (e: RawBuilder<unknown>) => sql`to_char(${e} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`

/**
 * One teacher's transfers (T-2 … T-8, T-21), whoever sees them; `visible` says whether the caller does.
 * N is the next at-school period in the role by started_on (they never overlap, R-10).
 */
function transfersOf(teacherId: RawBuilder<unknown>, leadProviderId: string, today: string) {
  return sql`(
    SELECT
      c.role, c.started_on AS pi_started_on,
      CASE c.role WHEN 'ect' THEN t.ect_training_record_id ELSE t.mentor_training_record_id END AS training_record_id,
      CASE
        WHEN n.id IS NULL THEN 'unknown'
        WHEN l.provider IS NOT NULL AND l.provider = j.provider THEN 'new_school'
        ELSE 'new_provider'
      END AS transfer_type,
      CASE WHEN c.finished_on > ${today}::date OR n.started_on > ${today}::date THEN 'incomplete' ELSE 'complete' END AS status,
      COALESCE(c.leaving_recorded_at, c.updated_at) AS created_at,
      ls.urn AS leaving_urn, l.provider AS leaving_provider, c.finished_on AS leaving_date,
      ns.urn AS joining_urn, j.provider AS joining_provider, n.started_on AS joining_date,
      (l.confirmed_with = ${leadProviderId} OR j.confirmed_with = ${leadProviderId}) IS TRUE AS visible,
      GREATEST(
        c.updated_at, n.updated_at, l.updated_at, j.updated_at,
        ${calendarStamp([sql`c.finished_on`, sql`n.started_on`], today)}
      ) AS stamp
    FROM (
      SELECT sp.*, lead(sp.id) OVER (PARTITION BY sp.role ORDER BY sp.started_on) AS next_id
      FROM at_school_periods sp
      WHERE sp.teacher_id = ${teacherId}
    ) c
    JOIN teachers t ON t.id = c.teacher_id
    JOIN schools ls ON ls.id = c.school_id
    LEFT JOIN at_school_periods n ON n.id = c.next_id
    LEFT JOIN schools ns ON ns.id = n.school_id
    LEFT JOIN LATERAL ${trainingOf(sql`c.id`, 'DESC')} l ON true
    LEFT JOIN LATERAL ${trainingOf(sql`n.id`, 'ASC')} j ON true
    WHERE c.finished_on IS NOT NULL
      AND (n.id IS NULL OR n.school_id <> c.school_id)                              -- T-3 rule 1
      AND NOT (c.role = 'ect' AND n.id IS NULL AND t.induction_completed_on IS NOT NULL) -- T-3 rule 2
  )`
}

/**
 * filter[updated_since] (T-24) as index ranges: T-21's stamp is at or after X only if one of the
 * teacher's at-school or training periods changed since X, or a leaving or joining date lies in
 * [X's London date, today] (the calendar stamp of C-58 is that date's London midnight).
 */
function changedSince(since: Date, today: string) {
  return sql`(
    SELECT teacher_id FROM at_school_periods WHERE updated_at >= ${since}
    UNION SELECT teacher_id FROM training_periods WHERE updated_at >= ${since}
    UNION SELECT teacher_id FROM at_school_periods
      WHERE finished_on >= (${since}::timestamptz AT TIME ZONE 'Europe/London')::date AND finished_on <= ${today}::date
    UNION SELECT teacher_id FROM at_school_periods
      WHERE started_on >= (${since}::timestamptz AT TIME ZONE 'Europe/London')::date AND started_on <= ${today}::date
  )`
}

export async function participantTransfers(db: Db, leadProviderId: string, options: Options): Promise<ParticipantTransferRow[]> {
  const { today, page, updatedSince } = options
  if (page?.beyondEnd) return []
  const sort = options.sort ?? []
  const limit = page ? sql`LIMIT ${page.perPage} OFFSET ${page.offset}` : sql``
  const of = (id: RawBuilder<unknown>) => transfersOf(id, leadProviderId, today)
  // By created_at alone the page is cut before any stamp is computed; otherwise every feed teacher needs one.
  const stampFirst = updatedSince != null || sort.some((k) => k.key === 'updated_at')
  const paged = stampFirst
    ? sql`
      SELECT f.id, f.created_at, s.updated_at
      FROM feed f
      CROSS JOIN LATERAL (SELECT max(tr.stamp) AS updated_at, bool_or(tr.visible) AS visible FROM ${of(sql`f.id`)} tr) s
      WHERE s.visible ${updatedSince ? sql`AND ${since(sql`s.updated_at`, updatedSince)}` : sql``}
      ORDER BY ${orderBy(sort, sql`s.updated_at`)}, f.id
      ${limit}`
    : sql`
      SELECT f.id, f.created_at, NULL::timestamptz AS updated_at
      FROM feed f
      WHERE (SELECT bool_or(tr.visible) FROM ${of(sql`f.id`)} tr)
      ORDER BY ${orderBy(sort, sql`NULL`)}, f.id
      ${limit}`
  const result = await sql<ParticipantTransferRow>`
    WITH feed AS (
      -- T-6 implies R-32: only teachers in the caller's feed can have a transfer it sees (a
      -- period's lead_provider_id is its partnership's, training_periods_r10_partnership_matches);
      -- T-2: only those with a finished at-school period have a candidate.
      SELECT t.id, t.created_at
      FROM teachers t
      -- IS TRUE keeps both tests filters (hashed sets, or index probes for one teacher) rather than
      -- semi-joins, so the feed is walked in teachers_by_created_at order and stops when the page is full.
      WHERE (EXISTS (SELECT 1 FROM at_school_periods f WHERE f.teacher_id = t.id AND f.finished_on IS NOT NULL)) IS TRUE
        AND (EXISTS (
          SELECT 1 FROM training_periods tp
          WHERE tp.lead_provider_id = ${leadProviderId} AND tp.partnership_id IS NOT NULL AND tp.teacher_id = t.id)) IS TRUE
        ${options.teacherId ? sql`AND t.id = ${options.teacherId}` : sql``}
        ${options.teacherIds ? sql`AND t.id = ANY(${[...options.teacherIds]}::uuid[])` : sql``}
        ${updatedSince ? sql`AND t.id IN ${changedSince(updatedSince, today)}` : sql``}
    ),
    paged AS (
      -- T-23, T-25: the page's teachers, each with at least one transfer the caller sees.
      ${paged}
    )
    -- The JSON only for the page (T-1): the caller's transfers and the T-21 stamp over all of them.
    SELECT p.id, r.transfers, r.updated_at
    FROM paged p
    CROSS JOIN LATERAL (
      SELECT
        json_agg(json_build_object(
          'training_record_id', tr.training_record_id,
          'transfer_type', tr.transfer_type,
          'status', tr.status,
          'created_at', ${wire(sql`tr.created_at`)},
          'leaving', json_build_object('school_urn', tr.leaving_urn, 'provider', tr.leaving_provider, 'date', tr.leaving_date),
          'joining', CASE WHEN tr.joining_urn IS NULL THEN NULL
                     ELSE json_build_object('school_urn', tr.joining_urn, 'provider', tr.joining_provider, 'date', tr.joining_date) END
        ) ORDER BY tr.pi_started_on, tr.role) FILTER (WHERE tr.visible) AS transfers,
        max(tr.stamp) AS updated_at
      FROM ${of(sql`p.id`)} tr
    ) r
    ORDER BY ${orderBy(sort, sql`r.updated_at`, sql`p.created_at`)}, p.id
  `.execute(db)
  return result.rows
}

/** T-25: created_at = the teacher's creation instant, updated_at = T-21; default created_at. */
function orderBy(sort: SortKey<SortName>[], updatedAt: RawBuilder<unknown>, createdAt: RawBuilder<unknown> = sql`f.created_at`) {
  const keys = sort.length > 0 ? sort : [{ key: 'created_at' as const, direction: 'asc' as const }]
  return sql.join(
    keys.map(({ key, direction }) =>
      sql`${key === 'created_at' ? createdAt : updatedAt} ${sql.raw(direction === 'desc' ? 'DESC' : 'ASC')}`,
    ),
  )
}
