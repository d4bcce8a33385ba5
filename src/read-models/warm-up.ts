// Q-4 … Q-6: every document table's stale documents for a date, built by `rect serve` in the
// background (serve-start.ts) and by the bench before it measures.
import type { Db } from '../db/connect.ts'
import { buildDocuments, type DocumentTable } from './documents.ts'
import { participantDocuments } from './participants.ts'
import { partnershipDocuments } from './partnerships.ts'
import { schoolDocuments } from './schools.ts'

/** How many documents one warm-up step builds. */
const BUILD_IN_STEP = 2000

/** Builds the table's stale documents for `today`, scope by scope, until `signal` aborts; returns how many it built. */
export async function warmDocuments<S>(db: Db, t: DocumentTable<S>, today: string, signal?: AbortSignal): Promise<number> {
  let built = 0
  for (const scope of await t.scopes(db)) {
    for (;;) {
      if (signal?.aborted) return built
      const step = await buildDocuments(db, t, scope, today, BUILD_IN_STEP)
      built += step.built
      if (!step.more || step.built === 0) break
    }
  }
  return built
}

/** Every table's, one after the other; stops between steps once `signal` aborts (a closing server). */
export async function warmAllDocuments(
  db: Db,
  today: string,
  signal?: AbortSignal,
): Promise<{ participants: number; partnerships: number; schools: number }> {
  const participants = await warmDocuments(db, participantDocuments, today, signal)
  const partnerships = signal?.aborted ? 0 : await warmDocuments(db, partnershipDocuments, today, signal)
  const schools = signal?.aborted ? 0 : await warmDocuments(db, schoolDocuments, today, signal)
  return { participants, partnerships, schools }
}
