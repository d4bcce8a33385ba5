// P-33: a new partnership takes every expression-of-interest period of its school, lead provider
// and cohort, in the creating transaction; the periods keep their dates and that they began as EOI.
// Both steps are SQL functions (0014), which partnership_create runs too: the locks before the
// partnership's row is written, and the attachment after it.
import { sql } from 'kysely'
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { markAttached, type PartnershipKey } from './store.ts'

/**
 * Before the partnership's row is written (partnership_before_create): the teachers of its EOI
 * periods, then the school's cohort stamp (P-37), which a school action takes before it looks for
 * a partnership (P-5), so that the two never miss each other.
 */
export async function lockForNewPartnership(tx: Tx, clock: Clock, key: Omit<PartnershipKey, 'id'>): Promise<void> {
  await sql`SELECT partnership_before_create(${key.school_id}::uuid, ${key.lead_provider_id}::uuid, ${key.cohort_year}::integer, ${clock.now}::timestamptz)`.execute(tx)
}

/** After the row (and `lockForNewPartnership`): returns the ids of the training periods attached. */
export async function attachEoiTraining(tx: Tx, clock: Clock, partnership: PartnershipKey): Promise<string[]> {
  const { id, school_id, lead_provider_id, cohort_year } = partnership
  const { rows } = await sql<{ ids: string[] }>`
    SELECT partnership_attach_eoi_training(${id}::uuid, ${school_id}::uuid, ${lead_provider_id}::uuid, ${cohort_year}::integer, ${clock.now}::timestamptz) AS ids`.execute(tx)
  return rows[0]!.ids
}

/**
 * For a school action that creates training directly on a partnership (P-5, P-29 row 4): the
 * partnership now has had a training period (P-27 rule 2) and its stamp moves (P-36).
 */
export async function noteTrainingAttached(tx: Tx, clock: Clock, partnershipId: string): Promise<void> {
  await markAttached(tx, [partnershipId], clock.now)
}
