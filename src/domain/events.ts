// The audit trail (C-81): every write records who acted, in the same transaction as the change.
// A transaction may hold its events back and write them in one statement at its end (the seed's
// replay does, S-17 step 5's start-up time); nothing reads them before the transaction commits.
import type { Insertable } from 'kysely'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/connect.ts'
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

/**
 * W-16: who a web action's transaction acts for. Its events are authored `school` (school pages)
 * or `operator` (admin pages) where the command would record `operator`, and carry the actor.
 */
export type Acting = { author: 'school' | 'operator'; actor: string }

const acting = new WeakMap<Db | Tx, Acting>()

/** Marks a transaction as a web user's: every event it records names them (W-16). */
export function actAs(tx: Tx, who: Acting): void {
  acting.set(tx, who)
}

function eventRow(clock: Clock, event: EventInput, tx?: Db | Tx) {
  const who = tx === undefined ? undefined : acting.get(tx)
  return {
    occurred_at: clock.now,
    author: who !== undefined && event.author === 'operator' ? who.author : event.author,
    actor: who?.actor ?? null,
    lead_provider_id: event.lead_provider_id ?? null,
    action: event.action,
    subject_type: event.subject_type,
    subject_id: event.subject_id,
    data: JSON.stringify(event.data ?? {}),
  }
}

export async function recordEvent(tx: Tx, clock: Clock, event: EventInput): Promise<void> {
  const row = eventRow(clock, event, tx)
  const rows = held.get(tx)
  if (rows) rows.push(row)
  else await tx.insertInto('events').values(row).execute()
}

/**
 * For a SQL function that writes a row and, only with it, its event (partnership_create, 0014):
 * the event as jsonb text, or null when the transaction holds its events — the caller then
 * records it with `recordEvent` once the function says it wrote the row.
 */
export function eventForStatement(tx: Db, clock: Clock, event: EventInput): string | null {
  if (held.has(tx as Tx)) return null
  return JSON.stringify({ ...eventRow(clock, event, tx), data: event.data ?? {} })
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
