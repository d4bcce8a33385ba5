// The calling lead provider of a v3 request (C-2); auth has already admitted it (C-9).
import type { FastifyRequest } from 'fastify'
import { UnauthorisedError } from '../../errors.ts'

export function leadProviderOf(request: FastifyRequest): string {
  const caller = request.caller
  if (caller?.kind !== 'lead_provider') throw new UnauthorisedError()
  return caller.leadProviderId
}
