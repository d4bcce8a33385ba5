import type { App, SurfaceOptions } from '../../surface.ts'
import { NotFoundError } from '../../../errors.ts'
import { leadProviderOf } from '../caller.ts'
import { cohortItems, listFilter } from '../../common/filters.ts'
import { pathId } from '../../common/ids.ts'
import { checkFilterShape, readListRequest } from '../../common/list-request.ts'
import { findStatement, listStatements } from './query.ts'
import { listSchema, showSchema } from './schemas.ts'
import { serializeStatement } from './serialize.ts'

export async function statementRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  app.get('/statements', { schema: listSchema }, async (request) => {
    const { filter, page, updatedSince } = readListRequest(request, { sortKeys: [] as const, updatedSince: true })
    const items = listFilter(filter.cohort)
    const rows = await listStatements(db, leadProviderOf(request), { cohorts: items === null ? null : cohortItems(items), updatedSince, page })
    return { data: rows.map(serializeStatement) }
  })

  app.get('/statements/:id', { schema: showSchema }, async (request) => {
    checkFilterShape(request)
    const row = await findStatement(db, leadProviderOf(request), pathId((request.params as { id: string }).id))
    if (!row) throw new NotFoundError()
    return { data: serializeStatement(row) }
  })
}
