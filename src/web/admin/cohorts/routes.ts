// W-81, W-82: cohorts; adding, changing, opening or closing one; its pairings and standard statements.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { cohortFields } from '../../../api/admin/v1/cohorts/schemas.ts'
import { findCohort, listCohorts } from '../../../api/admin/v1/cohorts/query.ts'
import { calendarFields } from '../../../api/admin/v1/statements/schemas.ts'
import { readFields } from '../../../api/common/fields.ts'
import { createCohort, type CreateCohortInput } from '../../../domain/cohorts/create-cohort.ts'
import { updateCohort } from '../../../domain/cohorts/update-cohort.ts'
import { createStatementCalendar } from '../../../domain/statements/create-statement-calendar.ts'
import type { Problem } from '../../../errors.ts'
import { ErrorCollector } from '../../forms/errors.ts'
import type { FormBody } from '../../forms/form.ts'
import type { WebDeps } from '../../deps.ts'
import { asUser } from '../../plugins/user.ts'
import { attempt, found, listPage, param, pathYear } from '../common.ts'
import { addDateProblems, optionalDate, type OptionalDate } from '../dates.ts'
import { COHORT_TEXTS, YEAR_RANGE, cohortBody } from '../forms.ts'
import { pagination, withQuery } from '../paging.ts'
import { cohortPairings, countCohorts } from './query.ts'
import { pairingPages } from './pairings.ts'

function cohortErrors(problems: readonly Problem[], dates: Record<string, OptionalDate>, form: FormBody) {
  const collector = new ErrorCollector(COHORT_TEXTS)
  for (const [id, date] of Object.entries(dates)) if (date.error) collector.add(id, date.error.text, date.error.parts)
  // A 4-digit year outside P-10's range gets the range, not the format.
  const year = problems.find((p) => p.attribute === 'year' && p.detail.includes("'#/"))
  if (year && /^\d{4}$/.test(String(form.year ?? '').trim())) collector.add('year', YEAR_RANGE)
  return collector.addProblems(problems).result()
}

/** P-11's `payments_frozen_on`: null for "No date", the date read, or undefined when it is in error. */
function frozenOn(form: FormBody, date: OptionalDate): string | null | undefined {
  if (form.payments_frozen !== 'date') return null
  if (date.value === undefined && !date.error) date.error = { text: 'Enter the date payments are frozen from', parts: ['day', 'month', 'year'] }
  return date.value
}

