// P-15: a new token for a lead provider. Only its SHA-256 digest is kept (C-4, Q-17); the
// plaintext is returned to the caller once. `token` lets the sandbox seed use its derived tokens.
import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { NotFoundError } from '../../errors.ts'
import { recordEvent } from '../events.ts'
import { findLeadProvider } from '../lead-providers/store.ts'
import { digestOf, generateToken } from './rules.ts'
import { insertLeadProviderToken } from './store.ts'

export type CreateLeadProviderTokenInput = { id?: string; description?: string | null; token?: string; seeded?: boolean }

export async function createLeadProviderToken(
  tx: Tx,
  clock: Clock,
  leadProviderId: string,
  input: CreateLeadProviderTokenInput = {},
): Promise<{ id: string; token: string }> {
  if (!(await findLeadProvider(tx, leadProviderId))) throw new NotFoundError()
  const id = input.id ?? randomUUID()
  const token = input.token ?? generateToken()
  const description = input.description ?? null
  const seeded = input.seeded ?? false
  await insertLeadProviderToken(tx, { id, lead_provider_id: leadProviderId, digest: digestOf(token), description, seeded, now: clock.now })
  await recordEvent(tx, clock, {
    author: 'operator',
    action: 'lead_provider_token.created',
    subject_type: 'lead_provider_token',
    subject_id: id,
    lead_provider_id: leadProviderId,
    data: { description, seeded },
  })
  return { id, token }
}
