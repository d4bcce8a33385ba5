import { wireTimestamp } from '../../../../clock.ts'
import type { LeadProviderRow } from './query.ts'

export function serializeLeadProvider(row: LeadProviderRow) {
  return {
    id: row.id,
    name: row.name,
    tokens: row.tokens,
    created_at: wireTimestamp(row.created_at),
    updated_at: wireTimestamp(row.updated_at),
  }
}
