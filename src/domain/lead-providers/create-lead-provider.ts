// P-14: a new lead provider; its name is unique ignoring case.
import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import { unexplainedConflict, writeOrConflict } from '../../db/constraints.ts'
import type { Tx } from '../../db/transaction.ts'
import { recordEvent } from '../events.ts'
import { Problems } from '../problems.ts'
import { findLeadProviderByName, insertLeadProvider, NAME_CONSTRAINT } from './store.ts'

export type CreateLeadProviderInput = { id?: string; name: string }

export const DUPLICATE_NAME = 'A lead provider with this name already exists.'

async function check(tx: Tx, name: string, problems: Problems): Promise<void> {
  if (!problems.has('name') && (await findLeadProviderByName(tx, name))) problems.add('name', DUPLICATE_NAME)
}

/**
 * `name` arrives tidied (trimmed, inner whitespace collapsed) by the wire reader. `problems` holds
 * what the caller found reading the wire (C-76); fields with a problem there are not checked again.
 */
export async function createLeadProvider(
  tx: Tx,
  clock: Clock,
  input: CreateLeadProviderInput,
  problems: Problems = new Problems(['name']),
): Promise<{ id: string }> {
  await check(tx, input.name, problems)
  problems.throwIfAny()
  const id = input.id ?? randomUUID()
  const conflict = await writeOrConflict(tx, [NAME_CONSTRAINT], () => insertLeadProvider(tx, { id, name: input.name, now: clock.now }))
  if (conflict !== null) {
    await check(tx, input.name, problems)
    problems.throwIfAny()
    throw unexplainedConflict(conflict)
  }
  await recordEvent(tx, clock, { author: 'operator', action: 'lead_provider.created', subject_type: 'lead_provider', subject_id: id, lead_provider_id: id, data: { name: input.name } })
  return { id }
}
