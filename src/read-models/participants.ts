// participant_documents (0008, with the transfers of 0010): one row per lead provider and
// participant, holding the participants feed's document and the transfers resource beside
// it, so a page of either is one index range of stored JSON texts instead of a derivation per
// participant. Built for the days between the participant's R-38 and at-school period
// dates (changeWindows).
import { sql } from 'kysely'
import { enrolmentInCohorts, enrolmentWithStatus, updatedSince } from '../api/v3/feed-filters.ts'
import { changeWindows, listParticipants, type FeedOptions } from '../api/v3/participants/query.ts'
import type { SORT_KEYS } from '../api/v3/participants/schemas.ts'
import { serializeParticipant } from '../api/v3/participants/serialize.ts'
import { participantTransfers } from '../api/v3/participant-transfers/query.ts'
import type { SORT_KEYS as TRANSFER_SORT_KEYS } from '../api/v3/participant-transfers/schemas.ts'
import { serializeParticipantTransfer } from '../api/v3/participant-transfers/serialize.ts'
import { mapInTurns } from './build.ts'
import type { DocumentTable, Feed } from './documents.ts'

const COLUMNS = {
  body: 'text',
  updated_at: 'timestamptz',
  valid_from: 'date',
  valid_until: 'date',
  from_participant_ids: 'uuid[]',
  ect_cohort: 'integer',
  ect_training_status: 'text',
  mentor_cohort: 'integer',
  mentor_training_status: 'text',
  transfers_body: 'text',
  transfers_updated_at: 'timestamptz',
} as const

export const participantDocuments: DocumentTable<string, keyof typeof COLUMNS> = {
  table: 'participant_documents',
  kind: 'participant',
  scope: 'lead_provider_id',
  scopes: async (db) => (await db.selectFrom('lead_providers').select('id').orderBy('id').execute()).map((p) => p.id),
  key: 'teacher_id',
  columns: COLUMNS,
  // a pending teacher with a confirmed period on the lead provider's partnerships and no row
  // yet, among the keys logged as possible members (a rename logs every member, none of them new).
  pendingMembers: (leadProviderId) => sql<boolean>`EXISTS (
    SELECT 1 FROM document_invalidations i JOIN training_periods tp ON tp.teacher_id = i.id
    WHERE i.kind = 'participant' AND i.member AND tp.lead_provider_id = ${leadProviderId} AND tp.partnership_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM participant_documents m WHERE m.lead_provider_id = ${leadProviderId} AND m.teacher_id = i.id))`,
  memberRows: {
    columns: { created_at: 'timestamptz' },
    rows: (ids) => sql`SELECT id AS teacher_id, created_at FROM teachers WHERE id = ANY(${ids}::uuid[])`,
  },
  // The feed's and the transfers' derivations for these participants, with the R-39 keys the
  // filters read and the days the texts hold for.
  async derive(db, leadProviderId, today, ids, columns) {
    const wanted = (...some: (keyof typeof COLUMNS)[]) => columns === undefined || some.some((c) => columns.includes(c))
    const page = { page: 1, perPage: ids.length, offset: 0, beyondEnd: false }
    const rows = await listParticipants(db, leadProviderId, { today, ids, page })
    const transfers = wanted('transfers_body', 'transfers_updated_at')
      ? new Map((await participantTransfers(db, leadProviderId, { today, teacherIds: ids })).map((t) => [t.id, t]))
      : new Map()
    const windows = wanted('valid_from', 'valid_until') ? await changeWindows(db, ids, today) : new Map()
    return mapInTurns(rows, (row) => {
      const window = windows.get(row.id) ?? { from: '-infinity', until: 'infinity' }
      const ect = row.enrolments.find((e) => e.role === 'ect')
      const mentor = row.enrolments.find((e) => e.role === 'mentor')
      const transfer = transfers.get(row.id)
      return {
        key: row.id,
        values: {
          body: JSON.stringify(serializeParticipant(row, today)),
          updated_at: row.updated_at,
          valid_from: window.from,
          valid_until: window.until,
          from_participant_ids: row.participant_id_changes.map((c) => c.from_participant_id),
          ect_cohort: ect ? Number(ect.cohort) : null,
          ect_training_status: ect?.training_status ?? null,
          mentor_cohort: mentor ? Number(mentor.cohort) : null,
          mentor_training_status: mentor?.training_status ?? null,
          transfers_body: transfer ? JSON.stringify(serializeParticipantTransfer(transfer)) : null,
          transfers_updated_at: transfer?.updated_at ?? null,
        },
      }
    })
  },
}

/** R-39's filters, as the derivation takes them. */
type ParticipantFilters = Pick<FeedOptions, 'cohorts' | 'trainingStatus' | 'fromParticipantId' | 'updatedSince'>

const ENROLMENT_COHORTS = { ect: sql.ref('d.ect_cohort'), mentor: sql.ref('d.mentor_cohort') }
const ENROLMENT_STATUSES = { ect: sql.ref('d.ect_training_status'), mentor: sql.ref('d.mentor_training_status') }

/** the participants feed. */
export const participantsFeed: Feed<string, { today: string }, ParticipantFilters, (typeof SORT_KEYS)[number]> = {
  documents: participantDocuments,
  scopeOf: (leadProviderId) => leadProviderId,
  text: () => sql<string | null>`d.body`,
  columns: ['body', 'updated_at', 'from_participant_ids', 'ect_cohort', 'ect_training_status', 'mentor_cohort', 'mentor_training_status'],
  sortColumns: { created_at: sql`d.created_at`, updated_at: sql`d.updated_at` },
  defaultSort: [{ key: 'created_at', direction: 'asc' }],
  pageScoped: true,
  filters({ cohorts = null, trainingStatus = null, fromParticipantId = null, updatedSince: since = null }) {
    if (cohorts?.length === 0) return null
    return [
      ...(cohorts === null ? [] : [enrolmentInCohorts(ENROLMENT_COHORTS, cohorts)]),
      ...(trainingStatus === null ? [] : [enrolmentWithStatus(ENROLMENT_STATUSES, trainingStatus)]),
      // The derivation looks the id up in participant_id_changes; the document keeps them in an array.
      ...(fromParticipantId === null ? [] : [sql<boolean>`${fromParticipantId}::uuid = ANY(d.from_participant_ids)`]),
      // The derivation finds these by index ranges over change dates; the document stores the value.
      ...(since === null ? [] : [updatedSince(sql.ref('d.updated_at'), since)]),
    ]
  },
}

/** T-22 … T-26: the transfers kept beside each participant's document (null: none the caller sees). */
export const transfersFeed: Feed<string, { today: string }, { updatedSince: Date | null }, (typeof TRANSFER_SORT_KEYS)[number]> = {
  documents: participantDocuments,
  scopeOf: (leadProviderId) => leadProviderId,
  member: sql<boolean>`${sql.ref('d.transfers_body')} is not null`,
  text: () => sql<string | null>`d.transfers_body`,
  columns: ['transfers_body', 'transfers_updated_at'],
  sortColumns: { created_at: sql`d.created_at`, updated_at: sql`d.transfers_updated_at` },
  defaultSort: [{ key: 'created_at', direction: 'asc' }],
  filters: ({ updatedSince: since }) => (since === null ? [] : [updatedSince(sql.ref('d.transfers_updated_at'), since)]),
}
