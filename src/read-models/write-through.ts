// Q-4 under writes (issue 21's mixed row): a write transaction builds the participant documents
// its writes changed before it commits, so a reader never meets them stale. Without it each write
// left its keys pending in the log until the warm-up consumed them (60 ms after a read found them,
// and its run), and every poll of the lead provider meanwhile derived the stale documents itself
// on one snapshot (merged.ts): four statements in a transaction, shared by the polls that arrived
// together. Now the poll after a write reads the page from the documents, or its copy.
//
// At the end of every command's transaction (transaction.ts whenCommitting), after its writes:
// the log's participant keys are read and locked (its own and any committed that nobody else is
// taking; none when more are pending than a write should build: a rename, a migration, which
// stay the warm-up's), with the documents they name and those documents' versions; the documents
// are derived by the feed's own derivation, holding no document row, so two writes of one lead
// provider do not queue behind each other's derivations; then in one statement the keys are
// deleted and the documents locked in key order and marked
// (document_invalidations_take_participants.sql), and stored. A document marked by anyone since
// it was read was written by a transaction the derivation may not have seen: it is derived again,
// now that this one holds its row (a new statement sees that transaction, which has ended).
// Partnership and school keys stay for the warm-up.
import { sql } from 'kysely'
import type { Db } from '../db/connect.ts'
import { whenCommitting, type Tx } from '../db/transaction.ts'
import { store } from './build.ts'
import { participantDocuments } from './participants.ts'

/** The most participant keys a write takes and builds itself; with more pending it leaves them all to the warm-up. */
export const writeThrough = { atMost: 50 }

type Seen = { lead_provider_id: string; teacher_id: string; version: string | null }

/** The participant documents whose keys are pending, built for `today` in `tx` (none when more than writeThrough.atMost are pending). */
export async function buildWritten(tx: Tx, today: string): Promise<number> {
  // The keys, and the documents consuming them marks: every row of their teachers, and the member
  // rows their confirmed periods call for (document_invalidations_mark).
  const { rows: [log] } = await sql<{ seqs: string[]; documents: Seen[] | null }>`
    WITH keys AS (
      SELECT i.seq, i.id FROM document_invalidations i WHERE i.kind = 'participant' ORDER BY i.seq LIMIT ${writeThrough.atMost + 1}
      FOR UPDATE SKIP LOCKED)
    SELECT ARRAY(SELECT seq FROM keys)::text[] AS seqs,
      (SELECT json_agg(x ORDER BY x.lead_provider_id, x.teacher_id) FROM (
        SELECT d.lead_provider_id, d.teacher_id, d.version::text AS version FROM participant_documents d WHERE d.teacher_id IN (SELECT id FROM keys)
        UNION
        SELECT tp.lead_provider_id, tp.teacher_id, NULL FROM training_periods tp
        WHERE tp.teacher_id IN (SELECT id FROM keys) AND tp.partnership_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM participant_documents d WHERE d.lead_provider_id = tp.lead_provider_id AND d.teacher_id = tp.teacher_id)) x
      WHERE (SELECT count(*) FROM keys) <= ${writeThrough.atMost}) AS documents`.execute(tx)
  if (log === undefined || log.seqs.length === 0 || log.seqs.length > writeThrough.atMost) return 0
  const seen = log.documents ?? []
  const derived = new Map<string, Map<string, { key: string; values: Record<string, unknown> }>>()
  const derive = async (leadProviderId: string, ids: string[]) => {
    const byKey = derived.get(leadProviderId) ?? new Map()
    derived.set(leadProviderId, byKey)
    for (const d of await participantDocuments.derive(tx, leadProviderId, today, ids)) byKey.set(d.key, d)
  }
  for (const [leadProviderId, ids] of groupByScope(seen)) await derive(leadProviderId, ids)
  const { rows: marked } = await sql<{ lead_provider_id: string; teacher_id: string; version: string; changed: boolean }>`
    SELECT lead_provider_id, teacher_id, version::text AS version, changed FROM document_invalidations_take_participants(
      ${log.seqs}::bigint[], ${seen.map((s) => s.lead_provider_id)}::uuid[], ${seen.map((s) => s.teacher_id)}::uuid[], ${seen.map((s) => s.version)}::bigint[])`.execute(tx)
  for (const [leadProviderId, ids] of groupByScope(marked.filter((m) => m.changed))) await derive(leadProviderId, ids)
  let built = 0
  for (const [leadProviderId, ids] of groupByScope(marked)) {
    const versions = new Map(marked.filter((m) => m.lead_provider_id === leadProviderId).map((m) => [m.teacher_id, m.version]))
    const rows = ids.flatMap((id) => {
      const d = derived.get(leadProviderId)?.get(id)
      return d === undefined ? [] : [{ ...d, version: versions.get(id)! }]
    })
    if (rows.length > 0) built += await store(tx, participantDocuments, leadProviderId, rows)
  }
  return built
}

function groupByScope(rows: { lead_provider_id: string; teacher_id: string }[]): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const r of rows) {
    const ids = groups.get(r.lead_provider_id)
    if (ids === undefined) groups.set(r.lead_provider_id, [r.teacher_id])
    else ids.push(r.teacher_id)
  }
  return groups
}

/** From now on every command's transaction over `db` builds the participant documents it changed, for the date `today()` gives. */
export function buildWhenWriting(db: Db, today: () => string): void {
  whenCommitting(db, async (tx) => void (await buildWritten(tx, today())))
}
