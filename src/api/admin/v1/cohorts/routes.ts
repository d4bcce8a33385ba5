import type { App, SurfaceOptions } from '../../../surface.ts'
import { inTransaction } from '../../../../db/transaction.ts'
import { createCohort, type CreateCohortInput } from '../../../../domain/cohorts/create-cohort.ts'
import { updateCohort } from '../../../../domain/cohorts/update-cohort.ts'
import { NotFoundError } from '../../../../errors.ts'
import { readFields } from '../../../common/fields.ts'
import { found, paramOf, readAdminList } from '../common.ts'
import { findCohort, listCohorts } from './query.ts'
import { cohortFields, createSchema, listSchema, updateSchema } from './schemas.ts'
import { serializeCohort } from './serialize.ts'

/** `{year}` is four digits; anything else is simply not found (C-16, C-78). */
function pathYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new NotFoundError()
  return Number(value)
}

export async function cohortRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  app.get('/cohorts', { schema: listSchema }, async (request) => {
    const { page } = readAdminList(request)
    return { data: (await listCohorts(db, page)).map(serializeCohort) }
  })

  app.post('/cohorts', { schema: createSchema }, async (request, reply) => {
    const { values, problems } = readFields(request.body, cohortFields)
    const input = values as CreateCohortInput
    await inTransaction(db, (tx) => createCohort(tx, request.clock, input, problems))
    return reply.code(201).send({ data: serializeCohort(found(await findCohort(db, input.year))) })
  })

  app.patch('/cohorts/:year', { schema: updateSchema }, async (request) => {
    const year = pathYear(paramOf(request, 'year'))
    found(await findCohort(db, year))
    const { values, problems } = readFields(request.body, cohortFields, { partial: true })
    await inTransaction(db, (tx) => updateCohort(tx, request.clock, year, values, problems))
    return { data: serializeCohort(found(await findCohort(db, year))) }
  })
}
