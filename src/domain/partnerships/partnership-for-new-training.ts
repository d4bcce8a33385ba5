// P-5 and P-34: which partnership new provider-led training attaches to, carrying the school's most
// recent partnership forward when the school asks for it; null means the training is an EOI period.
import { newId } from '../ids.ts'
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { recordEvent } from '../events.ts'
import { attachEoiTraining } from './attach-eoi-training.ts'
import { findCarryForwardSource, findPrimaryPartnership, insertPartnershipUnlessTaken } from './store.ts'

export type NewTrainingTarget = {
  school_id: string
  lead_provider_id: string
  cohort_year: number
  /** A partnership the school action named (P-5); the caller has validated it. */
  partnership_id?: string | null
  use_previous_partnership: boolean
}

export async function partnershipForNewTraining(tx: Tx, clock: Clock, target: NewTrainingTarget): Promise<string | null> {
  if (target.partnership_id) return target.partnership_id
  const { school_id, lead_provider_id, cohort_year } = target
  const primary = await findPrimaryPartnership(tx, school_id, lead_provider_id, cohort_year)
  if (primary) return primary.id
  if (!target.use_previous_partnership) return null
  return carryForward(tx, clock, school_id, lead_provider_id, cohort_year)
}

/** P-34 steps 2 … 4. */
async function carryForward(tx: Tx, clock: Clock, schoolId: string, leadProviderId: string, cohortYear: number): Promise<string | null> {
  const source = await findCarryForwardSource(tx, schoolId, leadProviderId, cohortYear)
  if (!source) return null
  const id = newId(tx, 'partnership')
  const inserted = await insertPartnershipUnlessTaken(tx, {
    id,
    school_id: schoolId,
    lead_provider_id: leadProviderId,
    delivery_partner_id: source.delivery_partner_id,
    cohort_year: cohortYear,
    additional: false,
    created_by: 'carry_forward',
    carried_from_partnership_id: source.id,
    first_attached_at: null,
    created_at: clock.now,
    updated_at: clock.now,
  })
  if (!inserted) {
    // P-34 (decided): a concurrent creation won the P-6 race; the training uses its partnership.
    const winner = await findPrimaryPartnership(tx, schoolId, leadProviderId, cohortYear)
    return winner?.id ?? null
  }
  await recordEvent(tx, clock, {
    author: 'school',
    action: 'partnership.carried_forward',
    subject_type: 'partnership',
    subject_id: id,
    lead_provider_id: leadProviderId,
    data: { carried_from_partnership_id: source.id, cohort: cohortYear },
  })
  await attachEoiTraining(tx, clock, { id, school_id: schoolId, lead_provider_id: leadProviderId, cohort_year: cohortYear })
  return id
}
