// The audit trail (C-81): every write records who acted, in the same transaction as the change.
// A transaction may hold its events back and write them in one statement at its end (the seed's
// replay does, S-17 step 5's start-up time); nothing reads them before the transaction commits.
import type { Insertable } from 'kysely'
import type { Clock } from '../clock.ts'
import type { Author, EventsTable } from '../db/schema.ts'
import type { Tx } from '../db/transaction.ts'

export type EventInput = {
  author: Author
  action: string
  subject_type: string
  subject_id: string | null
  lead_provider_id?: string | null
  data?: Record<string, unknown>
}

const held = new WeakMap<Tx, Insertable<EventsTable>[]>()

export async function recordEvent(tx: Tx, clock: Clock, event: EventInput): Promise<void> {
  const row = {
    occurred_at: clock.now,
    author: event.author,
    lead_provider_id: event.lead_provider_id ?? null,
    action: event.action,
    subject_type: event.subject_type,
    subject_id: event.subject_id,
    data: JSON.stringify(event.data ?? {}),
  }
  const rows = held.get(tx)
  if (rows) rows.push(row)
  else await tx.insertInto('events').values(row).execute()
}

/** From now on the transaction's events wait for `writeHeldEvents`, which writes them in order. */
export function holdEvents(tx: Tx): void {
  if (!held.has(tx)) held.set(tx, [])
}

export async function writeHeldEvents(tx: Tx): Promise<void> {
  const rows = held.get(tx) ?? []
  held.delete(tx)
  for (let i = 0; i < rows.length; i += 1000) await tx.insertInto('events').values(rows.slice(i, i + 1000)).execute()
}