export async function cohortPages(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { db } = deps
  const cohortOf = async (request: FastifyRequest) => found(await findCohort(db, pathYear(param(request, 'year'))))

  app.get('/cohorts', async (request, reply) => {
    const page = listPage(request)
    const [rows, total] = await Promise.all([listCohorts(db, page), countCohorts(db)])
    return reply.render('admin/cohorts/index.njk', { title: 'Cohorts', rows, pagination: pagination(page.page, total, (n) => withQuery('/admin/cohorts', { page: n })) })
  })

  app.get('/cohorts/new', async (_request, reply) =>
    reply.render('admin/cohorts/new.njk', { title: 'Add a cohort', values: { partnerships_open: 'yes', mentor_funding_enabled: 'true', detailed_evidence_types_enabled: 'true' }, backLink: '/admin/cohorts' }))

  app.post('/cohorts/new', async (request, reply) => {
    const form = request.body as FormBody
    const dates = { starts_on: optionalDate(form, 'starts_on', 'Start date'), ends_on: optionalDate(form, 'ends_on', 'End date') }
    const { values, problems } = readFields(cohortBody(form, { starts_on: dates.starts_on.value, ends_on: dates.ends_on.value }, { edit: false }), cohortFields)
    addDateProblems(problems, dates)
    const result = await attempt(() => asUser(db, request, (tx) => createCohort(tx, request.clock, values as CreateCohortInput, problems)))
    if (!result.ok) {
      return reply.render('admin/cohorts/new.njk', { title: 'Add a cohort', values: form, dates, errors: cohortErrors(result.problems, dates, form), backLink: '/admin/cohorts' }, 422)
    }
    request.session.flash = { text: `Cohort ${values.year} added` }
    return reply.redirect(`/admin/cohorts/${values.year}`, 303)
  })

  app.get('/cohorts/:year', async (request, reply) => {
    const cohort = await cohortOf(request)
    const pairings = await cohortPairings(db, cohort.year)
    return reply.render('admin/cohorts/show.njk', { title: `Cohort ${cohort.year}`, cohort, pairings, activeNav: '/admin/cohorts' })
  })

  // P-11 with `partnerships_open` only (P-12).
  app.post('/cohorts/:year/partnerships', async (request, reply) => {
    const cohort = await cohortOf(request)
    const open = (request.body as FormBody).partnerships_open === 'true'
    const { values, problems } = readFields({ partnerships_open: open }, cohortFields, { partial: true })
    await asUser(db, request, (tx) => updateCohort(tx, request.clock, cohort.year, values, problems))
    request.session.flash = { text: open ? `Cohort ${cohort.year} is open to new partnerships` : `Cohort ${cohort.year} is closed to new partnerships` }
    return reply.redirect(`/admin/cohorts/${cohort.year}`, 303)
  })

  app.get('/cohorts/:year/edit', async (request, reply) => {
    const cohort = await cohortOf(request)
    const values = { ...cohort, payments_frozen: cohort.payments_frozen_on ? 'date' : 'none' }
    return reply.render('admin/cohorts/edit.njk', { title: `Change cohort ${cohort.year}`, cohort, values, backLink: `/admin/cohorts/${cohort.year}`, activeNav: '/admin/cohorts' })
  })

  app.post('/cohorts/:year/edit', async (request, reply) => {
    const cohort = await cohortOf(request)
    const form = request.body as FormBody
    const dates = { starts_on: optionalDate(form, 'starts_on', 'Start date'), ends_on: optionalDate(form, 'ends_on', 'End date'), payments_frozen_on: optionalDate(form, 'payments_frozen_on', 'Payments frozen date') }
    const frozen = frozenOn(form, dates.payments_frozen_on)
    const body = cohortBody(form, { starts_on: dates.starts_on.value ?? cohort.starts_on, ends_on: dates.ends_on.value ?? cohort.ends_on }, { edit: true, ...(frozen !== undefined ? { payments_frozen_on: frozen } : {}) })
    const { values, problems } = readFields(body, cohortFields, { partial: true })
    addDateProblems(problems, dates)
    const result = await attempt(() => asUser(db, request, (tx) => updateCohort(tx, request.clock, cohort.year, values, problems)))
    if (!result.ok) {
      return reply.render('admin/cohorts/edit.njk', { title: `Change cohort ${cohort.year}`, cohort, values: form, dates, errors: cohortErrors(result.problems, dates, form), backLink: `/admin/cohorts/${cohort.year}`, activeNav: '/admin/cohorts' }, 422)
    }
    request.session.flash = { text: `Cohort ${cohort.year} changed` }
    return reply.redirect(`/admin/cohorts/${cohort.year}`, 303)
  })

  // D-83 for every lead provider paired in the cohort.
  app.post('/cohorts/:year/statements', async (request, reply) => {
    const cohort = await cohortOf(request)
    const { problems } = readFields({}, calendarFields)
    const result = await attempt(() => asUser(db, request, (tx) => createStatementCalendar(tx, request.clock, cohort.year, undefined, problems)))
    if (!result.ok) {
      const pairings = await cohortPairings(db, cohort.year)
      const errors = new ErrorCollector([]).addProblems(result.problems).result()
      return reply.render('admin/cohorts/show.njk', { title: `Cohort ${cohort.year}`, cohort, pairings, errors, activeNav: '/admin/cohorts' }, 422)
    }
    const { created, already_present: existing } = result.value
    request.session.flash = { text: `${created.length} ${created.length === 1 ? 'statement' : 'statements'} added, ${existing} already existed` }
    return reply.redirect(`/admin/cohorts/${cohort.year}`, 303)
  })

  await pairingPages(app, deps)
}
