import type { App, SurfaceOptions } from '../../../surface.ts'
import { inTransaction } from '../../../../db/transaction.ts'
import { createDeliveryPartner, type CreateDeliveryPartnerInput } from '../../../../domain/delivery-partners/create-delivery-partner.ts'
import { readFields } from '../../../common/fields.ts'
import { found, readAdminList } from '../common.ts'
import { findDeliveryPartner, listDeliveryPartners } from './query.ts'
import { createSchema, deliveryPartnerFields, listSchema } from './schemas.ts'
import { serializeDeliveryPartner } from './serialize.ts'

export async function deliveryPartnerRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  app.get('/delivery-partners', { schema: listSchema }, async (request) => {
    const { page } = readAdminList(request)
    return { data: (await listDeliveryPartners(db, page)).map(serializeDeliveryPartner) }
  })

  app.post('/delivery-partners', { schema: createSchema }, async (request, reply) => {
    const { values, problems } = readFields(request.body, deliveryPartnerFields)
    const { id } = await inTransaction(db, (tx) => createDeliveryPartner(tx, request.clock, values as CreateDeliveryPartnerInput, problems))
    return reply.code(201).send({ data: serializeDeliveryPartner(found(await findDeliveryPartner(db, id))) })
  })
}
