import type { App, SurfaceOptions } from '../../surface.ts'
import { NotFoundError } from '../../../errors.ts'
import { pathId } from '../../common/ids.ts'
import { checkFilterShape, readListRequest } from '../../common/list-request.ts'
import { leadProviderOf } from '../caller.ts'
import { findUnfundedMentor, listUnfundedMentors } from './query.ts'
import { listSchema, showSchema, SORT_KEYS } from './schemas.ts'
import { serializeUnfundedMentor } from './serialize.ts'

export async function unfundedMentorRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  app.get('/unfunded-mentors', { schema: listSchema }, async (request) => {
    const { page, sort, updatedSince } = readListRequest(request, { sortKeys: SORT_KEYS, updatedSince: true })
    const rows = await listUnfundedMentors(db, leadProviderOf(request), { today: request.clock.today, updatedSince, sort, page })
    return { data: rows.map(serializeUnfundedMentor) }
  })

  // D-71: 404 unless the teacher is unfunded for the caller.
  app.get('/unfunded-mentors/:id', { schema: showSchema }, async (request) => {
    checkFilterShape(request)
    const id = pathId((request.params as { id: string }).id)
    const row = await findUnfundedMentor(db, leadProviderOf(request), id, request.clock.today)
    if (!row) throw new NotFoundError()
    return { data: serializeUnfundedMentor(row) }
  })
}
