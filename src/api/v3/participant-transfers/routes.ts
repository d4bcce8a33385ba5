import type { App, SurfaceOptions } from '../../../app.ts'
import { NotFoundError } from '../../../errors.ts'
import { leadProviderOf } from '../caller.ts'
import { pathId } from '../../common/ids.ts'
import { checkFilterShape, readListRequest } from '../../common/list-request.ts'
import { participantTransfers } from './query.ts'
import { listSchema, showSchema, SORT_KEYS } from './schemas.ts'
import { serializeParticipantTransfer } from './serialize.ts'

export async function participantTransferRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  // T-27: a static segment, so find-my-way matches it before /participants/:id.
  app.get('/participants/transfers', { schema: listSchema }, async (request) => {
    const { page, sort, updatedSince } = readListRequest(request, { sortKeys: SORT_KEYS, updatedSince: true })
    const rows = await participantTransfers(db, leadProviderOf(request), { today: request.clock.today, updatedSince, sort, page })
    return { data: rows.map(serializeParticipantTransfer) }
  })

  app.get('/participants/:id/transfers', { schema: showSchema }, async (request) => {
    checkFilterShape(request)
    const teacherId = pathId((request.params as { id: string }).id)
    const [row] = await participantTransfers(db, leadProviderOf(request), { today: request.clock.today, teacherId })
    if (!row) throw new NotFoundError()
    return { data: serializeParticipantTransfer(row) }
  })
}
