// Ids of new rows. A command asks `newId(tx, kind)`: a random UUID, unless the transaction has an
// id source, which the seed and the sandbox scenarios register so that the same replay writes the
// same ids (S-30, S-51). Keyed by the transaction object, so it never reaches another request.
import { randomUUID } from 'node:crypto'
import type { Db } from '../db/connect.ts'

export type IdKind =
  | 'teacher'
  | 'ect-training-record'
  | 'mentor-training-record'
  | 'at-school-period'
  | 'training-period'
  | 'mentorship'
  | 'partnership'
  | 'declaration'
  | 'statement'

export type IdSource = (kind: IdKind) => string

const sources = new WeakMap<Db, IdSource>()

export function newId(tx: Db, kind: IdKind): string {
  return sources.get(tx)?.(kind) ?? randomUUID()
}

/** The source the transaction's later `newId` calls use; null goes back to random ids. */
export function setIdSource(tx: Db, source: IdSource | null): void {
  if (source === null) sources.delete(tx)
  else sources.set(tx, source)
}
