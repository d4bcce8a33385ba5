import { wireTimestamp } from '../../../../clock.ts'
import type { ManualPartnershipRow } from './query.ts'

export function serializeManualPartnership(row: ManualPartnershipRow) {
  return {
    id: row.id,
    cohort: String(row.cohort_year),
    urn: row.urn,
    school_id: row.school_id,
    lead_provider_id: row.lead_provider_id,
    delivery_partner_id: row.delivery_partner_id,
    additional: row.additional,
    created_by: row.created_by,
    created_at: wireTimestamp(row.created_at),
    updated_at: wireTimestamp(row.updated_at),
  }
}
