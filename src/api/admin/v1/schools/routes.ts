import type { App, SurfaceOptions } from '../../../surface.ts'
import { inTransaction } from '../../../../db/transaction.ts'
import { createSchool, type CreateSchoolInput } from '../../../../domain/schools/create-school.ts'
import { updateSchool } from '../../../../domain/schools/update-school.ts'
import { readFields } from '../../../common/fields.ts'
import { scalarFilter } from '../../../common/filters.ts'
import { pathUrn } from '../../../common/ids.ts'
import { found, paramOf, readAdminList } from '../common.ts'
import { findSchool, listSchools } from './query.ts'
import { createSchema, listSchema, schoolFields, updateSchema } from './schemas.ts'
import { serializeSchool } from './serialize.ts'

export async function schoolRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  app.get('/schools', { schema: listSchema }, async (request) => {
    const { filter, page } = readAdminList(request)
    const urn = scalarFilter(filter.urn)
    // A filter[urn] given as an object names no school (C-42).
    if (urn !== null && typeof urn !== 'string') return { data: [] }
    return { data: (await listSchools(db, { urn, page })).map(serializeSchool) }
  })

  app.post('/schools', { schema: createSchema }, async (request, reply) => {
    const { values, problems } = readFields(request.body, schoolFields)
    const input = values as CreateSchoolInput
    await inTransaction(db, (tx) => createSchool(tx, request.clock, input, problems))
    return reply.code(201).send({ data: serializeSchool(found(await findSchool(db, input.urn))) })
  })

  app.patch('/schools/:urn', { schema: updateSchema }, async (request) => {
    const urn = pathUrn(paramOf(request, 'urn'))
    found(await findSchool(db, urn))
    const { values, problems } = readFields(request.body, schoolFields, { partial: true })
    await inTransaction(db, (tx) => updateSchool(tx, request.clock, urn, values, problems))
    return { data: serializeSchool(found(await findSchool(db, urn))) }
  })
}
