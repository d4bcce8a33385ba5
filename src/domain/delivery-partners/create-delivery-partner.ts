// P-18: a new delivery partner; its name is unique ignoring case.
import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import { unexplainedConflict, writeOrConflict } from '../../db/constraints.ts'
import type { Tx } from '../../db/transaction.ts'
import { recordEvent } from '../events.ts'
import { Problems } from '../problems.ts'
import { findDeliveryPartnerByName, insertDeliveryPartner, NAME_CONSTRAINT } from './store.ts'

export type CreateDeliveryPartnerInput = { id?: string; name: string }

export const DUPLICATE_NAME = 'A delivery partner with this name already exists.'

async function check(tx: Tx, name: string, problems: Problems): Promise<void> {
  if (!problems.has('name') && (await findDeliveryPartnerByName(tx, name))) problems.add('name', DUPLICATE_NAME)
}

/**
 * `name` arrives tidied by the wire reader. `problems` holds what the caller found reading the
 * wire (C-76); fields with a problem there are not checked again.
 */
export async function createDeliveryPartner(
  tx: Tx,
  clock: Clock,
  input: CreateDeliveryPartnerInput,
  problems: Problems = new Problems(['name']),
): Promise<{ id: string }> {
  await check(tx, input.name, problems)
  problems.throwIfAny()
  const id = input.id ?? randomUUID()
  // P-38: the stamp starts at creation.
  const conflict = await writeOrConflict(tx, [NAME_CONSTRAINT], () => insertDeliveryPartner(tx, { id, name: input.name, now: clock.now }))
  if (conflict !== null) {
    await check(tx, input.name, problems)
    problems.throwIfAny()
    throw unexplainedConflict(conflict)
  }
  await recordEvent(tx, clock, { author: 'operator', action: 'delivery_partner.created', subject_type: 'delivery_partner', subject_id: id, data: { name: input.name } })
  return { id }
}
