// The document readers and builders as the tests call them, one per feed and table, over the one
// generic reader, builder and warm-up of src/read-models.
import type { Db } from '../../src/db/connect.ts'
import type { Page } from '../../src/api/common/paging.ts'
import type { SortKey } from '../../src/api/common/sort.ts'
import type { FeedOptions } from '../../src/api/v3/participants/query.ts'
import type { PartnershipFilters } from '../../src/api/v3/partnerships/query.ts'
import type { SORT_KEYS as PARTNERSHIP_SORT_KEYS } from '../../src/api/v3/partnerships/schemas.ts'
import type { SORT_KEYS as SCHOOL_SORT_KEYS } from '../../src/api/v3/schools/schemas.ts'
import type { SORT_KEYS as TRANSFER_SORT_KEYS } from '../../src/api/v3/participant-transfers/schemas.ts'
import { answerFromDocuments, readDocuments, type DocumentsAnswer, type Step } from '../../src/read-models/documents.ts'
import { buildDocuments } from '../../src/read-models/build.ts'
import { participantDocuments, participantsFeed, transfersFeed } from '../../src/read-models/participants.ts'
import { partnershipDocuments, partnershipsFeed } from '../../src/read-models/partnerships.ts'
import { schoolDocuments, schoolsFeed } from '../../src/read-models/schools.ts'
import { warmDocuments } from '../../src/read-models/warm-up.ts'

export type { DocumentsAnswer }

export type TransfersRequest = { today: string } & ({ teacherId: string } | { updatedSince: Date | null; sort: SortKey<(typeof TRANSFER_SORT_KEYS)[number]>[]; page: Page })
export type PartnershipRequest = { today: string } & ({ id: string } | (PartnershipFilters & { sort: SortKey<(typeof PARTNERSHIP_SORT_KEYS)[number]>[]; page: Page }))
export type SchoolsRequest = {
  leadProviderId: string
  cohortYear: number
  today: string
  urn: string | null
  updatedSince: Date | null
  sort: SortKey<(typeof SCHOOL_SORT_KEYS)[number]>[]
  page: Page
}
type SchoolRequest = { leadProviderId: string; cohortYear: number; today: string; id: string }

const ONE = { page: 1, perPage: 1, offset: 0, beyondEnd: false }

/** with `options.id`, as listParticipants takes them. */
function participants({ id, ...options }: FeedOptions) {
  return id !== undefined ? { today: options.today, id } : { ...options, sort: options.sort ?? [], page: options.page ?? ONE }
}

const transfers = (request: TransfersRequest) => ('teacherId' in request ? { today: request.today, id: request.teacherId } : request)

export const readParticipants = (db: Db, leadProviderId: string, options: FeedOptions): Promise<DocumentsAnswer> =>
  
  whole(readDocuments(db, participantsFeed, leadProviderId, participants(options)))
export const answerParticipants = (db: Db, leadProviderId: string, options: FeedOptions): Promise<DocumentsAnswer> =>
  
  whole(answerFromDocuments(db, participantsFeed, leadProviderId, participants(options)))
export const readTransfers = (db: Db, leadProviderId: string, request: TransfersRequest): Promise<DocumentsAnswer> =>
  
  whole(readDocuments(db, transfersFeed, leadProviderId, transfers(request)))
export const answerTransfers = (db: Db, leadProviderId: string, request: TransfersRequest): Promise<DocumentsAnswer> =>
  
  whole(answerFromDocuments(db, transfersFeed, leadProviderId, transfers(request)))
export const readPartnerships = (db: Db, leadProviderId: string, request: PartnershipRequest): Promise<DocumentsAnswer> =>
  
  whole(readDocuments(db, partnershipsFeed, leadProviderId, request))
export const answerPartnerships = (db: Db, leadProviderId: string, request: PartnershipRequest): Promise<DocumentsAnswer> =>
  
  whole(answerFromDocuments(db, partnershipsFeed, leadProviderId, request))
export const readSchools = (db: Db, request: SchoolsRequest): Promise<DocumentsAnswer> => 
  whole(readDocuments(db, schoolsFeed, request.leadProviderId, request))
export const answerSchools = (db: Db, request: SchoolsRequest): Promise<DocumentsAnswer> => 
  whole(answerFromDocuments(db, schoolsFeed, request.leadProviderId, request))
export const readSchool = (db: Db, request: SchoolRequest): Promise<DocumentsAnswer> => 
  whole(readDocuments(db, schoolsFeed, request.leadProviderId, request))
export const answerSchool = (db: Db, request: SchoolRequest): Promise<DocumentsAnswer> => 
  whole(answerFromDocuments(db, schoolsFeed, request.leadProviderId, request))

export const buildParticipants = (db: Db, leadProviderId: string, today: string, limit: number): Promise<Step> =>
  buildDocuments(db, participantDocuments, leadProviderId, today, limit)
export const buildPartnerships = (db: Db, leadProviderId: string, today: string, limit: number): Promise<Step> =>
  buildDocuments(db, partnershipDocuments, leadProviderId, today, limit)
export const buildSchools = (db: Db, cohortYear: number, today: string, limit: number): Promise<Step> => buildDocuments(db, schoolDocuments, cohortYear, today, limit)

export const warmParticipants = (db: Db, today: string): Promise<number> => warmDocuments(db, participantDocuments, today)
export const warmPartnerships = (db: Db, today: string): Promise<number> => warmDocuments(db, partnershipDocuments, today)
export const warmSchools = (db: Db, today: string): Promise<number> => warmDocuments(db, schoolDocuments, today)

/**
 * A streamed answer (a large page over PostgreSQL) or a copy read whole, its length checked against the one
 * it announced, so tests see every answer as text; and so no stream is left holding a client.
 */
async function whole(answer: Promise<DocumentsAnswer>): Promise<DocumentsAnswer> {
  const settled = await answer
  // A page served again from its copy (page-copies.ts).
  if (typeof settled === 'object' && 'buffer' in settled) return { body: [settled.buffer.toString('utf8')] }
  if (typeof settled !== 'object' || !('stream' in settled)) return settled
  const chunks: Buffer[] = []
  for await (const chunk of settled.stream) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks)
  if (text.length !== settled.bytes) throw new Error(`streamed ${text.length} bytes, announced ${settled.bytes}`)
  return { body: [text.toString('utf8')] }
}

/** An answer as a test compares it: the parsed body, or 'stale' / 'not found'. */
export async function parsed(answer: DocumentsAnswer): Promise<unknown> {
  const settled = await whole(Promise.resolve(answer))
  return typeof settled === 'object' && 'body' in settled ? JSON.parse(settled.body.join('')) : settled
}
