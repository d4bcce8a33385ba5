import type { App, SurfaceOptions } from '../../../surface.ts'
import { inTransaction } from '../../../../db/transaction.ts'
import { createLeadProvider, type CreateLeadProviderInput } from '../../../../domain/lead-providers/create-lead-provider.ts'
import { readFields } from '../../../common/fields.ts'
import { found, readAdminList } from '../common.ts'
import { findLeadProvider, listLeadProviders } from './query.ts'
import { createSchema, leadProviderFields, listSchema } from './schemas.ts'
import { serializeLeadProvider } from './serialize.ts'

export async function leadProviderRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  app.get('/lead-providers', { schema: listSchema }, async (request) => {
    const { page } = readAdminList(request)
    return { data: (await listLeadProviders(db, page)).map(serializeLeadProvider) }
  })

  app.post('/lead-providers', { schema: createSchema }, async (request, reply) => {
    const { values, problems } = readFields(request.body, leadProviderFields)
    const { id } = await inTransaction(db, (tx) => createLeadProvider(tx, request.clock, values as CreateLeadProviderInput, problems))
    return reply.code(201).send({ data: serializeLeadProvider(found(await findLeadProvider(db, id))) })
  })
}
