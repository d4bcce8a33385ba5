import type { App, SurfaceOptions } from '../../surface.ts'
import type { TrainingStatus } from '../../../domain/participants-feed/rules.ts'
import { leadProviderOf } from '../caller.ts'
import { cohortItems, listFilter, scalarFilter, type Filter } from '../../common/filters.ts'
import { isUuid, pathId } from '../../common/ids.ts'
import { checkFilterShape, readListRequest } from '../../common/list-request.ts'
import { participantsFeed } from '../../../read-models/participants.ts'
import { respond } from '../../../read-models/respond.ts'
import { findParticipant, listParticipants, type FeedOptions } from './query.ts'
import { listSchema, showSchema, SORT_KEYS, TRAINING_STATUSES } from './schemas.ts'
import { serializeParticipant } from './serialize.ts'

export async function participantRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  app.get('/participants', { schema: listSchema, config: { copiesChecked: participantsFeed.documents } }, async (request, reply) => {
    const { filter, page, sort, updatedSince } = readListRequest(request, { sortKeys: SORT_KEYS, updatedSince: true })
    const filters = participantFilters(filter)
    if (filters === null) return { data: [] }
    const { today } = request.clock
    const leadProviderId = leadProviderOf(request)
    const options = { today, ...filters, updatedSince, sort, page }
    return respond(reply, db, participantsFeed, leadProviderId, options, async () => ({
      data: (await listParticipants(db, leadProviderId, options)).map((row) => serializeParticipant(row, today)),
    }))
  })

  // Static /participants/transfers (T-27) wins over this parameter in find-my-way.
  app.get('/participants/:id', { schema: showSchema }, async (request, reply) => {
    checkFilterShape(request)
    const id = pathId((request.params as { id: string }).id)
    const { today } = request.clock
    const leadProviderId = leadProviderOf(request)
    return respond(reply, db, participantsFeed, leadProviderId, { today, id }, async () => {
      const row = await findParticipant(db, leadProviderId, id, today)
      return row && { data: serializeParticipant(row, today) }
    })
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
