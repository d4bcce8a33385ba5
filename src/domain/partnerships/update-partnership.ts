// P-54, P-55: a lead provider corrects the delivery partner of one of its partnerships.
import type { Clock } from '../../clock.ts'
import { writeOrConflict } from '../../db/constraints.ts'
import type { Tx } from '../../db/transaction.ts'
import { InvalidError, NotFoundError } from '../../errors.ts'
import { recordEvent } from '../events.ts'
import { bumpTeachers } from '../stamps.ts'
import { idOf, texts, updateProblem, type WireText } from './rules.ts'
import {
  findDeliveryPartner,
  findPartnershipKey,
  hasPartnershipOnPairing,
  pairingExists,
  PARTNERSHIP_CONSTRAINTS,
  setDeliveryPartner,
  teachersOnPartnership,
  type PartnershipKey,
} from './store.ts'

async function check(tx: Tx, partnership: PartnershipKey, text: WireText): Promise<string> {
  const id = idOf(text)
  const found = id !== null && (await findDeliveryPartner(tx, id)) !== undefined
  const paired = found && (await pairingExists(tx, partnership.lead_provider_id, id, partnership.cohort_year))
  const alreadyOnPairing =
    paired && (await hasPartnershipOnPairing(tx, { ...partnership, delivery_partner_id: id }))
  const problem = updateProblem(text, { deliveryPartnerFound: found, paired, alreadyOnPairing })
  if (problem !== null) throw new InvalidError([problem])
  return id!
}

/** The caller has found the partnership in its scope (C-28) and checked the body's shape (C-21). */
export async function updatePartnership(
  tx: Tx,
  clock: Clock,
  leadProviderId: string,
  partnershipId: string,
  input: { delivery_partner_id: WireText },
): Promise<void> {
  const partnership = await findPartnershipKey(tx, partnershipId)
  if (!partnership || partnership.lead_provider_id !== leadProviderId) throw new NotFoundError()
  const deliveryPartnerId = await check(tx, partnership, input.delivery_partner_id)
  // P-55: only the delivery partner changes; the cohort's opening is not re-checked.
  // Q-11: teachers' rows before the partnership's, the order every school action and participant
  // action takes (Touched.bump), so a PUT and a school action never wait on each other in a cycle.
  await bumpTeachers(tx, clock.now, await teachersOnPartnership(tx, partnership.id))
  let changed = false
  const conflict = await writeOrConflict(tx, PARTNERSHIP_CONSTRAINTS, async () => {
    changed = await setDeliveryPartner(tx, partnership.id, deliveryPartnerId, clock.now)
  })
  // a concurrent change took that pairing for the school first, or already moved this
  // partnership onto it: row 4, as the slow path.
  if (conflict !== null || !changed) throw new InvalidError([{ attribute: 'delivery_partner_id', detail: texts.alreadyOnPairing }])
  await recordEvent(tx, clock, {
    author: 'lead_provider',
    lead_provider_id: leadProviderId,
    action: 'partnership.delivery_partner_changed',
    subject_type: 'partnership',
    subject_id: partnership.id,
    data: { delivery_partner_id: deliveryPartnerId },
  })
}
