// The one way to open a write transaction: one command, one transaction (STYLE).
import type { Transaction } from 'kysely'
import type { Db } from './connect.ts'
import type { Database } from './schema.ts'

export type Tx = Transaction<Database>

export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn)
}
