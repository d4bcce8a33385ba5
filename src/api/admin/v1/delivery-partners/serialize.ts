import { wireTimestamp } from '../../../../clock.ts'
import type { DeliveryPartnerRow } from './query.ts'

export function serializeDeliveryPartner(row: DeliveryPartnerRow) {
  return {
    id: row.id,
    name: row.name,
    pairings: row.pairings,
    created_at: wireTimestamp(row.created_at),
    updated_at: wireTimestamp(row.updated_at),
  }
}
