import type { App, SurfaceOptions } from '../../surface.ts'
import { NotFoundError } from '../../../errors.ts'
import { leadProviderOf } from '../caller.ts'
import { pathId } from '../../common/ids.ts'
import { checkFilterShape, readListRequest } from '../../common/list-request.ts'
import { sendPieces, throughLargePageGate } from '../../common/documents.ts'
import { answerFromTransferDocuments } from './documents.ts'
import { participantTransfers } from './query.ts'
import { listSchema, showSchema, SORT_KEYS } from './schemas.ts'
import { serializeParticipantTransfer } from './serialize.ts'

// Lists and shows answer from the transfers documents (documents.ts) when they are built for
// the request's date, else from the derivation (query.ts).
export async function participantTransferRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  // T-27: a static segment, so find-my-way matches it before /participants/:id.
  app.get('/participants/transfers', { schema: listSchema }, async (request, reply) => {
    const { page, sort, updatedSince } = readListRequest(request, { sortKeys: SORT_KEYS, updatedSince: true })
    const { today } = request.clock
    return throughLargePageGate(reply, page.perPage, async () => {
      const answer = await answerFromTransferDocuments(db, leadProviderOf(request), { today, updatedSince, sort, page })
      if (typeof answer === 'object') return sendPieces(reply, answer.body)
      const rows = await participantTransfers(db, leadProviderOf(request), { today, updatedSince, sort, page })
      return { data: rows.map(serializeParticipantTransfer) }
    })
  })

  app.get('/participants/:id/transfers', { schema: showSchema }, async (request, reply) => {
    checkFilterShape(request)
    const teacherId = pathId((request.params as { id: string }).id)
    const answer = await answerFromTransferDocuments(db, leadProviderOf(request), { today: request.clock.today, teacherId })
    if (answer === 'not found') throw new NotFoundError()
    if (typeof answer === 'object') return sendPieces(reply, answer.body)
    const [row] = await participantTransfers(db, leadProviderOf(request), { today: request.clock.today, teacherId })
    if (!row) throw new NotFoundError()
    return { data: serializeParticipantTransfer(row) }
  })
}
