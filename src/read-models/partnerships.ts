// partnership_documents (0009): one row per partnership, holding its document, so a page is one
// index range of stored JSON texts instead of P-35's count per partnership (Q-4, Q-5). Built for
// the days between P-35's dates (partnershipWindows).
import { sql } from 'kysely'
import { inCohorts, ofDeliveryPartners, updatedSince } from '../api/v3/feed-filters.ts'
import { partnershipsByIds, partnershipWindows, type PartnershipFilters } from '../api/v3/partnerships/query.ts'
import type { SORT_KEYS } from '../api/v3/partnerships/schemas.ts'
import { serializePartnership } from '../api/v3/partnerships/serialize.ts'
import { mapInTurns } from './build.ts'
import type { DocumentTable, Feed } from './documents.ts'

const COLUMNS = { body: 'text', updated_at: 'timestamptz', valid_from: 'date', valid_until: 'date', delivery_partner_id: 'uuid' } as const

export const partnershipDocuments: DocumentTable<string, keyof typeof COLUMNS> = {
  table: 'partnership_documents',
  kind: 'partnership',
  scope: 'lead_provider_id',
  scopes: async (db) => (await db.selectFrom('lead_providers').select('id').orderBy('id').execute()).map((p) => p.id),
  key: 'partnership_id',
  columns: COLUMNS,
  // P-49: a pending partnership of the lead provider with no row yet, among the keys logged as
  // possible members (a delivery partner's rename logs its partnerships, none of them new).
  pendingMembers: (leadProviderId) => sql<boolean>`EXISTS (
    SELECT 1 FROM document_invalidations i JOIN partnerships p ON p.id = i.id
    WHERE i.kind = 'partnership' AND i.member AND p.lead_provider_id = ${leadProviderId}
      AND NOT EXISTS (SELECT 1 FROM partnership_documents m WHERE m.partnership_id = i.id))`,
  memberRows: {
    columns: { created_at: 'timestamptz', cohort_year: 'integer' },
    rows: (ids) => sql`SELECT id AS partnership_id, created_at, cohort_year FROM partnerships WHERE id = ANY(${ids}::uuid[])`,
  },
  async derive(db, leadProviderId, today, ids, columns) {
    const rows = await partnershipsByIds(db, leadProviderId, today, ids)
    const windows = columns === undefined || columns.includes('valid_from') || columns.includes('valid_until') ? await partnershipWindows(db, ids, today) : new Map()
    return mapInTurns(rows, (row) => {
      const window = windows.get(row.id) ?? { from: '-infinity', until: 'infinity' }
      const values = {
        body: JSON.stringify(serializePartnership(row)),
        updated_at: row.updated_ts,
        valid_from: window.from,
        valid_until: window.until,
        delivery_partner_id: row.delivery_partner_id,
      }
      return { key: row.id, values }
    })
  },
}

/** P-49, P-50: the partnerships feed. */
export const partnershipsFeed: Feed<string, { today: string }, PartnershipFilters, (typeof SORT_KEYS)[number]> = {
  documents: partnershipDocuments,
  scopeOf: (leadProviderId) => leadProviderId,
  text: () => sql<string | null>`d.body`,
  columns: ['body', 'updated_at', 'delivery_partner_id'],
  sortColumns: { created_at: sql`d.created_at`, updated_at: sql`d.updated_at` },
  defaultSort: [{ key: 'created_at', direction: 'asc' }],
  pageScoped: true,
  filters({ cohorts, deliveryPartnerIds, updatedSince: since }) {
    if (cohorts?.length === 0 || deliveryPartnerIds?.length === 0) return null
    return [
      ...(cohorts === null ? [] : [inCohorts(sql.ref('d.cohort_year'), cohorts)]),
      ...(deliveryPartnerIds === null ? [] : [ofDeliveryPartners(sql.ref('d.delivery_partner_id'), deliveryPartnerIds)]),
      ...(since === null ? [] : [updatedSince(sql.ref('d.updated_at'), since)]),
    ]
  },
}
