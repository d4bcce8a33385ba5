import type { App, SurfaceOptions } from '../../../surface.ts'
import { inTransaction } from '../../../../db/transaction.ts'
import { addManualPartnership, type ManualPartnershipInput } from '../../../../domain/partnerships/add-manual-partnership.ts'
import { readFields } from '../../../common/fields.ts'
import { found } from '../common.ts'
import { findManualPartnership } from './query.ts'
import { createSchema, manualPartnershipFields } from './schemas.ts'
import { serializeManualPartnership } from './serialize.ts'

export async function partnershipRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  app.post('/partnerships', { schema: createSchema }, async (request, reply) => {
    const { values, problems } = readFields(request.body, manualPartnershipFields)
    const { id } = await inTransaction(db, (tx) => addManualPartnership(tx, request.clock, values as ManualPartnershipInput, problems))
    return reply.code(201).send({ data: serializeManualPartnership(found(await findManualPartnership(db, id))) })
  })
}
