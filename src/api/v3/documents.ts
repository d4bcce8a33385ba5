// Q-4 … Q-6: every document table's stale documents for a date, built by `rect serve` in the
// background and by the bench before it measures.
import type { Db } from '../../db/connect.ts'
import { warmDocuments } from './participants/documents.ts'
import { warmPartnershipDocuments } from './partnerships/documents.ts'
import { warmSchoolDocuments } from './schools/documents.ts'

/** Stops between steps once `signal` aborts (a closing server). */
export async function warmAllDocuments(
  db: Db,
  today: string,
  signal?: AbortSignal,
): Promise<{ participants: number; partnerships: number; schools: number }> {
  const participants = await warmDocuments(db, today, signal)
  const partnerships = signal?.aborted ? 0 : await warmPartnershipDocuments(db, today, signal)
  const schools = signal?.aborted ? 0 : await warmSchoolDocuments(db, today, signal)
  return { participants, partnerships, schools }
}
