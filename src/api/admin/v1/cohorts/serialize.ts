import { wireTimestamp } from '../../../../clock.ts'
import type { CohortRow } from './query.ts'

export function serializeCohort(row: CohortRow) {
  return {
    id: row.id,
    year: String(row.year),
    starts_on: row.starts_on,
    ends_on: row.ends_on,
    partnerships_open: row.partnerships_open,
    payments_frozen_on: row.payments_frozen_on,
    mentor_funding_enabled: row.mentor_funding_enabled,
    detailed_evidence_types_enabled: row.detailed_evidence_types_enabled,
    uplift_fees_enabled: row.uplift_fees_enabled,
    created_at: wireTimestamp(row.created_at),
    updated_at: wireTimestamp(row.updated_at),
  }
}
