import { wireTimestamp } from '../../../../clock.ts'

/** P-15: the one response that carries the token's plaintext. */
export function serializeIssuedToken(token: { id: string; lead_provider_id: string; description: string | null; token: string; created_at: Date }) {
  return {
    id: token.id,
    lead_provider_id: token.lead_provider_id,
    description: token.description,
    token: token.token,
    created_at: wireTimestamp(token.created_at),
  }
}
