// S-50 … S-56: the sandbox endpoints. Not registered in production (S-5), so there a request gets
// the unknown-route 404 before authentication, and the admin OpenAPI does not list them.
import type { App, SurfaceOptions } from '../../../surface.ts'
import { inTransaction } from '../../../../db/transaction.ts'
import { Problems } from '../../../../domain/problems.ts'
import { resetSandbox, seedBaseData } from '../../../../sandbox/reset.ts'
import { runScenario, SCENARIO_FIELDS } from '../../../../sandbox/scenarios/run-scenario.ts'
import { readFields } from '../../../common/fields.ts'
import { resetFields, resetSchema, seedFields, seedSchema } from './schemas.ts'

export async function sandboxRoutes(app: App, { db, config }: SurfaceOptions): Promise<void> {
  if (config.mode !== 'sandbox') return

  app.post('/sandbox/seed', { schema: seedSchema }, async (request, reply) => {
    const { values, present, problems } = readFields(request.body, seedFields)
    if (!present.has('scenario')) {
      // S-50: without a scenario the lead provider fields are ignored.
      const kept = new Problems(SCENARIO_FIELDS)
      for (const p of problems.list()) if (p.attribute !== 'lead_provider_id' && p.attribute !== 'other_lead_provider_id') kept.add(p.attribute, p.detail)
      kept.throwIfAny()
      const data = await inTransaction(db, (tx) => seedBaseData(tx, request.clock, values.seed ?? 1))
      return reply.code(201).send({ data })
    }
    // With a scenario, `seed` is ignored.
    const kept = new Problems(SCENARIO_FIELDS)
    for (const p of problems.list()) if (p.attribute !== 'seed') kept.add(p.attribute, p.detail)
    const { scenario, lead_provider_id, other_lead_provider_id } = values
    const input = { ...(scenario ? { scenario } : {}), ...(lead_provider_id ? { lead_provider_id } : {}), ...(other_lead_provider_id ? { other_lead_provider_id } : {}) }
    const data = await inTransaction(db, (tx) => runScenario(tx, request.clock, input, kept))
    return reply.code(201).send({ data })
  })

  app.post('/sandbox/reset', { schema: resetSchema }, async (request) => {
    const { values, problems } = readFields(request.body, resetFields)
    problems.throwIfAny()
    const data = await inTransaction(db, (tx) => resetSandbox(tx, request.clock, values))
    return { data }
  })
}
