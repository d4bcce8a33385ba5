import type { App, SurfaceOptions } from '../../../surface.ts'
import { inTransaction } from '../../../../db/transaction.ts'
import { createLeadProviderToken } from '../../../../domain/tokens/create-lead-provider-token.ts'
import { revokeLeadProviderToken } from '../../../../domain/tokens/revoke-lead-provider-token.ts'
import { readFields } from '../../../common/fields.ts'
import { pathId } from '../../../common/ids.ts'
import { found, paramOf } from '../common.ts'
import { findLeadProvider } from '../lead-providers/query.ts'
import { createSchema, revokeSchema, tokenFields } from './schemas.ts'
import { serializeIssuedToken } from './serialize.ts'

export async function tokenRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  app.post('/lead-providers/:id/tokens', { schema: createSchema }, async (request, reply) => {
    const leadProviderId = pathId(paramOf(request, 'id'))
    found(await findLeadProvider(db, leadProviderId))
    const { values, problems } = readFields(request.body, tokenFields)
    problems.throwIfAny()
    const description = values.description ?? null
    const { id, token } = await inTransaction(db, (tx) => createLeadProviderToken(tx, request.clock, leadProviderId, { description }))
    const data = serializeIssuedToken({ id, lead_provider_id: leadProviderId, description, token, created_at: request.clock.now })
    return reply.code(201).send({ data })
  })

  app.delete('/tokens/:token_id', { schema: revokeSchema }, async (request, reply) => {
    const tokenId = pathId(paramOf(request, 'token_id'))
    await inTransaction(db, (tx) => revokeLeadProviderToken(tx, request.clock, tokenId))
    return reply.code(204).send()
  })
}
