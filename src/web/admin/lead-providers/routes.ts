// W-83 … W-85: lead providers, a lead provider's page, its tokens (shown once) and revoking one.
import type { FastifyInstance } from 'fastify'
import { leadProviderFields } from '../../../api/admin/v1/lead-providers/schemas.ts'
import { tokenFields } from '../../../api/admin/v1/tokens/schemas.ts'
import { readFields } from '../../../api/common/fields.ts'
import { pathId } from '../../../api/common/ids.ts'
import { createLeadProvider, type CreateLeadProviderInput } from '../../../domain/lead-providers/create-lead-provider.ts'
import { createLeadProviderToken } from '../../../domain/tokens/create-lead-provider-token.ts'
import { revokeLeadProviderToken } from '../../../domain/tokens/revoke-lead-provider-token.ts'
import type { WebDeps } from '../../deps.ts'
import { asUser } from '../../plugins/user.ts'
import { attempt, found, listPage, pageErrors, param } from '../common.ts'
import { NAME_TEXTS, TOKEN_TEXTS, nameBody, tokenBody } from '../forms.ts'
import { pagination, withQuery } from '../paging.ts'
import { leadProviderPage, listLeadProvidersForAdmin, liveTokenWithProvider } from './query.ts'

export async function leadProviderPages(app: FastifyInstance, { db }: WebDeps): Promise<void> {
  app.get('/lead-providers', async (request, reply) => {
    const page = listPage(request)
    const { rows, total } = await listLeadProvidersForAdmin(db, page)
    const links = pagination(page.page, total, (n) => withQuery('/admin/lead-providers', { page: n }))
    return reply.render('admin/lead-providers/index.njk', { title: 'Lead providers', rows, pagination: links })
  })

  app.get('/lead-providers/new', async (_request, reply) =>
    reply.render('admin/name-form.njk', { title: 'Add a lead provider', backLink: '/admin/lead-providers', values: {} }))

  app.post('/lead-providers/new', async (request, reply) => {
    const { values, problems } = readFields(nameBody(request.body), leadProviderFields)
    const result = await attempt(() => asUser(db, request, (tx) => createLeadProvider(tx, request.clock, values as CreateLeadProviderInput, problems)))
    if (!result.ok) {
      const data = { title: 'Add a lead provider', backLink: '/admin/lead-providers', values: request.body, errors: pageErrors(NAME_TEXTS, result.problems) }
      return reply.render('admin/name-form.njk', data, 422)
    }
    request.session.flash = { text: 'Lead provider added' }
    return reply.redirect(`/admin/lead-providers/${result.value.id}`, 303)
  })

  app.get('/lead-providers/:id', async (request, reply) => {
    const lp = found(await leadProviderPage(db, pathId(param(request, 'id'))))
    return reply.render('admin/lead-providers/show.njk', { title: lp.name, lp, activeNav: '/admin/lead-providers' })
  })

  // W-85: the one form answering 200 with the result rather than 303 (the plaintext is never stored).
  app.get('/lead-providers/:id/tokens/new', async (request, reply) => {
    const lp = found(await leadProviderPage(db, pathId(param(request, 'id'))))
    return reply.render('admin/lead-providers/token-new.njk', { title: `Create an API token for ${lp.name}`, lp, values: {}, backLink: `/admin/lead-providers/${lp.id}` })
  })

  app.post('/lead-providers/:id/tokens/new', async (request, reply) => {
    const lp = found(await leadProviderPage(db, pathId(param(request, 'id'))))
    const { values, problems } = readFields(tokenBody(request.body), tokenFields)
    const result = await attempt(async () => {
      problems.throwIfAny()
      return asUser(db, request, (tx) => createLeadProviderToken(tx, request.clock, lp.id, { description: values.description ?? null }))
    })
    if (!result.ok) {
      const data = { title: `Create an API token for ${lp.name}`, lp, values: request.body, errors: pageErrors(TOKEN_TEXTS, result.problems), backLink: `/admin/lead-providers/${lp.id}` }
      return reply.render('admin/lead-providers/token-new.njk', data, 422)
    }
    return reply.render('admin/lead-providers/token-created.njk', { title: 'Token created', lp, token: result.value.token, description: values.description ?? null })
  })

  app.get('/tokens/:token_id/revoke', async (request, reply) => {
    const token = found(await liveTokenWithProvider(db, pathId(param(request, 'token_id'))))
    return reply.render('admin/lead-providers/token-revoke.njk', { title: 'Revoke this token?', token, backLink: `/admin/lead-providers/${token.lead_provider_id}`, activeNav: '/admin/lead-providers' })
  })

  app.post('/tokens/:token_id/revoke', async (request, reply) => {
    const token = found(await liveTokenWithProvider(db, pathId(param(request, 'token_id'))))
    await asUser(db, request, (tx) => revokeLeadProviderToken(tx, request.clock, token.id))
    request.session.flash = { text: 'Token revoked' }
    return reply.redirect(`/admin/lead-providers/${token.lead_provider_id}`, 303)
  })
}
