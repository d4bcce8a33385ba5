import type { App, SurfaceOptions } from '../../surface.ts'
import { leadProviderOf } from '../caller.ts'
import { pathId } from '../../common/ids.ts'
import { checkFilterShape, readListRequest } from '../../common/list-request.ts'
import { transfersFeed } from '../../../read-models/participants.ts'
import { respond } from '../../../read-models/respond.ts'
import { participantTransfers } from './query.ts'
import { listSchema, showSchema, SORT_KEYS } from './schemas.ts'
import { serializeParticipantTransfer } from './serialize.ts'

// Lists and shows answer from the transfers kept beside the participant documents when they are
// built for the request's date, else from the derivation (query.ts).
export async function participantTransferRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  // T-27: a static segment, so find-my-way matches it before /participants/:id.
  app.get('/participants/transfers', { schema: listSchema, config: { copiesChecked: transfersFeed.documents } }, async (request, reply) => {
    const { page, sort, updatedSince } = readListRequest(request, { sortKeys: SORT_KEYS, updatedSince: true })
    const leadProviderId = leadProviderOf(request)
    const options = { today: request.clock.today, updatedSince, sort, page }
    return respond(reply, db, transfersFeed, leadProviderId, options, async () => ({
      data: (await participantTransfers(db, leadProviderId, options)).map(serializeParticipantTransfer),
    }))
  })

  app.get('/participants/:id/transfers', { schema: showSchema }, async (request, reply) => {
    checkFilterShape(request)
    const teacherId = pathId((request.params as { id: string }).id)
    const { today } = request.clock
    const leadProviderId = leadProviderOf(request)
    return respond(reply, db, transfersFeed, leadProviderId, { today, id: teacherId }, async () => {
      const [row] = await participantTransfers(db, leadProviderId, { today, teacherId })
      return row && { data: serializeParticipantTransfer(row) }
    })
  })
}
