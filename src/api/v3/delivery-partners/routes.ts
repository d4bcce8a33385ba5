import type { App, SurfaceOptions } from '../../surface.ts'
import { NotFoundError } from '../../../errors.ts'
import { leadProviderOf } from '../caller.ts'
import { cohortItems, listFilter } from '../../common/filters.ts'
import { pathId } from '../../common/ids.ts'
import { checkFilterShape, readListRequest } from '../../common/list-request.ts'
import { findDeliveryPartner, listDeliveryPartners } from './query.ts'
import { listSchema, showSchema, SORT_KEYS } from './schemas.ts'
import { serializeDeliveryPartner } from './serialize.ts'

export async function deliveryPartnerRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  app.get('/delivery-partners', { schema: listSchema }, async (request) => {
    const { filter, page, sort } = readListRequest(request, { sortKeys: SORT_KEYS })
    const items = listFilter(filter.cohort)
    const rows = await listDeliveryPartners(db, leadProviderOf(request), {
      cohorts: items === null ? null : cohortItems(items),
      sort,
      page,
    })
    return { data: rows.map(serializeDeliveryPartner) }
  })

  app.get('/delivery-partners/:id', { schema: showSchema }, async (request) => {
    checkFilterShape(request)
    const id = pathId((request.params as { id: string }).id)
    const row = await findDeliveryPartner(db, leadProviderOf(request), id)
    if (!row) throw new NotFoundError()
    return { data: serializeDeliveryPartner(row) }
  })
}
