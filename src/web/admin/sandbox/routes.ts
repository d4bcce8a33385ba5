// W-92, W-93: the sandbox tools — reset (S-54) after a confirmation, and named scenarios (S-50).
// Not registered in production, where /admin/sandbox is the 404 page (like S-5).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { resetFields, seedFields } from '../../../api/admin/v1/sandbox/schemas.ts'
import { readFields } from '../../../api/common/fields.ts'
import { Problems } from '../../../domain/problems.ts'
import { resetSandbox, type ResetResult } from '../../../sandbox/reset.ts'
import { runScenario, SCENARIO_FIELDS, type ScenarioReport } from '../../../sandbox/scenarios/run-scenario.ts'
import { SCENARIO_NAMES } from '../../../sandbox/scenarios/catalogue.ts'
import type { PageErrors } from '../../forms/errors.ts'
import { queryValue, type FormBody } from '../../forms/form.ts'
import type { WebDeps } from '../../deps.ts'
import { asUser } from '../../plugins/user.ts'
import { attempt, pageErrors, selectItems } from '../common.ts'
import { namedChoices } from '../cohorts/query.ts'
import { RESET_TEXTS, SCENARIO_TEXTS, resetBody, scenarioBody } from '../forms.ts'
import { SCENARIO_HINTS } from './scenarios.ts'

export async function sandboxPages(app: FastifyInstance, { db, config }: WebDeps): Promise<void> {
  if (config.mode !== 'sandbox') return

  const render = async (request: FastifyRequest, values: FormBody, errors?: PageErrors) => {
    const settings = await db.selectFrom('settings').select(['seed_number']).executeTakeFirst()
    const leadProviders = (await namedChoices(db, 'lead_providers')).map((lp) => ({ value: lp.id, text: lp.name }))
    return {
      title: 'Sandbox tools',
      values: { seed: String(settings?.seed_number ?? 1), ...values },
      scenarioItems: SCENARIO_NAMES.map((name) => ({ value: name, text: name, hint: { text: SCENARIO_HINTS[name] ?? '' }, checked: name === values.scenario })),
      lpItems: selectItems(leadProviders, values.lead_provider_id, 'Default').map((i) => (i.value === '' ? { ...i, value: 'default' } : i)),
      otherItems: selectItems(leadProviders, values.other_lead_provider_id, 'Default').map((i) => (i.value === '' ? { ...i, value: 'default' } : i)),
      today: request.clock.today,
      ...(errors ? { errors } : {}),
    }
  }

  app.get('/sandbox', async (request, reply) => reply.render('admin/sandbox/index.njk', await render(request, {})))

  app.post('/sandbox/reset', async (request, reply) => {
    const form = request.body as FormBody
    const { values, problems } = readFields(resetBody(form), resetFields)
    if (!problems.empty) return reply.render('admin/sandbox/index.njk', await render(request, form, pageErrors(RESET_TEXTS, problems.list())), 422)
    const query = new URLSearchParams({ ...(values.seed !== undefined ? { seed: String(values.seed) } : {}), empty: String(values.empty ?? false) })
    return reply.redirect(`/admin/sandbox/reset/confirm?${query}`, 303)
  })

  const confirmData = (seed: string, empty: boolean, errors?: PageErrors) => ({ title: 'Reset the sandbox?', seed, empty, backLink: '/admin/sandbox', activeNav: '/admin/sandbox', ...(errors ? { errors } : {}) })

  app.get('/sandbox/reset/confirm', async (request, reply) =>
    reply.render('admin/sandbox/confirm.njk', confirmData(queryValue(request.query, 'seed'), queryValue(request.query, 'empty') === 'true')))

  app.post('/sandbox/reset/confirm', async (request, reply) => {
    const form = request.body as FormBody
    const { values, problems } = readFields(resetBody(form), resetFields)
    const result = await attempt(async () => {
      problems.throwIfAny()
      return asUser(db, request, (tx) => resetSandbox(tx, request.clock, values))
    })
    if (!result.ok) return reply.render('admin/sandbox/confirm.njk', confirmData(form.seed ?? '', form.empty === 'true', pageErrors(RESET_TEXTS, result.problems)), 422)
    request.session.flash = { text: result.value.empty ? 'The sandbox has been emptied' : `The sandbox has been reset with seed ${result.value.seed}`, data: result.value }
    return reply.redirect('/admin/sandbox/reset/done', 303)
  })

  app.get('/sandbox/reset/done', async (request, reply) => {
    const reset = request.session.flash?.data as ResetResult | undefined
    if (reset === undefined) return reply.redirect('/admin/sandbox', 302)
    return reply.render('admin/sandbox/reset-done.njk', { title: 'Sandbox reset', reset, activeNav: '/admin/sandbox' })
  })

  app.post('/sandbox/scenarios', async (request, reply) => {
    const form = request.body as FormBody
    const { values, problems } = readFields(scenarioBody(form), seedFields)
    const kept = new Problems(SCENARIO_FIELDS)
    for (const p of problems.list()) if (p.attribute !== 'seed') kept.add(p.attribute, p.detail)
    const input = { ...(values.scenario ? { scenario: values.scenario } : {}), ...(values.lead_provider_id ? { lead_provider_id: values.lead_provider_id } : {}), ...(values.other_lead_provider_id ? { other_lead_provider_id: values.other_lead_provider_id } : {}) }
    const result = await attempt(() => asUser(db, request, (tx) => runScenario(tx, request.clock, input, kept)))
    if (!result.ok) return reply.render('admin/sandbox/index.njk', await render(request, form, pageErrors(SCENARIO_TEXTS, result.problems)), 422)
    request.session.flash = { text: `Scenario ${result.value.scenario} added`, data: result.value }
    return reply.redirect('/admin/sandbox/scenarios/result', 303)
  })

  app.get('/sandbox/scenarios/result', async (request, reply) => {
    const report = request.session.flash?.data as ScenarioReport | undefined
    if (report === undefined) return reply.redirect('/admin/sandbox', 302)
    return reply.render('admin/sandbox/scenario-result.njk', { title: `Scenario ${report.scenario}`, report, personas: config.web.oidc === null, activeNav: '/admin/sandbox' })
  })
}
