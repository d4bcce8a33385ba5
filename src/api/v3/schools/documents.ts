// Schools read from school_documents (0012_school_documents.sql), as the participants feed reads
// participant_documents (participants/documents.ts, whose comment says why an answer from them is
// exactly the derivation's): a page is one index range of stored JSON texts instead of P-25 …
// P-27's lookups per school (Q-4). A document is the same for every lead provider but for P-27
// and P-31, so it holds both texts and picks by the caller.
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import { readBuilding, readPage, warmEach, type DocumentsAnswer } from '../../common/documents.ts'
import { consumeInvalidations, pending } from '../../../read-models/log.ts'
import type { Page } from '../../common/paging.ts'
import type { SortKey } from '../../common/sort.ts'
import { schoolsForDocuments } from './query.ts'
import type { SORT_KEYS } from './schemas.ts'
import { serializeSchool } from './serialize.ts'

type SortName = (typeof SORT_KEYS)[number]

const DEFAULT_SORT: SortKey<SortName>[] = [{ key: 'created_at', direction: 'asc' }]
const SORT_COLUMNS = { created_at: sql`d.created_at`, updated_at: sql`d.updated_at`, urn: sql`d.urn` }

export type SchoolsRequest = {
  leadProviderId: string
  cohortYear: number
  today: string
  urn: string | null
  updatedSince: Date | null
  sort: SortKey<SortName>[]
  page: Page
}

/** Any of the cohort's documents not built for `today` (stale, or built for another window). */
function anyStale(cohortYear: number, today: string): RawBuilder<boolean> {
  return sql<boolean>`(
    ${pending('school', { cohortYear })}
    OR EXISTS (SELECT 1 FROM school_documents WHERE cohort_year = ${cohortYear} AND valid_until <= ${today}::date)
    OR EXISTS (SELECT 1 FROM school_documents WHERE cohort_year = ${cohortYear} AND valid_from > ${today}::date))`
}

/** P-47: one school in the cohort for the caller; 'not found' when P-43 does not list it there. */
export async function readSchoolDocument(db: Db, request: { leadProviderId: string; cohortYear: number; today: string; id: string }): Promise<DocumentsAnswer> {
  const { leadProviderId, cohortYear, today, id } = request
  const { rows: [found] } = await sql<{ pending: boolean; found: boolean; built: boolean; listed: boolean | null; body: string | null }>`
    SELECT ${pending('school', { id, cohortYear })} AS pending, d.school_id IS NOT NULL AS found,
      d.valid_from <= ${today}::date AND d.valid_until > ${today}::date AS built, d.listed,
      CASE WHEN ${leadProviderId}::uuid = ANY(d.eoi_lead_provider_ids) THEN d.body_eoi ELSE d.body END AS body
    FROM (VALUES (1)) AS one (x)
    LEFT JOIN school_documents d ON d.cohort_year = ${cohortYear} AND d.school_id = ${id}`.execute(db)
  const row = found!
  if (row.pending) return 'stale'
  if (!row.found) return 'not found'
  if (!row.built) return 'stale'
  return row.listed === true && row.body !== null ? { body: [`{"data":${row.body}}`] } : 'not found'
}

/** P-43's page for the caller in the cohort. */
export function readSchoolDocuments(db: Db, request: SchoolsRequest): Promise<DocumentsAnswer> {
  const { leadProviderId, cohortYear, today, urn, updatedSince, sort, page } = request
  if (page.beyondEnd) return Promise.resolve({ body: ['{"data":[]}'] })
  let members = db.selectFrom('school_documents as d').where('d.cohort_year', '=', cohortYear).where(sql<boolean>`d.listed`)
  if (urn !== null) members = members.where('d.urn', '=', urn)
  if (updatedSince !== null) members = members.where('d.updated_at', '>=', updatedSince)
  const stale = anyStale(cohortYear, today)
  // P-27, P-31: the text with the tutor for a lead provider with expression_of_interest true.
  const body = sql<string | null>`CASE WHEN ${leadProviderId}::uuid = ANY(d.eoi_lead_provider_ids) THEN d.body_eoi ELSE d.body END`
  return readPage(db, { members, body, stale, sort, columns: SORT_COLUMNS, tieBreaker: sql`d.school_id`, page, defaultSort: DEFAULT_SORT })
}

/**
 * Builds up to `limit` of the cohort's stale school documents for `today` with the derivation
 * itself; each is stored only if no write marked it stale again since it was picked.
 */
