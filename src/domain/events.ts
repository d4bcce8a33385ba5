// The audit trail (C-81): every write records who acted, in the same transaction as the change.
// A transaction may hold its events back and write them in one statement at its end (the seed's
// replay does, S-17 step 5's start-up time); nothing reads them before the transaction commits.
import { sql, type Insertable, type InsertQueryBuilder } from 'kysely'
import type { Clock } from '../clock.ts'
import type { Author, Database, EventsTable } from '../db/schema.ts'
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

function eventRow(clock: Clock, event: EventInput) {
  return {
    occurred_at: clock.now,
    author: event.author,
    lead_provider_id: event.lead_provider_id ?? null,
    action: event.action,
    subject_type: event.subject_type,
    subject_id: event.subject_id,
    data: JSON.stringify(event.data ?? {}),
  }
}

export async function recordEvent(tx: Tx, clock: Clock, event: EventInput): Promise<void> {
  const row = eventRow(clock, event)
  const rows = held.get(tx)
  if (rows) rows.push(row)
  else await tx.insertInto('events').values(row).execute()
}

/**
 * An insert that may write no row (ON CONFLICT DO NOTHING … RETURNING id) and its event, in one
 * statement (Q-4: a round trip fewer for POST /partnerships): the event is written only when the
 * insert wrote its row. Returns whether it did. With the transaction's events held, as recordEvent.
 */
export async function insertRecorded<T extends keyof Database>(
  tx: Tx,
  clock: Clock,
  insert: InsertQueryBuilder<Database, T, { id: string }>,
  event: EventInput,
): Promise<boolean> {
  if (held.has(tx)) {
    const written = (await insert.executeTakeFirst()) !== undefined
    if (written) await recordEvent(tx, clock, event)
    return written
  }
  const row = eventRow(clock, event)
  const written = await tx
    .with('written', () => insert)
    .insertInto('events')
    .columns(['occurred_at', 'author', 'lead_provider_id', 'action', 'subject_type', 'subject_id', 'data'])
    .expression((eb) =>
      eb
        .selectFrom('written')
        .select([
          sql<Date>`${row.occurred_at}::timestamptz`.as('occurred_at'),
          sql<string>`${row.author}::text`.as('author'),
          sql<string | null>`${row.lead_provider_id}::uuid`.as('lead_provider_id'),
          sql<string>`${row.action}::text`.as('action'),
          sql<string>`${row.subject_type}::text`.as('subject_type'),
          sql<string | null>`${row.subject_id}::uuid`.as('subject_id'),
          sql<string>`${row.data}::jsonb`.as('data'),
        ]),
    )
    .returning('id')
    .executeTakeFirst()
  return written !== undefined
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
