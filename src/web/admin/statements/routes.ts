// W-90: statements with D-81's filters, a statement's page, and marking it payable (D-84) or paid (D-85).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isUuid, pathId } from '../../../api/common/ids.ts'
import type { Clock } from '../../../clock.ts'
import type { StatementStatus } from '../../../db/schema.ts'
import type { Tx } from '../../../db/transaction.ts'
import { markStatementPaid } from '../../../domain/statements/mark-statement-paid.ts'
import { markStatementPayable } from '../../../domain/statements/mark-statement-payable.ts'
import type { Problem } from '../../../errors.ts'
import { ErrorCollector } from '../../forms/errors.ts'
import { queryValue } from '../../forms/form.ts'
import type { WebDeps } from '../../deps.ts'
import { asUser } from '../../plugins/user.ts'
import { attempt, found, listPage, param, selectItems } from '../common.ts'
import { cohortYears, namedChoices } from '../cohorts/query.ts'
import { pagination, withQuery } from '../paging.ts'
import { MONTHS } from '../teachers/routes.ts'
import { countDeclarations, listStatementsForAdmin, statementDeclarations, statementForAdmin, type StatementFilter } from './query.ts'

const STATUSES: StatementStatus[] = ['open', 'payable', 'paid']
const STATUS_LABELS: Record<StatementStatus, string> = { open: 'Open', payable: 'Payable', paid: 'Paid' }

/** D-81's filters from the GET form; a value naming nothing is no filter (the selects only offer real ones). */
function readFilter(query: unknown): StatementFilter & { raw: Record<string, string> } {
  const raw = { lead_provider_id: queryValue(query, 'lead_provider_id'), cohort: queryValue(query, 'cohort'), status: queryValue(query, 'status') }
  return {
    raw,
    leadProviderId: isUuid(raw.lead_provider_id) ? raw.lead_provider_id.toLowerCase() : null,
    cohort: /^\d{4}$/.test(raw.cohort) ? Number(raw.cohort) : null,
    status: (STATUSES as string[]).includes(raw.status) ? (raw.status as StatementStatus) : null,
  }
}

export async function statementPages(app: FastifyInstance, { db }: WebDeps): Promise<void> {
  app.get('/statements', async (request, reply) => {
    const filter = readFilter(request.query)
    const page = listPage(request)
    const [{ rows, total }, leadProviders, cohorts] = await Promise.all([listStatementsForAdmin(db, filter, page), namedChoices(db, 'lead_providers'), cohortYears(db)])
    const filters = {
      lpItems: selectItems(leadProviders.map((lp) => ({ value: lp.id, text: lp.name })), filter.leadProviderId, 'All lead providers'),
      cohortItems: selectItems(cohorts.map((y) => ({ value: y, text: String(y) })), filter.cohort, 'All cohorts'),
      statusItems: selectItems(STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] })), filter.status, 'All statuses'),
    }
    const links = pagination(page.page, total, (n) => withQuery('/admin/statements', { ...filter.raw, page: n }))
    return reply.render('admin/statements/index.njk', { title: 'Statements', rows, total, ...filters, months: MONTHS, statusLabels: STATUS_LABELS, pagination: links })
  })

  const show = async (request: FastifyRequest, reply: FastifyReply, problems?: readonly Problem[]) => {
    const statement = found(await statementForAdmin(db, pathId(param(request, 'id'))))
    const declarations = await statementDeclarations(db, statement.id)
    const errors = problems ? new ErrorCollector([]).addProblems(problems).result() : undefined
    if (errors) errors.list = errors.list.map((e) => ({ ...e, href: '#actions' }))
    const title = `${statement.lead_provider_name}: ${MONTHS[statement.month]} ${statement.year} statement`
    const data = { title, statement, declarations, counts: countDeclarations(declarations), months: MONTHS, statusLabels: STATUS_LABELS, today: request.clock.today, activeNav: '/admin/statements', ...(errors ? { errors } : {}) }
    return reply.render('admin/statements/show.njk', data, errors ? 422 : 200)
  }

  app.get('/statements/:id', async (request, reply) => show(request, reply))

  const actions: [string, (tx: Tx, clock: Clock, id: string) => Promise<unknown>, string][] = [
    ['mark-payable', markStatementPayable, 'Statement marked as payable'], // D-84
    ['mark-paid', markStatementPaid, 'Statement marked as paid'], // D-85
  ]
  for (const [path, command, banner] of actions) {
    app.post(`/statements/:id/${path}`, async (request, reply) => {
      const statement = found(await statementForAdmin(db, pathId(param(request, 'id'))))
      const result = await attempt(() => asUser(db, request, (tx) => command(tx, request.clock, statement.id)))
      if (!result.ok) return show(request, reply, result.problems)
      request.session.flash = { text: banner }
      return reply.redirect(`/admin/statements/${statement.id}`, 303)
    })
  }
}
