// P-33: a new partnership takes every expression-of-interest period of its school, lead provider
// and cohort, in the creating transaction; the periods keep their dates and that they began as EOI.
// The writes are SQL functions (0014), which partnership_create runs too.
import { sql } from 'kysely'
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { findPrimaryPartnership, type PartnershipKey } from './store.ts'

/** After the partnership's row; P-37's stamp included. Returns the ids of the training periods attached. */
export async function attachEoiTraining(tx: Tx, clock: Clock, partnership: PartnershipKey): Promise<string[]> {
  const { id, school_id, lead_provider_id, cohort_year } = partnership
  const { rows } = await sql<{ ids: string[] }>`
    SELECT partnership_attach_eoi_training(${id}::uuid, ${school_id}::uuid, ${lead_provider_id}::uuid, ${cohort_year}::integer, ${clock.now}::timestamptz) AS ids`.execute(tx)
  return rows[0]!.ids
}

/** An EOI period a school action created: P-5 found no partnership for it. */
export type NewEoiPeriod = { school_id: string; lead_provider_id: string; cohort_year: number }

/**
 * P-33 against P-5 (0014): called once the school action holds its school's cohort stamp
 * (Touched.bump). A partnership created meanwhile has committed by then and takes the action's
 * EOI periods as its own creation would have; one created later finds them itself.
 */
export async function attachToPartnershipCreatedMeanwhile(tx: Tx, clock: Clock, period: NewEoiPeriod): Promise<void> {
  const primary = await findPrimaryPartnership(tx, period.school_id, period.lead_provider_id, period.cohort_year)
  if (!primary) return
  await sql`SELECT partnership_take_eoi_periods(${primary.id}::uuid, ${period.school_id}::uuid, ${period.lead_provider_id}::uuid, ${period.cohort_year}::integer, ${clock.now}::timestamptz)`.execute(tx)
}
