import type { App, SurfaceOptions } from '../../surface.ts'
import { inTransaction } from '../../../db/transaction.ts'
import { createDeclaration } from '../../../domain/declarations/create-declaration.ts'
import type { DeclarationInput } from '../../../domain/declarations/rules.ts'
import { voidDeclaration } from '../../../domain/declarations/void-declaration.ts'
import { NotFoundError } from '../../../errors.ts'
import { leadProviderOf } from '../caller.ts'
import { readAttributes } from '../../common/attributes.ts'
import { cohortItems, idItems, listFilter } from '../../common/filters.ts'
import { pathId } from '../../common/ids.ts'
import { checkFilterShape, readListRequest } from '../../common/list-request.ts'
import { findDeclaration, listDeclarations } from './query.ts'
import { createSchema, listSchema, showSchema, voidSchema } from './schemas.ts'
import { serializeDeclaration } from './serialize.ts'

const ATTRIBUTES = ['participant_id', 'declaration_type', 'declaration_date', 'course_identifier', 'evidence_held'] as const

/** D-3, C-19 … C-22: `data.attributes` with at least one of the attributes this endpoint reads. */
function declarationInput(body: unknown): DeclarationInput {
  return readAttributes(body, ATTRIBUTES)
}

function idOf(request: { params: unknown }): string {
  return pathId((request.params as { id: string }).id)
}

export async function participantDeclarationRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  app.post('/participant-declarations', { schema: createSchema }, async (request) => {
    checkFilterShape(request)
    const leadProviderId = leadProviderOf(request)
    const input = declarationInput(request.body)
    const { id } = await inTransaction(db, (tx) => createDeclaration(tx, request.clock, leadProviderId, input))
    return { data: serializeDeclaration((await findDeclaration(db, leadProviderId, id))!) }
  })

  app.get('/participant-declarations', { schema: listSchema }, async (request) => {
    const { filter, page, updatedSince } = readListRequest(request, { sortKeys: [] as const, updatedSince: true })
    const list = (name: string, items: (values: string[]) => (string | number)[]) => {
      const values = listFilter(filter[name])
      return values === null ? null : items(values)
    }
    const rows = await listDeclarations(
      db,
      leadProviderOf(request),
      {
        cohorts: list('cohort', cohortItems) as number[] | null,
        participantIds: list('participant_id', idItems) as string[] | null,
        deliveryPartnerIds: list('delivery_partner_id', idItems) as string[] | null,
        updatedSince,
      },
      page,
    )
    return { data: rows.map(serializeDeclaration) }
  })

  app.get('/participant-declarations/:id', { schema: showSchema }, async (request) => {
    checkFilterShape(request)
    const row = await findDeclaration(db, leadProviderOf(request), idOf(request))
    if (!row) throw new NotFoundError()
    return { data: serializeDeclaration(row) }
  })

  app.put('/participant-declarations/:id/void', { schema: voidSchema }, async (request) => {
    checkFilterShape(request)
    const leadProviderId = leadProviderOf(request)
    const { id } = await inTransaction(db, (tx) => voidDeclaration(tx, request.clock, leadProviderId, idOf(request)))
    return { data: serializeDeclaration((await findDeclaration(db, leadProviderId, id))!) }
  })
}