export async function buildSchoolDocuments(db: Db, cohortYear: number, today: string, limit: number): Promise<{ built: number; more: boolean }> {
  const log = await consumeInvalidations(db)
  const stale = await db
    .selectFrom('school_documents')
    .select(['school_id', 'version'])
    .where('cohort_year', '=', cohortYear)
    .where((eb) => eb.or([eb('valid_until', '<=', today), eb('valid_from', '>', today)]))
    .limit(limit + 1)
    .execute()
  const picked = stale.slice(0, limit)
  if (picked.length === 0) return { built: 0, more: log.more }
  const facts = new Map((await schoolsForDocuments(db, cohortYear, today, picked.map((r) => r.school_id))).map((row) => [row.id, row]))
  const c = {
    id: [] as string[],
    version: [] as string[],
    listed: [] as boolean[],
    updated_at: [] as (Date | null)[],
    eoi: [] as string[],
    body: [] as (string | null)[],
    body_eoi: [] as (string | null)[],
    valid_from: [] as string[],
    valid_until: [] as string[],
  }
  for (const { school_id, version } of picked) {
    const row = facts.get(school_id)
    c.id.push(school_id)
    c.version.push(version)
    c.listed.push(row !== undefined)
    c.updated_at.push(row?.updated_at ?? null)
    // A Postgres array literal of uuids (no quoting needed), as unnest takes one text per row.
    c.eoi.push(`{${row?.eoi_lead_provider_ids.join(',') ?? ''}}`)
    c.body.push(row === undefined ? null : JSON.stringify(serializeSchool(row)))
    c.body_eoi.push(
      row === undefined
        ? null
        : JSON.stringify(serializeSchool({ ...row, expression_of_interest: true, induction_tutor_name: row.tutor_name, induction_tutor_email: row.tutor_email })),
    )
    // Not listed: only a write (eligibility, a partnership) lists it, so on every day.
    c.valid_from.push(row?.valid_from ?? '-infinity')
    c.valid_until.push(row?.valid_until ?? 'infinity')
  }
  // Rows another build or a write holds are skipped, never waited for (partnerships/documents.ts).
  const result = await sql`
    WITH v AS (SELECT * FROM unnest(${c.id}::uuid[], ${c.version}::bigint[], ${c.listed}::boolean[], ${c.updated_at}::timestamptz[],
      ${c.eoi}::text[], ${c.body}::text[], ${c.body_eoi}::text[], ${c.valid_from}::date[], ${c.valid_until}::date[])
      AS v(school_id, version, listed, updated_at, eoi, body, body_eoi, valid_from, valid_until)),
    mine AS (
      SELECT d.school_id FROM school_documents d JOIN v ON v.school_id = d.school_id
      WHERE d.cohort_year = ${cohortYear} AND d.version = v.version
      FOR UPDATE OF d SKIP LOCKED)
    UPDATE school_documents d SET
      listed = v.listed, updated_at = v.updated_at, eoi_lead_provider_ids = v.eoi::uuid[], body = v.body, body_eoi = v.body_eoi,
      valid_from = v.valid_from, valid_until = v.valid_until
    FROM v JOIN mine ON mine.school_id = v.school_id
    WHERE d.cohort_year = ${cohortYear} AND d.school_id = v.school_id AND d.version = v.version`.execute(db)
  return { built: Number(result.numAffectedRows ?? 0), more: log.more || stale.length > limit }
}

/** The school from its document, building the cohort's stale ones first when they are few. */
export function answerFromSchoolDocument(db: Db, request: { leadProviderId: string; cohortYear: number; today: string; id: string }): Promise<DocumentsAnswer> {
  return readBuilding(() => readSchoolDocument(db, request), (limit) => buildSchoolDocuments(db, request.cohortYear, request.today, limit))
}

/** The answer from the documents, building the stale ones first when they are few. */
export function answerFromSchoolDocuments(db: Db, request: SchoolsRequest): Promise<DocumentsAnswer> {
  return readBuilding(() => readSchoolDocuments(db, request), (limit) => buildSchoolDocuments(db, request.cohortYear, request.today, limit))
}

/** Builds every cohort's stale school documents for `today`; returns how many it built. */
export async function warmSchoolDocuments(db: Db, today: string, signal?: AbortSignal): Promise<number> {
  const cohorts = await db.selectFrom('cohorts').select('year').orderBy('year').execute()
  return warmEach(
    cohorts.map((c) => c.year),
    (cohortYear, limit) => buildSchoolDocuments(db, cohortYear, today, limit),
    signal,
  )
}
