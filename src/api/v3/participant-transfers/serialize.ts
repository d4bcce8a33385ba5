import { wireTimestamp } from '../../../clock.ts'
import type { ParticipantTransferRow } from './query.ts'

export function serializeParticipantTransfer(row: ParticipantTransferRow) {
  return {
    id: row.id,
    type: 'participant-transfer' as const,
    attributes: { transfers: row.transfers, updated_at: wireTimestamp(row.updated_at) },
  }
}
