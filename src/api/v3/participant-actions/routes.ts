import type { FastifyRequest } from 'fastify'
import type { App, SurfaceOptions } from '../../surface.ts'
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/connect.ts'
import { inTransaction, type Tx } from '../../../db/transaction.ts'
import { changeSchedule } from '../../../domain/participant-actions/change-schedule.ts'
import { deferParticipant } from '../../../domain/participant-actions/defer-participant.ts'
import { resumeParticipant } from '../../../domain/participant-actions/resume-participant.ts'
import { withdrawParticipant } from '../../../domain/participant-actions/withdraw-participant.ts'
import { NotFoundError } from '../../../errors.ts'
import { pathId } from '../../common/ids.ts'
import { checkFilterShape } from '../../common/list-request.ts'
import { leadProviderOf } from '../caller.ts'
import { findParticipant } from '../participants/query.ts'
import { serializeParticipant } from '../participants/serialize.ts'
import { readAttributes } from '../../common/attributes.ts'
import { changeScheduleSchema, deferSchema, resumeSchema, withdrawSchema } from './schemas.ts'

type Command<I> = (tx: Tx, clock: Clock, leadProviderId: string, participantId: string, input: I) => Promise<unknown>

/**
 * D-10: body shape (400), then the participant among the caller's (404), then the checks (422);
 * 200 with the participant as GET /participants/{id} shows it after the change.
 */
function action<N extends string>(db: Db, attributes: readonly N[], command: Command<Record<N, string | null>>) {
  return async (request: FastifyRequest) => {
    checkFilterShape(request)
    const leadProviderId = leadProviderOf(request)
    const input = readAttributes(request.body, attributes)
    const id = pathId((request.params as { id?: string }).id)
    await inTransaction(db, (tx) => command(tx, request.clock, leadProviderId, id, input))
    const row = await findParticipant(db, leadProviderId, id, request.clock.today)
    if (!row) throw new NotFoundError()
    return { data: serializeParticipant(row, request.clock.today) }
  }
}

export async function participantActionRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  app.put('/participants/:id/withdraw', { schema: withdrawSchema }, action(db, ['reason', 'course_identifier'], withdrawParticipant))
  app.put('/participants/:id/defer', { schema: deferSchema }, action(db, ['reason', 'course_identifier'], deferParticipant))
  app.put('/participants/:id/resume', { schema: resumeSchema }, action(db, ['course_identifier'], resumeParticipant))
  app.put('/participants/:id/change-schedule', { schema: changeScheduleSchema }, action(db, ['schedule_identifier', 'course_identifier', 'cohort'], changeSchedule))
}
