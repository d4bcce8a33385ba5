import type { App, SurfaceOptions } from '../../surface.ts'
import { BadRequestError, NotFoundError } from '../../../errors.ts'
import { scalarFilter, type Filter } from '../../common/filters.ts'
import { pathId } from '../../common/ids.ts'
import { checkFilterShape, readListRequest } from '../../common/list-request.ts'
import { leadProviderOf } from '../caller.ts'
import { schoolsFeed } from '../../../read-models/schools.ts'
import { respond } from '../../../read-models/respond.ts'
import { findSchool, listSchools } from './query.ts'
import { listSchema, showSchema, SORT_KEYS } from './schemas.ts'
import { serializeSchool } from './serialize.ts'

/** P-44, C-10 row 7: the `cohort` key must be present on both endpoints. */
function requireCohort(filter: Filter): void {
  if (!Object.hasOwn(filter, 'cohort')) throw new BadRequestError("The filter '#/cohort' must be included in your request", 'Bad parameter')
}

/** P-44, P-46 (decided): one value, a comma list counts by its first item; null names nothing. */
function firstItem(filter: Filter, name: string): string | null {
  const value = scalarFilter(filter[name])
  return typeof value === 'string' ? (value.split(',')[0] ?? '') : null
}

/** P-44: the cohort an all-digit item names (whether one exists is the query's business). */
function cohortYear(filter: Filter): number | null {
  const item = firstItem(filter, 'cohort')
  return item !== null && /^\d{1,9}$/.test(item) ? Number(item) : null
}

export async function schoolRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  app.get('/schools', { schema: listSchema }, async (request, reply) => {
    const { filter, page, sort, updatedSince } = readListRequest(request, { sortKeys: SORT_KEYS, updatedSince: true, required: requireCohort })
    const year = cohortYear(filter)
    if (year === null) return { data: [] }
    const scope = { leadProviderId: leadProviderOf(request), cohortYear: year, today: request.clock.today }
    // C-38: a blank urn filters nothing; anything else must equal a URN exactly (decided).
    const urn = scalarFilter(filter.urn) === null ? null : (firstItem(filter, 'urn') ?? '')
    const options = { urn, updatedSince, sort, page }
    return respond(reply, db, schoolsFeed, scope.leadProviderId, { ...scope, ...options }, async () => ({
      data: (await listSchools(db, scope, options)).map(serializeSchool),
    }))
  })

  app.get('/schools/:id', { schema: showSchema }, async (request, reply) => {
    const filter = checkFilterShape(request)
    requireCohort(filter)
    const id = pathId((request.params as { id?: string }).id)
    const year = cohortYear(filter)
    if (year === null) throw new NotFoundError()
    const scope = { leadProviderId: leadProviderOf(request), cohortYear: year, today: request.clock.today }
    return respond(reply, db, schoolsFeed, scope.leadProviderId, { ...scope, id }, async () => {
      const row = await findSchool(db, scope, id)
      return row && { data: serializeSchool(row) }
    })
  })
}
