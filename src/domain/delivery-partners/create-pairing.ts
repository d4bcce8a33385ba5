// P-19: DfE pairs a lead provider with a delivery partner for a cohort (P-2), whether or not the
// cohort has started (decided). The delivery partner's stamp moves (P-38).
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
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

/**
 * P-19 for many pairings at once (the sandbox seed's cohorts, Q-8): the same rows, stamps and
 * events as createPairing for each in order, in a handful of statements. When anything would be
 * refused (a missing lead provider, delivery partner or cohort, or a duplicate), the pairings go
 * through createPairing one by one instead, which reports exactly what it would.
 */
export async function createPairings(tx: Tx, clock: Clock, inputs: (CreatePairingInput & { id: string })[]): Promise<void> {
  if (inputs.length === 0) return
  const distinct = <T>(values: T[]) => [...new Set(values)]
  const leadProviders = distinct(inputs.map((p) => p.lead_provider_id))
  const deliveryPartners = distinct(inputs.map((p) => p.delivery_partner_id))
  const cohorts = distinct(inputs.map((p) => p.cohort))
  const lps = await tx.selectFrom('lead_providers').select('id').where('id', 'in', leadProviders).execute()
  const dps = await tx.selectFrom('delivery_partners').select('id').where('id', 'in', deliveryPartners).execute()
  const cs = await tx.selectFrom('cohorts').select('year').where('year', 'in', cohorts).execute()
  const existing = await tx
    .selectFrom('lead_provider_delivery_partners')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('cohort_year', 'in', cohorts)
    .where('delivery_partner_id', 'in', deliveryPartners)
    .where('lead_provider_id', 'in', leadProviders)
    .executeTakeFirstOrThrow()
  const keys = new Set(inputs.map((p) => `${p.lead_provider_id}:${p.delivery_partner_id}:${p.cohort}`))
  const clean = lps.length === leadProviders.length && dps.length === deliveryPartners.length && cs.length === cohorts.length && existing.n === 0 && keys.size === inputs.length
  if (!clean) {
    for (const input of inputs) await createPairing(tx, clock, input)
    return
  }
  await tx
    .insertInto('lead_provider_delivery_partners')
    .values(inputs.map((p) => ({ id: p.id, lead_provider_id: p.lead_provider_id, delivery_partner_id: p.delivery_partner_id, cohort_year: p.cohort, created_at: clock.now })))
    .execute()
  await tx.updateTable('delivery_partners').set({ updated_at: clock.now }).where('id', 'in', deliveryPartners).execute()
  for (const p of inputs) {
    await recordEvent(tx, clock, {
      author: 'operator',
      action: 'pairing.created',
      subject_type: 'lead_provider_delivery_partner',
      subject_id: p.id,
      lead_provider_id: p.lead_provider_id,
      data: { delivery_partner_id: p.delivery_partner_id, cohort: p.cohort },
    })
  }
}
