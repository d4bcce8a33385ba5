// P-24: DfE adds a partnership by hand (POST /api/admin/v1/partnerships), e.g. a second delivery
// partner under one lead provider (G44). No cohort, eligibility or programme checks (decided).
import { newId } from '../ids.ts'
import type { Clock } from '../../clock.ts'
import { writeOrConflict } from '../../db/constraints.ts'
import type { Tx } from '../../db/transaction.ts'
import { Problems, say } from '../problems.ts'
import { recordEvent } from '../events.ts'
import { attachEoiTraining } from './attach-eoi-training.ts'
import { texts } from './rules.ts'
import {
  findCohort,
  findDeliveryPartner,
  findLeadProvider,
  findPrimaryPartnership,
  findSchoolByUrn,
  hasPartnershipOnPairing,
  insertPartnership,
  pairingExists,
  type PartnershipKey,
} from './store.ts'

export const MANUAL_PARTNERSHIP_FIELDS = ['urn', 'lead_provider_id', 'delivery_partner_id', 'cohort'] as const

export type ManualPartnershipInput = { urn?: string; lead_provider_id?: string; delivery_partner_id?: string; cohort?: number }

type Resolved = { school_id: string; lead_provider_id: string; delivery_partner_id: string; cohort_year: number }

async function resolve(tx: Tx, input: ManualPartnershipInput, problems: Problems): Promise<Resolved | null> {
  const school = !problems.has('urn') && input.urn !== undefined ? await findSchoolByUrn(tx, input.urn) : undefined
  if (!problems.has('urn') && !school) problems.add('urn', say.invalid('urn'))
  const lp = !problems.has('lead_provider_id') && input.lead_provider_id ? await findLeadProvider(tx, input.lead_provider_id) : undefined
  if (!problems.has('lead_provider_id') && !lp) problems.add('lead_provider_id', say.invalid('lead_provider_id'))
  const dp = !problems.has('delivery_partner_id') && input.delivery_partner_id ? await findDeliveryPartner(tx, input.delivery_partner_id) : undefined
  if (!problems.has('delivery_partner_id') && !dp) problems.add('delivery_partner_id', say.invalid('delivery_partner_id'))
  const cohort = !problems.has('cohort') && input.cohort !== undefined ? await findCohort(tx, input.cohort) : undefined
  if (!problems.has('cohort') && !cohort) problems.add('cohort', say.invalid('cohort'))
  if (!school || !lp || !dp || !cohort) return null
  return { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: dp.id, cohort_year: cohort.year }
}

/** Checks of P-24 that relate the fields, under `delivery_partner_id`, once all four resolve. */
async function checkPairing(tx: Tx, target: Resolved, problems: Problems): Promise<void> {
  if (!(await pairingExists(tx, target.lead_provider_id, target.delivery_partner_id, target.cohort_year))) {
    problems.add('delivery_partner_id', texts.operatorNotPaired)
  } else if (await hasPartnershipOnPairing(tx, target)) {
    problems.add('delivery_partner_id', texts.operatorDuplicate)
  }
}

/** `problems` holds what the caller found reading the wire (C-76). */
export async function addManualPartnership(
  tx: Tx,
  clock: Clock,
  input: ManualPartnershipInput,
  problems: Problems = new Problems(MANUAL_PARTNERSHIP_FIELDS),
): Promise<{ id: string }> {
  const target = await resolve(tx, input, problems)
  if (target !== null) await checkPairing(tx, target, problems)
  problems.throwIfAny()
  const key: PartnershipKey = { id: newId(tx, 'partnership'), school_id: target!.school_id, lead_provider_id: target!.lead_provider_id, cohort_year: target!.cohort_year }
  const additional = await insertManual(tx, clock, key, target!)
  await recordEvent(tx, clock, {
    author: 'operator',
    lead_provider_id: key.lead_provider_id,
    action: 'partnership.created',
    subject_type: 'partnership',
    subject_id: key.id,
    data: { school_id: key.school_id, delivery_partner_id: target!.delivery_partner_id, cohort: key.cohort_year, additional },
  })
  // P-33 and P-37: an additional partnership finds no EOI periods (they went to the primary), harmlessly.
  await attachEoiTraining(tx, clock, key)
  return { id: key.id }
}

/** Primary when none exists for (school, lead provider, cohort), else additional (P-24); says which. */
async function insertManual(tx: Tx, clock: Clock, key: PartnershipKey, target: Resolved): Promise<boolean> {
  const write = (additional: boolean) => () =>
    insertPartnership(tx, {
      ...key,
      delivery_partner_id: target.delivery_partner_id,
      additional,
      created_by: 'operator',
      carried_from_partnership_id: null,
      first_attached_at: null,
      created_at: clock.now,
      updated_at: clock.now,
    })
  const additional = (await findPrimaryPartnership(tx, key.school_id, key.lead_provider_id, key.cohort_year)) !== undefined
  const conflict = await writeOrConflict(tx, ['partnerships_p6_one_primary', 'partnerships_p6_unique_on_pairing'], write(additional))
  if (conflict === null) return additional
  if (conflict === 'partnerships_p6_unique_on_pairing') {
    // the same pairing was taken concurrently: the slow path's 422.
    const problems = new Problems(MANUAL_PARTNERSHIP_FIELDS)
    problems.add('delivery_partner_id', texts.operatorDuplicate)
    problems.throwIfAny()
  }
  // A primary appeared concurrently: this one is additional.
  await write(true)()
  return true
}
