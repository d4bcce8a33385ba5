import type { App, SurfaceOptions } from '../../../surface.ts'
import { inTransaction } from '../../../../db/transaction.ts'
import { createPairing, type CreatePairingInput } from '../../../../domain/delivery-partners/create-pairing.ts'
import { readFields } from '../../../common/fields.ts'
import { found } from '../common.ts'
import { findPairing } from './query.ts'
import { createSchema, pairingFields } from './schemas.ts'
import { serializePairing } from './serialize.ts'

export async function pairingRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  app.post('/lead-provider-delivery-partners', { schema: createSchema }, async (request, reply) => {
    const { values, problems } = readFields(request.body, pairingFields)
    const { id } = await inTransaction(db, (tx) => createPairing(tx, request.clock, values as CreatePairingInput, problems))
    return reply.code(201).send({ data: serializePairing(found(await findPairing(db, id))) })
  })
}
