import type { App, SurfaceOptions } from '../../surface.ts'
import { NotFoundError } from '../../../errors.ts'
import type { TrainingStatus } from '../../../domain/participants-feed/rules.ts'
import { leadProviderOf } from '../caller.ts'
import { cohortItems, listFilter, scalarFilter, type Filter } from '../../common/filters.ts'
import { isUuid, pathId } from '../../common/ids.ts'
import { checkFilterShape, readListRequest } from '../../common/list-request.ts'
import { sendPieces, throughLargePageGate } from '../../common/documents.ts'
import { answerFromDocuments } from './documents.ts'
import { findParticipant, listParticipants, type FeedOptions } from './query.ts'
import { listSchema, showSchema, SORT_KEYS, TRAINING_STATUSES } from './schemas.ts'
import { serializeParticipant } from './serialize.ts'

export async function participantRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  app.get('/participants', { schema: listSchema }, async (request, reply) => {
    const { filter, page, sort, updatedSince } = readListRequest(request, { sortKeys: SORT_KEYS, updatedSince: true })
    const filters = participantFilters(filter)
    if (filters === null) return { data: [] }
    const { today } = request.clock
    const options: FeedOptions = { today, ...filters, updatedSince, sort, page }
    return throughLargePageGate(reply, page.perPage, async () => {
      const answer = await answerFromDocuments(db, leadProviderOf(request), options)
      if (typeof answer === 'object') return sendPieces(reply, answer.body)
      const rows = await listParticipants(db, leadProviderOf(request), options)
      return { data: rows.map((row) => serializeParticipant(row, today)) }
    })
  })

  // Static /participants/transfers (T-27) wins over this parameter in find-my-way.
  app.get('/participants/:id', { schema: showSchema }, async (request, reply) => {
    checkFilterShape(request)
    const id = pathId((request.params as { id: string }).id)
    const { today } = request.clock
    const answer = await answerFromDocuments(db, leadProviderOf(request), { today, id })
    if (answer === 'not found') throw new NotFoundError()
    if (typeof answer === 'object') return sendPieces(reply, answer.body)
    const row = await findParticipant(db, leadProviderOf(request), id, today)
    if (!row) throw new NotFoundError()
    return { data: serializeParticipant(row, today) }
  })
}

/** the list filters; null when a value can match nothing (C-40, C-41). */
function participantFilters(filter: Filter): Pick<FeedOptions, 'cohorts' | 'trainingStatus' | 'fromParticipantId'> | null {
  const cohortList = listFilter(filter.cohort)
  const status = scalarFilter(filter.training_status)
  const from = scalarFilter(filter.from_participant_id)
  if (status !== null && !(TRAINING_STATUSES as readonly unknown[]).includes(status)) return null
  if (from !== null && !isUuid(from)) return null
  return {
    cohorts: cohortList === null ? null : cohortItems(cohortList),
    trainingStatus: status as TrainingStatus | null,
    fromParticipantId: from === null ? null : (from as string).toLowerCase(),
  }
}
