// The operator's payment steps (D-81 … D-85) and, registered with them, the funding decision (D-86).
import type { App, SurfaceOptions } from '../../../surface.ts'
import { inTransaction } from '../../../../db/transaction.ts'
import { createStatement, type NewStatement } from '../../../../domain/statements/create-statement.ts'
import { createStatementCalendar } from '../../../../domain/statements/create-statement-calendar.ts'
import { markStatementPaid } from '../../../../domain/statements/mark-statement-paid.ts'
import { markStatementPayable } from '../../../../domain/statements/mark-statement-payable.ts'
import { NotFoundError } from '../../../../errors.ts'
import type { StatementStatus } from '../../../../db/schema.ts'
import { readFields } from '../../../common/fields.ts'
import { scalarFilter, type Filter } from '../../../common/filters.ts'
import { isUuid, pathId } from '../../../common/ids.ts'
import { fundingEligibilityRoutes } from '../funding-eligibility/routes.ts'
import { found, paramOf, readAdminList } from '../common.ts'
import { adminStatementsByIds, findAdminStatement, listAdminStatements, type StatementFilters } from './query.ts'
import { calendarFields, calendarSchema, createSchema, listSchema, markPaidSchema, markPayableSchema, statementFields } from './schemas.ts'
import { serializeAdminStatement } from './serialize.ts'

const STATUSES: readonly StatementStatus[] = ['open', 'payable', 'paid']

/** D-81: each filter one value; a value that names nothing matches nothing (C-40). */
function statementFilters(filter: Filter): StatementFilters {
  const text = (name: string) => {
    const value = scalarFilter(filter[name])
    return value === null ? null : typeof value === 'string' ? value : ''
  }
  const [lp, cohort, status] = [text('lead_provider_id'), text('cohort'), text('status')]
  return {
    leadProviderId: lp !== null && isUuid(lp) ? lp.toLowerCase() : null,
    cohort: cohort !== null && /^\d{1,6}$/.test(cohort) ? Number(cohort) : null,
    status: status !== null && (STATUSES as readonly string[]).includes(status) ? (status as StatementStatus) : null,
    nothing: (lp !== null && !isUuid(lp)) || (cohort !== null && !/^\d{1,6}$/.test(cohort)) || (status !== null && !(STATUSES as readonly string[]).includes(status)),
  }
}

function pathYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new NotFoundError()
  return Number(value)
}

export async function statementRoutes(app: App, options: SurfaceOptions): Promise<void> {
  const { db } = options

  app.get('/statements', { schema: listSchema }, async (request) => {
    const { filter, page } = readAdminList(request)
    return { data: (await listAdminStatements(db, statementFilters(filter), page)).map(serializeAdminStatement) }
  })

  app.post('/statements', { schema: createSchema }, async (request, reply) => {
    const { values, problems } = readFields(request.body, statementFields)
    const { id } = await inTransaction(db, (tx) => createStatement(tx, request.clock, values as Partial<NewStatement>, problems))
    return reply.code(201).send({ data: serializeAdminStatement(found(await findAdminStatement(db, id))) })
  })

  app.post('/cohorts/:year/statements', { schema: calendarSchema }, async (request, reply) => {
    const year = pathYear(paramOf(request, 'year'))
    const { values, problems } = readFields(request.body, calendarFields)
    const result = await inTransaction(db, (tx) => createStatementCalendar(tx, request.clock, year, values.lead_provider_id, problems))
    const created = await adminStatementsByIds(db, result.created)
    return reply.code(201).send({ data: { created: created.map(serializeAdminStatement), already_present: result.already_present } })
  })

  app.post('/statements/:id/mark-payable', { schema: markPayableSchema }, async (request) => {
    const id = pathId(paramOf(request, 'id'))
    await inTransaction(db, (tx) => markStatementPayable(tx, request.clock, id))
    return { data: serializeAdminStatement(found(await findAdminStatement(db, id))) }
  })

  app.post('/statements/:id/mark-paid', { schema: markPaidSchema }, async (request) => {
    const id = pathId(paramOf(request, 'id'))
    await inTransaction(db, (tx) => markStatementPaid(tx, request.clock, id))
    return { data: serializeAdminStatement(found(await findAdminStatement(db, id))) }
  })

  await fundingEligibilityRoutes(app, options)
}
