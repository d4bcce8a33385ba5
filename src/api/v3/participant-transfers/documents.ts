// Transfers read from the transfers documents kept beside each participant's (0010, built by
// participants/documents.ts): a page is one index range of stored JSON texts, answered only
// when every document of the lead provider is built for the request's date, as the participants
// feed is (participants/documents.ts says why that is exactly the derivation's answer).
import { sql } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import { readBuilding, readPage, type DocumentsAnswer } from '../../common/documents.ts'
import { pending } from '../../../read-models/log.ts'
import type { Page } from '../../common/paging.ts'
import type { SortKey } from '../../common/sort.ts'
import { anyStale, buildDocuments } from '../participants/documents.ts'
import type { SORT_KEYS } from './schemas.ts'

type SortName = (typeof SORT_KEYS)[number]

const DEFAULT_SORT: SortKey<SortName>[] = [{ key: 'created_at', direction: 'asc' }]
const SORT_COLUMNS = { created_at: sql`d.created_at`, updated_at: sql`d.transfers_updated_at` }

export type TransfersRequest = { today: string } & ({ teacherId: string } | { updatedSince: Date | null; sort: SortKey<SortName>[]; page: Page })

/** T-23 … T-26, or T-22 with a teacher id (no transfer the caller sees: 'not found'). */
export async function readTransferDocuments(db: Db, leadProviderId: string, request: TransfersRequest): Promise<DocumentsAnswer> {
  const { today } = request
  if ('teacherId' in request) {
    const { rows: [found] } = await sql<{ pending: boolean; found: boolean; built: boolean; transfers_body: string | null }>`
      SELECT ${pending('participant', { id: request.teacherId })} AS pending, d.teacher_id IS NOT NULL AS found,
        d.valid_from <= ${today}::date AND d.valid_until > ${today}::date AS built, d.transfers_body
      FROM (VALUES (1)) AS one (x)
      LEFT JOIN participant_documents d ON d.lead_provider_id = ${leadProviderId} AND d.teacher_id = ${request.teacherId}`.execute(db)
    const row = found!
    if (row.pending) return 'stale'
    if (!row.found) return 'not found'
    if (!row.built) return 'stale'
    return row.transfers_body === null ? 'not found' : { body: [`{"data":${row.transfers_body}}`] }
  }
  const { updatedSince, sort, page } = request
  if (page.beyondEnd) return { body: ['{"data":[]}'] }
  let members = db.selectFrom('participant_documents as d').where('d.lead_provider_id', '=', leadProviderId).where('d.transfers_body', 'is not', null)
  if (updatedSince !== null) members = members.where('d.transfers_updated_at', '>=', updatedSince)
  const stale = anyStale(leadProviderId, today)
  return readPage(db, { members, body: sql<string | null>`d.transfers_body`, stale, sort, columns: SORT_COLUMNS, tieBreaker: sql`d.teacher_id`, page, defaultSort: DEFAULT_SORT })
}

/** The answer from the documents, building the stale ones first when they are few. */
export function answerFromTransferDocuments(db: Db, leadProviderId: string, request: TransfersRequest): Promise<DocumentsAnswer> {
  return readBuilding(() => readTransferDocuments(db, leadProviderId, request), (limit) => buildDocuments(db, leadProviderId, request.today, limit))
}
