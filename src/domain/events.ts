// The audit trail (C-81): every write records who acted, in the same transaction as the change.
import type { Clock } from '../clock.ts'
import type { Author } from '../db/schema.ts'
import type { Tx } from '../db/transaction.ts'

export type EventInput = {
  author: Author
  action: string
  subject_type: string
  subject_id: string | null
  lead_provider_id?: string | null
  data?: Record<string, unknown>
}

export async function recordEvent(tx: Tx, clock: Clock, event: EventInput): Promise<void> {
  await tx
    .insertInto('events')
    .values({
      occurred_at: clock.now,
      author: event.author,
      lead_provider_id: event.lead_provider_id ?? null,
      action: event.action,
      subject_type: event.subject_type,
      subject_id: event.subject_id,
      data: JSON.stringify(event.data ?? {}),
    })
    .execute()
}
