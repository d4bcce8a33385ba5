// Partnerships read from partnership_documents (0009_partnership_documents.sql), as the
// participants feed reads participant_documents (participants/documents.ts, whose comment says
// why an answer from them is exactly the derivation's): a page is one index range of stored
// JSON texts instead of P-35's count per partnership (Q-4, Q-5).
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import { readBuilding, readPage, warmEachProvider, type DocumentsAnswer } from '../../common/documents.ts'
import { consumeInvalidations, pending } from '../../../read-models/log.ts'
import type { Page } from '../../common/paging.ts'
import type { SortKey } from '../../common/sort.ts'
import { partnershipsByIds, partnershipWindows, type PartnershipFilters } from './query.ts'
import type { SORT_KEYS } from './schemas.ts'
import { serializePartnership } from './serialize.ts'

type SortName = (typeof SORT_KEYS)[number]

const DEFAULT_SORT: SortKey<SortName>[] = [{ key: 'created_at', direction: 'asc' }]
const SORT_COLUMNS = { created_at: sql`d.created_at`, updated_at: sql`d.updated_at` }

export type PartnershipRequest = { today: string } & ({ id: string } | (PartnershipFilters & { sort: SortKey<SortName>[]; page: Page }))

/** Any of the lead provider's documents not built for `today` (stale, or built for another window). */
function anyStale(leadProviderId: string, today: string): RawBuilder<boolean> {
  return sql<boolean>`(
    ${pending('partnership')}
    OR EXISTS (SELECT 1 FROM partnership_documents WHERE lead_provider_id = ${leadProviderId} AND valid_until <= ${today}::date)
    OR EXISTS (SELECT 1 FROM partnership_documents WHERE lead_provider_id = ${leadProviderId} AND valid_from > ${today}::date))`
}

/** P-49, or P-50 with an id (not one of the caller's partnerships: 'not found'). */
export async function readPartnershipDocuments(db: Db, leadProviderId: string, request: PartnershipRequest): Promise<DocumentsAnswer> {
  const { today } = request
  if ('id' in request) {
    const { rows: [row] } = await sql<{ pending: boolean; found: boolean; body: string | null }>`
      SELECT ${pending('partnership', { id: request.id })} AS pending, d.partnership_id IS NOT NULL AS found,
        CASE WHEN d.valid_from <= ${today}::date AND d.valid_until > ${today}::date THEN d.body END AS body
      FROM (VALUES (1)) AS one (x)
      LEFT JOIN partnership_documents d ON d.lead_provider_id = ${leadProviderId} AND d.partnership_id = ${request.id}`.execute(db)
    if (row!.pending) return 'stale'
    if (!row!.found) return 'not found'
    return row!.body === null ? 'stale' : { body: [`{"data":${row!.body}}`] }
  }
  const { cohorts, deliveryPartnerIds, updatedSince, sort, page } = request
  if (cohorts?.length === 0 || deliveryPartnerIds?.length === 0 || page.beyondEnd) return { body: ['{"data":[]}'] }
  let members = db.selectFrom('partnership_documents as d').where('d.lead_provider_id', '=', leadProviderId)
  if (cohorts !== null) members = members.where('d.cohort_year', 'in', cohorts)
  if (deliveryPartnerIds !== null) members = members.where('d.delivery_partner_id', 'in', deliveryPartnerIds)
  if (updatedSince !== null) members = members.where('d.updated_at', '>=', updatedSince)
  const stale = anyStale(leadProviderId, today)
  return readPage(db, { members, body: sql<string | null>`d.body`, stale, sort, columns: SORT_COLUMNS, tieBreaker: sql`d.partnership_id`, page, defaultSort: DEFAULT_SORT })
}

/**
 * Builds up to `limit` of the lead provider's stale partnership documents for `today` with the
 * derivation itself; each is stored only if no write marked it stale again since it was picked.
 */
export async function buildPartnershipDocuments(db: Db, leadProviderId: string, today: string, limit: number): Promise<{ built: number; more: boolean }> {
  const log = await consumeInvalidations(db)
  const stale = await db
    .selectFrom('partnership_documents')
    .select(['partnership_id', 'version'])
    .where('lead_provider_id', '=', leadProviderId)
    .where((eb) => eb.or([eb('valid_until', '<=', today), eb('valid_from', '>', today)]))
    .limit(limit + 1)
    .execute()
  const picked = stale.slice(0, limit)
  if (picked.length === 0) return { built: 0, more: log.more }
  const ids = picked.map((r) => r.partnership_id)
  const rows = await partnershipsByIds(db, leadProviderId, today, ids)
  const windows = await partnershipWindows(db, ids, today)
  const version = new Map(picked.map((r) => [r.partnership_id, r.version]))
  const c = { id: [] as string[], version: [] as string[], body: [] as string[], updated_at: [] as Date[], valid_from: [] as string[], valid_until: [] as string[], delivery_partner_id: [] as string[] }
  for (const row of rows) {
    const window = windows.get(row.id) ?? { from: '-infinity', until: 'infinity' }
    c.id.push(row.id)
    c.version.push(version.get(row.id)!)
    c.body.push(JSON.stringify(serializePartnership(row)))
    c.updated_at.push(row.updated_ts)
    c.valid_from.push(window.from)
    c.valid_until.push(window.until)
    c.delivery_partner_id.push(row.delivery_partner_id)
  }
  let built = 0
  if (rows.length > 0) {
    // Rows another build or a write holds are skipped, never waited for: two builds over the
    // same documents in different orders cannot deadlock, and a skipped one stays stale.
    const result = await sql`
      WITH v AS (SELECT * FROM unnest(${c.id}::uuid[], ${c.version}::bigint[], ${c.body}::text[], ${c.updated_at}::timestamptz[],
        ${c.valid_from}::date[], ${c.valid_until}::date[], ${c.delivery_partner_id}::uuid[])
        AS v(partnership_id, version, body, updated_at, valid_from, valid_until, delivery_partner_id)),
      mine AS (
        SELECT d.partnership_id FROM partnership_documents d JOIN v ON v.partnership_id = d.partnership_id
        WHERE d.lead_provider_id = ${leadProviderId} AND d.version = v.version
        FOR UPDATE OF d SKIP LOCKED)
      UPDATE partnership_documents d SET
        body = v.body, updated_at = v.updated_at, valid_from = v.valid_from, valid_until = v.valid_until, delivery_partner_id = v.delivery_partner_id
      FROM v JOIN mine ON mine.partnership_id = v.partnership_id
      WHERE d.lead_provider_id = ${leadProviderId} AND d.partnership_id = v.partnership_id AND d.version = v.version`.execute(db)
    built = Number(result.numAffectedRows ?? 0)
  }
  return { built, more: log.more || stale.length > limit }
}

/** The answer from the documents, building the stale ones first when they are few. */
export function answerFromPartnershipDocuments(db: Db, leadProviderId: string, request: PartnershipRequest): Promise<DocumentsAnswer> {
  return readBuilding(() => readPartnershipDocuments(db, leadProviderId, request), (limit) => buildPartnershipDocuments(db, leadProviderId, request.today, limit))
}

/** Builds every lead provider's stale partnership documents for `today`; returns how many it built. */
export function warmPartnershipDocuments(db: Db, today: string, signal?: AbortSignal): Promise<number> {
  return warmEachProvider(db, (leadProviderId, limit) => buildPartnershipDocuments(db, leadProviderId, today, limit), signal)
}
