// P-19: DfE pairs a lead provider with a delivery partner for a cohort (P-2), whether or not the
// cohort has started (decided). The delivery partner's stamp moves (P-38).
import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import { unexplainedConflict, writeOrConflict } from '../../db/constraints.ts'
import type { Tx } from '../../db/transaction.ts'
import { findCohortByYear } from '../cohorts/store.ts'
import { recordEvent } from '../events.ts'
import { findLeadProvider } from '../lead-providers/store.ts'
import { Problems, say } from '../problems.ts'
import { bumpDeliveryPartner, findDeliveryPartner, findPairing, insertPairing, PAIRING_CONSTRAINT } from './store.ts'

export type CreatePairingInput = { id?: string; lead_provider_id: string; delivery_partner_id: string; cohort: number }

export const PAIRING_FIELDS = ['lead_provider_id', 'delivery_partner_id', 'cohort'] as const
export const DUPLICATE_PAIRING = 'This delivery partner is already paired with this lead provider for the cohort.'

async function checkDuplicate(tx: Tx, input: CreatePairingInput, problems: Problems): Promise<void> {
  if (await findPairing(tx, input)) problems.add('delivery_partner_id', DUPLICATE_PAIRING)
}

/**
 * `problems` holds what the caller found reading the wire (C-76); a field with a problem there
 * may be missing from `input` and is not checked again. The duplicate check runs only when all
 * three fields resolve.
 */
export async function createPairing(
  tx: Tx,
  clock: Clock,
  input: CreatePairingInput,
  problems: Problems = new Problems(PAIRING_FIELDS),
): Promise<{ id: string }> {
  if (!problems.has('lead_provider_id') && !(await findLeadProvider(tx, input.lead_provider_id))) problems.add('lead_provider_id', say.invalid('lead_provider_id'))
  if (!problems.has('delivery_partner_id') && !(await findDeliveryPartner(tx, input.delivery_partner_id))) problems.add('delivery_partner_id', say.invalid('delivery_partner_id'))
  if (!problems.has('cohort') && !(await findCohortByYear(tx, input.cohort))) problems.add('cohort', say.invalid('cohort'))
  if (problems.allValid(...PAIRING_FIELDS)) await checkDuplicate(tx, input, problems)
  problems.throwIfAny()

  const id = input.id ?? randomUUID()
  const conflict = await writeOrConflict(tx, [PAIRING_CONSTRAINT], () => insertPairing(tx, { ...input, id, now: clock.now }))
  if (conflict !== null) {
    await checkDuplicate(tx, input, problems)
    problems.throwIfAny()
    throw unexplainedConflict(conflict)
  }
  await bumpDeliveryPartner(tx, input.delivery_partner_id, clock.now)
  await recordEvent(tx, clock, {
    author: 'operator',
    action: 'pairing.created',
    subject_type: 'lead_provider_delivery_partner',
    subject_id: id,
    lead_provider_id: input.lead_provider_id,
    data: { delivery_partner_id: input.delivery_partner_id, cohort: input.cohort },
  })
  return { id }
}
