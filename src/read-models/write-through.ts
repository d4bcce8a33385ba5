// Q-4 under writes (issue 21's mixed row): a command builds the participant documents its writes
// changed before it commits, so a reader never meets them stale. Without it each write left its
// keys pending in the log until the warm-up consumed them (60 ms after a read found them, and its
// run), and every poll of the lead provider meanwhile derived the stale documents itself on one
// snapshot (merged.ts): four statements in a transaction, shared by the polls that arrived
// together. Now the poll after a write reads the page from the documents, or shares that read.
//
// At the end of every command's transaction (transaction.ts whenCommitting), after its writes:
// the log's participant keys are read and locked (its own and any committed that nobody else is
// taking; none when more are pending than a command should build: a rename, a migration, which
// stay the warm-up's), with the documents consuming them marks and their versions; those are
// derived by the feed's own derivation, holding no document row. Then the keys are taken (deleted,
// their documents locked in key order and marked: document_invalidations_take_participants.sql)
// and the derivations stored over the documents this transaction marked itself at the versions
// it expects: a document marked or added by anyone since it was read was written by a
// transaction the derivation may not have seen, and stays stale for the warm-up and the merged
// reads. Over PostgreSQL those two statements and the COMMIT go as one message: the lead
// provider's row of document_scope_changes, which every statement that changes its documents
// updates, is held for their run and the commit, not for two round trips through a busy event
// loop as well (under the bench's mixed row, commands queued behind each other's on it: POST p95
// 207–365 ms). Partnership and school keys stay for the warm-up.
import { sql, type RawBuilder } from 'kysely'
import { poolOf, type Db } from '../db/connect.ts'
import { inlineParameters } from '../db/copy-out.ts'
import { whenCommitting, type Tx } from '../db/transaction.ts'
import { storeQuery } from './build.ts'
import { participantDocuments } from './participants.ts'

/** The most participant keys a command takes and builds itself; with more pending it leaves them all to the warm-up. */
export const writeThrough = { atMost: 50 }

type Seen = { lead_provider_id: string; teacher_id: string; version: string | null }

/**
 * The participant documents whose keys are pending, derived for `today` and stored in `tx` (none
 * when more than writeThrough.atMost are pending); with `commit`, the last statements, COMMIT and
 * BEGIN sent as one message (PostgreSQL: parameters written in as literals). Returns how many
 * documents it derived.
 */
export async function buildWritten(tx: Tx, today: string, commit = false): Promise<number> {
  // The keys, and the documents consuming them marks: every row of their teachers, and the member
  // rows their confirmed periods call for (document_invalidations_mark). For the rest of the
  // transaction PostgreSQL plans the derivation's named statements once, for any ids (generic
  // plans): planned for their values each time, the feed's and the transfers' statements took
  // 4–6 ms of planning to run in 0.4–2 ms, 2.1 s of the database's 8 s over the mixed row's 5 s.
  const { rows: [log] } = await sql<{ seqs: string[]; documents: Seen[] | null }>`
    WITH generic AS (SELECT set_config('plan_cache_mode', 'force_generic_plan', true)),
    keys AS (
      SELECT i.seq, i.id FROM document_invalidations i WHERE i.kind = 'participant' ORDER BY i.seq LIMIT ${writeThrough.atMost + 1}
      FOR UPDATE SKIP LOCKED)
    SELECT ARRAY(SELECT seq FROM keys)::text[] AS seqs,
      (SELECT json_agg(x ORDER BY x.lead_provider_id, x.teacher_id) FROM (
        SELECT d.lead_provider_id, d.teacher_id, d.version::text AS version FROM participant_documents d WHERE d.teacher_id IN (SELECT id FROM keys)
        UNION
        SELECT tp.lead_provider_id, tp.teacher_id, NULL FROM training_periods tp
        WHERE tp.teacher_id IN (SELECT id FROM keys) AND tp.partnership_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM participant_documents d WHERE d.lead_provider_id = tp.lead_provider_id AND d.teacher_id = tp.teacher_id)) x
      WHERE (SELECT count(*) FROM keys) <= ${writeThrough.atMost}) AS documents
    FROM generic`.execute(tx)
  if (log === undefined || log.seqs.length === 0 || log.seqs.length > writeThrough.atMost) return 0
  const seen = log.documents ?? []
  // Marking adds one to a document's version, and adds a member row at 0.
  const expected = new Map(seen.map((s) => [`${s.lead_provider_id} ${s.teacher_id}`, s.version === null ? '0' : String(BigInt(s.version) + 1n)]))
  const statements: RawBuilder<unknown>[] = [sql`SELECT document_invalidations_take_participants(${log.seqs}::bigint[])`]
  let derived = 0
  for (const [leadProviderId, ids] of groupByScope(seen)) {
    const rows = (await participantDocuments.derive(tx, leadProviderId, today, ids))
      .map((d) => ({ ...d, version: expected.get(`${leadProviderId} ${d.key}`)! }))
    derived += rows.length
    if (rows.length > 0) statements.push(storeQuery(participantDocuments, leadProviderId, rows, true))
  }
  if (!commit) {
    for (const statement of statements) await statement.execute(tx)
    return derived
  }
  const text = statements.map((s) => {
    const compiled = s.compile(tx)
    return inlineParameters(compiled.sql, compiled.parameters)
  })
  await sql.raw(`${text.join(';\n')};\nCOMMIT;\nBEGIN`).execute(tx)
  return derived
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

/**
 * From now on every command's transaction over `db` builds the participant documents it changed,
 * for the date `today()` gives; over PostgreSQL it commits with its last statements and begins an
 * empty transaction in the same message, which the command's own COMMIT then ends (a COMMIT
 * without a transaction would log a warning for every command).
 */
export function buildWhenWriting(db: Db, today: () => string): void {
  const commit = poolOf(db) !== undefined
  whenCommitting(db, async (tx) => void (await buildWritten(tx, today(), commit)))
}
