import type { App, SurfaceOptions } from '../../surface.ts'
import { inOneStatement, inTransaction } from '../../../db/transaction.ts'
import { createPartnership } from '../../../domain/partnerships/create-partnership.ts'
import { updatePartnership } from '../../../domain/partnerships/update-partnership.ts'
import { NotFoundError } from '../../../errors.ts'
import { cohortItems, idItems, listFilter } from '../../common/filters.ts'
import { pathId } from '../../common/ids.ts'
import { checkFilterShape, readListRequest } from '../../common/list-request.ts'
import { leadProviderOf } from '../caller.ts'
import { readAttributes } from '../../common/attributes.ts'
import { partnershipsFeed } from '../../../read-models/partnerships.ts'
import { respond } from '../../../read-models/respond.ts'
import { findPartnership, listPartnerships } from './query.ts'
import { createSchema, listSchema, showSchema, SORT_KEYS, updateSchema } from './schemas.ts'
import { serializePartnership } from './serialize.ts'

const idParam = (params: unknown) => pathId((params as { id?: string }).id)

export async function partnershipRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  // After a write, and when the documents cannot answer: the derivation, one statement.
  const shown = async (leadProviderId: string, today: string, id: string) => {
    const row = await findPartnership(db, leadProviderId, today, id)
    if (!row) throw new NotFoundError()
    return { data: serializePartnership(row) }
  }

  app.get('/partnerships', { schema: listSchema, config: { copiesChecked: partnershipsFeed.documents } }, async (request, reply) => {
    const { filter, page, sort, updatedSince } = readListRequest(request, { sortKeys: SORT_KEYS, updatedSince: true })
    const cohorts = listFilter(filter.cohort)
    const deliveryPartners = listFilter(filter.delivery_partner_id)
    const { today } = request.clock
    const leadProviderId = leadProviderOf(request)
    const options = {
      cohorts: cohorts === null ? null : cohortItems(cohorts),
      deliveryPartnerIds: deliveryPartners === null ? null : idItems(deliveryPartners),
      updatedSince,
      sort,
      page,
    }
    return respond(reply, db, partnershipsFeed, leadProviderId, { today, ...options }, async () => ({
      data: (await listPartnerships(db, leadProviderId, today, options)).map(serializePartnership),
    }))
  })

  app.get('/partnerships/:id', { schema: showSchema }, async (request, reply) => {
    checkFilterShape(request)
    const id = idParam(request.params)
    const { today } = request.clock
    const leadProviderId = leadProviderOf(request)
    return respond(reply, db, partnershipsFeed, leadProviderId, { today, id }, () => shown(leadProviderId, today, id))
  })

  // P-51: 200, not 201 (C-14); body shape (C-21) before the checks of P-52.
  app.post('/partnerships', { schema: createSchema }, async (request) => {
    checkFilterShape(request)
    const leadProviderId = leadProviderOf(request)
    const input = readAttributes(request.body, ['cohort', 'school_id', 'delivery_partner_id'])
    const { id } = await inOneStatement(db, (db) => createPartnership(db, request.clock, leadProviderId, input))
    return shown(leadProviderId, request.clock.today, id)
  })

  // P-54: the partnership in scope (404), then body shape (400), then the checks (422).
  app.put('/partnerships/:id', { schema: updateSchema }, async (request) => {
    checkFilterShape(request)
    const leadProviderId = leadProviderOf(request)
    const id = idParam(request.params)
    await shown(leadProviderId, request.clock.today, id)
    const input = readAttributes(request.body, ['delivery_partner_id'])
    await inTransaction(db, (tx) => updatePartnership(tx, request.clock, leadProviderId, id, input))
    return shown(leadProviderId, request.clock.today, id)
  })
}
