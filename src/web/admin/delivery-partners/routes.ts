// W-86: delivery partners, adding one (P-18), and a delivery partner's pairings (P-19 in cohorts/pairings.ts).
import type { FastifyInstance } from 'fastify'
import { deliveryPartnerFields } from '../../../api/admin/v1/delivery-partners/schemas.ts'
import { readFields } from '../../../api/common/fields.ts'
import { pathId } from '../../../api/common/ids.ts'
import { createDeliveryPartner, type CreateDeliveryPartnerInput } from '../../../domain/delivery-partners/create-delivery-partner.ts'
import type { WebDeps } from '../../deps.ts'
import { asUser } from '../../plugins/user.ts'
import { attempt, found, listPage, pageErrors, param } from '../common.ts'
import { NAME_TEXTS, nameBody } from '../forms.ts'
import { pagination, withQuery } from '../paging.ts'
import { deliveryPartnerPage, listDeliveryPartnersForAdmin } from './query.ts'

export async function deliveryPartnerPages(app: FastifyInstance, { db }: WebDeps): Promise<void> {
  app.get('/delivery-partners', async (request, reply) => {
    const page = listPage(request)
    const { rows, total } = await listDeliveryPartnersForAdmin(db, page)
    const links = pagination(page.page, total, (n) => withQuery('/admin/delivery-partners', { page: n }))
    return reply.render('admin/delivery-partners/index.njk', { title: 'Delivery partners', rows, pagination: links })
  })

  app.get('/delivery-partners/new', async (_request, reply) =>
    reply.render('admin/name-form.njk', { title: 'Add a delivery partner', backLink: '/admin/delivery-partners', values: {} }))

  app.post('/delivery-partners/new', async (request, reply) => {
    const { values, problems } = readFields(nameBody(request.body), deliveryPartnerFields)
    const result = await attempt(() => asUser(db, request, (tx) => createDeliveryPartner(tx, request.clock, values as CreateDeliveryPartnerInput, problems)))
    if (!result.ok) {
      const data = { title: 'Add a delivery partner', backLink: '/admin/delivery-partners', values: request.body, errors: pageErrors(NAME_TEXTS, result.problems) }
      return reply.render('admin/name-form.njk', data, 422)
    }
    request.session.flash = { text: 'Delivery partner added' }
    return reply.redirect(`/admin/delivery-partners/${result.value.id}`, 303)
  })

  app.get('/delivery-partners/:id', async (request, reply) => {
    const dp = found(await deliveryPartnerPage(db, pathId(param(request, 'id'))))
    return reply.render('admin/delivery-partners/show.njk', { title: dp.name, dp, activeNav: '/admin/delivery-partners' })
  })
}
