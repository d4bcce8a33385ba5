// The participants feed read from participant_documents (0008_participant_documents.sql), so a
// page is one index range of stored JSON texts instead of a derivation per participant.
//
// A page is answered from the documents only when, in the statement's own snapshot, every one of
// the lead provider's documents is built for the request's date: then it is exactly what the
// derivation (query.ts, serialize.ts) gives on that snapshot. Otherwise the stale ones are built
// first — by the request itself when there are few, else by the warm-up (warmDocuments) while
// the derivation answers. A request with X-With-Server-Date builds them for its own date; the
// next request on another date builds them back (sandbox only, where they are few).
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import { readBuilding, readPage, warmEachProvider, type DocumentsAnswer } from '../../common/documents.ts'
import { consumeInvalidations, pending } from '../../../read-models/log.ts'
import type { Page } from '../../common/paging.ts'
import type { SortKey } from '../../common/sort.ts'
import { changeWindows, listParticipants, type FeedOptions } from './query.ts'
import type { SORT_KEYS } from './schemas.ts'
import { serializeParticipant } from './serialize.ts'
import { participantTransfers } from '../participant-transfers/query.ts'
import { serializeParticipantTransfer } from '../participant-transfers/serialize.ts'

type SortName = (typeof SORT_KEYS)[number]

const DEFAULT_SORT: SortKey<SortName>[] = [{ key: 'created_at', direction: 'asc' }]
const SORT_COLUMNS = { created_at: sql`d.created_at`, updated_at: sql`d.updated_at` }

/** Any of the lead provider's documents not built for `today` (stale, built for another window, or a key pending). */
export function anyStale(leadProviderId: string, today: string): RawBuilder<boolean> {
  return sql<boolean>`(
    ${pending('participant')}
    OR EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = ${leadProviderId} AND valid_until <= ${today}::date)
    OR EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = ${leadProviderId} AND valid_from > ${today}::date))`
}

/** with `options.id` (not one of the caller's participants: 'not found'). */
export async function readDocuments(db: Db, leadProviderId: string, options: FeedOptions): Promise<DocumentsAnswer> {
  const { today } = options
  if (options.id !== undefined) {
    const { rows: [row] } = await sql<{ pending: boolean; found: boolean; body: string | null }>`
      SELECT ${pending('participant', { id: options.id })} AS pending, d.teacher_id IS NOT NULL AS found,
        CASE WHEN d.valid_from <= ${today}::date AND d.valid_until > ${today}::date THEN d.body END AS body
      FROM (VALUES (1)) AS one (x)
      LEFT JOIN participant_documents d ON d.lead_provider_id = ${leadProviderId} AND d.teacher_id = ${options.id}`.execute(db)
    if (row!.pending) return 'stale'
    // the table holds every member once no key is pending, so no row is not the caller's participant.
    if (!row!.found) return 'not found'
    return row!.body === null ? 'stale' : { body: [`{"data":${row!.body}}`] }
  }
  const page: Page = options.page ?? { page: 1, perPage: 1, offset: 0, beyondEnd: false }
  const sort = options.sort?.length ? options.sort : DEFAULT_SORT
  if (page.beyondEnd || options.cohorts?.length === 0) return { body: ['{"data":[]}'] }
  const { cohorts = null, trainingStatus = null, fromParticipantId = null, updatedSince = null } = options
  let members = db
    .selectFrom('participant_documents as d')
    .where('d.lead_provider_id', '=', leadProviderId)
  if (cohorts !== null) members = members.where((eb) => eb.or([eb('d.ect_cohort', 'in', cohorts), eb('d.mentor_cohort', 'in', cohorts)]))
  if (trainingStatus !== null) {
    members = members.where((eb) => eb.or([eb('d.ect_training_status', '=', trainingStatus), eb('d.mentor_training_status', '=', trainingStatus)]))
  }
  if (fromParticipantId !== null) members = members.where(sql<boolean>`${fromParticipantId}::uuid = ANY(d.from_participant_ids)`)
  if (updatedSince !== null) members = members.where('d.updated_at', '>=', updatedSince)
  const stale = anyStale(leadProviderId, today)
  return readPage(db, { members, body: sql<string | null>`d.body`, stale, sort, columns: SORT_COLUMNS, tieBreaker: sql`d.teacher_id`, page, defaultSort: DEFAULT_SORT })
}

/**
 * Builds up to `limit` of the lead provider's stale documents (participant and transfers) for
 * `today` with the derivation itself, and stores each only if no write has marked it stale again
 * since it was picked (its version). Returns how many were built and whether more are stale.
 */
