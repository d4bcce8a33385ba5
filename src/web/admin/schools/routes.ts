// W-87, W-88: the school search, adding a school (P-21), a school's page and changing it (P-22).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { schoolFields } from '../../../api/admin/v1/schools/schemas.ts'
import { readFields } from '../../../api/common/fields.ts'
import { createSchool, type CreateSchoolInput } from '../../../domain/schools/create-school.ts'
import { updateSchool } from '../../../domain/schools/update-school.ts'
import { queryValue } from '../../forms/form.ts'
import type { WebDeps } from '../../deps.ts'
import { asUser } from '../../plugins/user.ts'
import { attempt, found, listPage, pageErrors, param, pathUrn } from '../common.ts'
import { ESTABLISHMENT_STATUS_LABELS, SCHOOL_TEXTS, schoolBody } from '../forms.ts'
import { pagination, withQuery } from '../paging.ts'
import { partnershipWizard } from './add-partnership.ts'
import { schoolPeople } from './people.ts'
import { schoolByUrn, schoolExpressionsOfInterest, schoolPartnerships, schoolSearch, searchSchools } from './query.ts'

const statusItems = (selected: unknown) =>
  Object.entries(ESTABLISHMENT_STATUS_LABELS).map(([value, text]) => ({ value, text, selected: value === (selected ?? 'open') }))

export async function schoolPages(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { db } = deps
  const schoolOf = async (request: FastifyRequest) => found(await schoolByUrn(db, pathUrn(param(request, 'urn'))))

  app.get('/schools', async (request, reply) => {
    const q = queryValue(request.query, 'q')
    const page = listPage(request)
    const search = schoolSearch(q)
    const { rows, total } = await searchSchools(db, search, request.clock.today, page)
    // W-87: an exact URN with one result goes straight to the school.
    if (search !== null && 'urn' in search && rows.length === 1) return reply.redirect(`/admin/schools/${rows[0]!.urn}`, 302)
    const links = pagination(page.page, total, (n) => withQuery('/admin/schools', { q: q.trim(), page: n }))
    return reply.render('admin/schools/index.njk', { title: 'Schools', q, rows, total, pagination: links })
  })

  app.get('/schools/new', async (_request, reply) =>
    reply.render('admin/schools/form.njk', { title: 'Add a school', edit: false, values: { eligible: 'yes' }, statusItems: statusItems('open'), backLink: '/admin/schools', activeNav: '/admin/schools' }))

  app.post('/schools/new', async (request, reply) => {
    const { values, problems } = readFields(schoolBody(request.body, { edit: false }), schoolFields)
    const result = await attempt(() => asUser(db, request, (tx) => createSchool(tx, request.clock, values as CreateSchoolInput, problems)))
    if (!result.ok) {
      const form = request.body as Record<string, string>
      const data = { title: 'Add a school', edit: false, values: form, statusItems: statusItems(form.establishment_status), errors: pageErrors(SCHOOL_TEXTS, result.problems), backLink: '/admin/schools', activeNav: '/admin/schools' }
      return reply.render('admin/schools/form.njk', data, 422)
    }
    request.session.flash = { text: 'School added' }
    return reply.redirect(`/admin/schools/${values.urn}`, 303)
  })

  app.get('/schools/:urn', async (request, reply) => {
    const school = await schoolOf(request)
    const today = request.clock.today
    const [people, partnerships, interests] = await Promise.all([schoolPeople(db, school.id, today), schoolPartnerships(db, school.id, today), schoolExpressionsOfInterest(db, school.id, today)])
    return reply.render('admin/schools/show.njk', { title: school.name, school, ...people, partnerships, interests, statusLabels: ESTABLISHMENT_STATUS_LABELS, activeNav: '/admin/schools' })
  })

  app.get('/schools/:urn/edit', async (request, reply) => {
    const school = await schoolOf(request)
    const values = { ...school, eligible: school.eligible ? 'yes' : 'no', pupil_premium_uplift: String(school.pupil_premium_uplift), sparsity_uplift: String(school.sparsity_uplift) }
    return reply.render('admin/schools/form.njk', { title: `Change ${school.name}`, edit: true, school, values, statusItems: statusItems(school.establishment_status), backLink: `/admin/schools/${school.urn}`, activeNav: '/admin/schools' })
  })

  app.post('/schools/:urn/edit', async (request, reply) => {
    const school = await schoolOf(request)
    const { values, problems } = readFields(schoolBody(request.body, { edit: true }), schoolFields, { partial: true })
    const result = await attempt(() => asUser(db, request, async (tx) => {
      problems.throwIfAny()
      return updateSchool(tx, request.clock, school.urn, values, problems)
    }))
    if (!result.ok) {
      const form = request.body as Record<string, string>
      const data = { title: `Change ${school.name}`, edit: true, school, values: form, statusItems: statusItems(form.establishment_status), errors: pageErrors(SCHOOL_TEXTS, result.problems), backLink: `/admin/schools/${school.urn}`, activeNav: '/admin/schools' }
      return reply.render('admin/schools/form.njk', data, 422)
    }
    request.session.flash = { text: 'School details saved' }
    return reply.redirect(`/admin/schools/${school.urn}`, 303)
  })

  await partnershipWizard(app, deps)
}
