// W-82 and W-86: adding a pairing (P-19), from a cohort's page or a delivery partner's page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { findCohort } from '../../../api/admin/v1/cohorts/query.ts'
import { pairingFields } from '../../../api/admin/v1/lead-provider-delivery-partners/schemas.ts'
import { readFields } from '../../../api/common/fields.ts'
import { pathId } from '../../../api/common/ids.ts'
import { createPairing, type CreatePairingInput } from '../../../domain/delivery-partners/create-pairing.ts'
import type { PageErrors } from '../../forms/errors.ts'
import type { FormBody } from '../../forms/form.ts'
import type { WebDeps } from '../../deps.ts'
import { asUser } from '../../plugins/user.ts'
import { attempt, found, pageErrors, param, pathYear, selectItems } from '../common.ts'
import { deliveryPartnerPage } from '../delivery-partners/query.ts'
import { PAIRING_TEXTS, pairingBody } from '../forms.ts'
import { cohortYears, namedChoices } from './query.ts'

type Fixed = { cohort?: number; delivery_partner_id?: string }
type Where = { fixed: Fixed; title: string; caption: string; back: string; activeNav: string }

export async function pairingPages(app: FastifyInstance, { db }: WebDeps): Promise<void> {
  const render = async (reply: FastifyReply, where: Where, values: FormBody, errors?: PageErrors) => {
    const [leadProviders, deliveryPartners, cohorts] = await Promise.all([namedChoices(db, 'lead_providers'), namedChoices(db, 'delivery_partners'), cohortYears(db)])
    const items = {
      cohortItems: selectItems(cohorts.map((y) => ({ value: y, text: String(y) })), values.cohort, 'Select a cohort'),
      lpItems: selectItems(leadProviders.map((x) => ({ value: x.id, text: x.name })), values.lead_provider_id, 'Select a lead provider'),
      dpItems: selectItems(deliveryPartners.map((x) => ({ value: x.id, text: x.name })), values.delivery_partner_id, 'Select a delivery partner'),
    }
    const data = { title: where.title, caption: where.caption, fixed: where.fixed, values, ...items, backLink: where.back, activeNav: where.activeNav, ...(errors ? { errors } : {}) }
    return reply.render('admin/pairing-new.njk', data, errors ? 422 : 200)
  }
  const submit = async (request: FastifyRequest, reply: FastifyReply, where: Where) => {
    const { values, problems } = readFields(pairingBody(request.body, where.fixed), pairingFields)
    const result = await attempt(() => asUser(db, request, (tx) => createPairing(tx, request.clock, values as CreatePairingInput, problems)))
    if (!result.ok) return render(reply, where, request.body as FormBody, pageErrors(PAIRING_TEXTS, result.problems))
    request.session.flash = { text: 'Pairing added' }
    return reply.redirect(where.back, 303)
  }
  const fromCohort = async (year: string): Promise<Where> => {
    const cohort = found(await findCohort(db, pathYear(year)))
    return { fixed: { cohort: cohort.year }, title: 'Add a pairing', caption: `Cohort ${cohort.year}`, back: `/admin/cohorts/${cohort.year}`, activeNav: '/admin/cohorts' }
  }
  const fromPartner = async (id: string): Promise<Where> => {
    const dp = found(await deliveryPartnerPage(db, pathId(id)))
    return { fixed: { delivery_partner_id: dp.id }, title: 'Add a pairing', caption: dp.name, back: `/admin/delivery-partners/${dp.id}`, activeNav: '/admin/delivery-partners' }
  }

  app.get('/cohorts/:year/pairings/new', async (request, reply) => render(reply, await fromCohort(param(request, 'year')), {}))
  app.post('/cohorts/:year/pairings/new', async (request, reply) => submit(request, reply, await fromCohort(param(request, 'year'))))
  app.get('/delivery-partners/:id/pairings/new', async (request, reply) => render(reply, await fromPartner(param(request, 'id')), {}))
  app.post('/delivery-partners/:id/pairings/new', async (request, reply) => submit(request, reply, await fromPartner(param(request, 'id'))))
}