export async function buildDocuments(db: Db, leadProviderId: string, today: string, limit: number): Promise<{ built: number; more: boolean }> {
  const log = await consumeInvalidations(db)
  const stale = await db
    .selectFrom('participant_documents')
    .select(['teacher_id', 'version'])
    .where('lead_provider_id', '=', leadProviderId)
    .where((eb) => eb.or([eb('valid_until', '<=', today), eb('valid_from', '>', today)]))
    .limit(limit + 1)
    .execute()
  const picked = stale.slice(0, limit)
  if (picked.length === 0) return { built: 0, more: log.more }
  const ids = picked.map((r) => r.teacher_id)
  const perPage = ids.length
  const rows = await listParticipants(db, leadProviderId, { today, ids, page: { page: 1, perPage, offset: 0, beyondEnd: false } })
  const transfers = new Map((await participantTransfers(db, leadProviderId, { today, teacherIds: ids })).map((t) => [t.id, t]))
  const windows = await changeWindows(db, ids, today)
  const version = new Map(picked.map((r) => [r.teacher_id, r.version]))
  const columns = {
    teacher_id: [] as string[], version: [] as string[], body: [] as string[], updated_at: [] as Date[],
    valid_from: [] as string[], valid_until: [] as string[], from_ids: [] as string[],
    ect_cohort: [] as (number | null)[], ect_status: [] as (string | null)[],
    mentor_cohort: [] as (number | null)[], mentor_status: [] as (string | null)[],
    transfers_body: [] as (string | null)[], transfers_updated_at: [] as (Date | null)[],
  }
  for (const row of rows) {
    const window = windows.get(row.id) ?? { from: '-infinity', until: 'infinity' }
    const ect = row.enrolments.find((e) => e.role === 'ect')
    const mentor = row.enrolments.find((e) => e.role === 'mentor')
    columns.teacher_id.push(row.id)
    columns.version.push(version.get(row.id)!)
    columns.body.push(JSON.stringify(serializeParticipant(row, today)))
    columns.updated_at.push(row.updated_at)
    columns.valid_from.push(window.from)
    columns.valid_until.push(window.until)
    columns.from_ids.push(row.participant_id_changes.map((c) => c.from_participant_id).join(','))
    columns.ect_cohort.push(ect ? Number(ect.cohort) : null)
    columns.ect_status.push(ect?.training_status ?? null)
    columns.mentor_cohort.push(mentor ? Number(mentor.cohort) : null)
    columns.mentor_status.push(mentor?.training_status ?? null)
    const transfer = transfers.get(row.id)
    columns.transfers_body.push(transfer ? JSON.stringify(serializeParticipantTransfer(transfer)) : null)
    columns.transfers_updated_at.push(transfer?.updated_at ?? null)
  }
  let built = 0
  if (rows.length > 0) {
    const c = columns
    // Rows another build or a write holds are skipped, never waited for: two builds over the
    // same documents in different orders cannot deadlock, and a skipped one stays stale.
    const result = await sql`
      WITH v AS (SELECT * FROM unnest(${c.teacher_id}::uuid[], ${c.version}::bigint[], ${c.body}::text[], ${c.updated_at}::timestamptz[],
        ${c.valid_from}::date[], ${c.valid_until}::date[], ${c.from_ids}::text[], ${c.ect_cohort}::integer[],
        ${c.ect_status}::text[], ${c.mentor_cohort}::integer[], ${c.mentor_status}::text[],
        ${c.transfers_body}::text[], ${c.transfers_updated_at}::timestamptz[])
        AS v(teacher_id, version, body, updated_at, valid_from, valid_until, from_ids, ect_cohort, ect_status, mentor_cohort, mentor_status,
          transfers_body, transfers_updated_at)),
      mine AS (
        SELECT d.teacher_id FROM participant_documents d JOIN v ON v.teacher_id = d.teacher_id
        WHERE d.lead_provider_id = ${leadProviderId} AND d.version = v.version
        FOR UPDATE OF d SKIP LOCKED)
      UPDATE participant_documents d SET
        body = v.body, updated_at = v.updated_at, valid_from = v.valid_from, valid_until = v.valid_until,
        from_participant_ids = string_to_array(v.from_ids, ',')::uuid[],
        ect_cohort = v.ect_cohort, ect_training_status = v.ect_status,
        mentor_cohort = v.mentor_cohort, mentor_training_status = v.mentor_status,
        transfers_body = v.transfers_body, transfers_updated_at = v.transfers_updated_at
      FROM v JOIN mine ON mine.teacher_id = v.teacher_id
      WHERE d.lead_provider_id = ${leadProviderId} AND d.teacher_id = v.teacher_id AND d.version = v.version`.execute(db)
    built = Number(result.numAffectedRows ?? 0)
  }
  return { built, more: log.more || stale.length > limit }
}

/** The feed's answer from the documents, building the stale ones first when they are few. */
export function answerFromDocuments(db: Db, leadProviderId: string, options: FeedOptions): Promise<DocumentsAnswer> {
  return readBuilding(() => readDocuments(db, leadProviderId, options), (limit) => buildDocuments(db, leadProviderId, options.today, limit))
}

/** Builds every lead provider's stale participant documents for `today`; returns how many it built. */
export function warmDocuments(db: Db, today: string, signal?: AbortSignal): Promise<number> {
  return warmEachProvider(db, (leadProviderId, limit) => buildDocuments(db, leadProviderId, today, limit), signal)
}
