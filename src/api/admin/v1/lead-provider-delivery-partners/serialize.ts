import { wireTimestamp } from '../../../../clock.ts'
import type { PairingRow } from './query.ts'

export function serializePairing(row: PairingRow) {
  return {
    id: row.id,
    lead_provider_id: row.lead_provider_id,
    delivery_partner_id: row.delivery_partner_id,
    cohort: String(row.cohort_year),
    created_at: wireTimestamp(row.created_at),
  }
}
