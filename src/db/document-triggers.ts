// The invalidation triggers (0016, src/read-models/dependencies.ts), switched off while a seed
// writes into an empty database: each statement would otherwise log keys of documents
// that are new and stale anyway. Switched on again, they leave what consuming those keys would
// have left: the member rows, added at once (0013 documents_add_members), every one stale until built.
import { sql } from 'kysely'
import type { Tx } from './transaction.ts'

export type DocumentTriggers = { table: string; name: string }[]

/** Only in a transaction that writes every domain row itself (a seed into an empty database). */
export async function documentTriggersOff(tx: Tx): Promise<DocumentTriggers> {
  const { rows } = await sql<{ table: string; name: string }>`
    SELECT c.relname AS table, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND t.tgname ~ '^document_invalidations_on_' ORDER BY 1, 2`.execute(tx)
  for (const { table, name } of rows) await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER ${sql.id(name)}`.execute(tx)
  return rows
}

/**
 * On again, and the member rows added. PostgreSQL alters no table with trigger events pending, so
 * the deferred constraint checks run first (SET CONSTRAINTS ALL IMMEDIATE, for the rest of the
 * transaction).
 */
export async function documentTriggersOn(tx: Tx, triggers: DocumentTriggers): Promise<void> {
  await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(tx)
  for (const { table, name } of triggers) await sql`ALTER TABLE ${sql.table(table)} ENABLE TRIGGER ${sql.id(name)}`.execute(tx)
  await sql`SELECT documents_add_members()`.execute(tx)
}
