// P-16: a revoked token answers 401 from the next request (C-5); the row stays, with the time, for audit.
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { NotFoundError } from '../../errors.ts'
import { recordEvent } from '../events.ts'
import { revokeLiveToken } from './store.ts'

export async function revokeLeadProviderToken(tx: Tx, clock: Clock, tokenId: string): Promise<void> {
  const revoked = await revokeLiveToken(tx, tokenId, clock.now)
  if (!revoked) throw new NotFoundError()
  await recordEvent(tx, clock, {
    author: 'operator',
    action: 'lead_provider_token.revoked',
    subject_type: 'lead_provider_token',
    subject_id: tokenId,
    lead_provider_id: revoked.lead_provider_id,
  })
}
