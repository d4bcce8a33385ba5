// S-50 … S-53: one named scenario added to the existing data, in the caller's transaction, behind
// the sandbox lock; answers with what it created (S-53).
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { recordEvent } from '../../domain/events.ts'
import { Problems, say } from '../../domain/problems.ts'
import { lockSandbox } from '../reset.ts'
import { holdsDomainData } from '../seed.ts'
import { SCENARIO_NAMES, SCENARIOS, schoolSteps } from './catalogue.ts'
import { openScene, runScene } from './context.ts'

export const SCENARIO_FIELDS = ['scenario', 'lead_provider_id', 'other_lead_provider_id', 'seed'] as const

export type ScenarioInput = { scenario?: string; lead_provider_id?: string; other_lead_provider_id?: string }

export type ScenarioReport = {
  scenario: string
  today: string
  cohort: string
  lead_provider_id: string
  other_lead_provider_id: string | null
  schools: { id: string; urn: string; name: string }[]
  partnerships: string[]
  participants: { id: string; role: 'ect' | 'mentor'; full_name: string }[]
  declarations: string[]
}

/** Issue 18: a scenario adds to the data set, so an empty database is told to seed first. */
export const NOT_SEEDED = 'The database holds no data yet: load the seed data set first (POST /api/admin/v1/sandbox/seed, or rect seed), then add the scenario.'

export const UNKNOWN_SCENARIO = `The '#/scenario' must be one of: ${SCENARIO_NAMES.join(', ')}`

/** `problems` holds what the wire reading found (C-76); the checks against stored records join it. */
export async function runScenario(tx: Tx, clock: Clock, input: ScenarioInput, problems: Problems = new Problems(SCENARIO_FIELDS)): Promise<ScenarioReport> {
  if (!problems.has('scenario') && input.scenario === undefined) problems.add('scenario', say.enter('scenario'))
  if (input.scenario !== undefined && !Object.hasOwn(SCENARIOS, input.scenario)) problems.add('scenario', UNKNOWN_SCENARIO)
  for (const field of ['lead_provider_id', 'other_lead_provider_id'] as const) {
    const id = input[field]
    if (id !== undefined && !problems.has(field) && !(await tx.selectFrom('lead_providers').select('id').where('id', '=', id).executeTakeFirst())) {
      problems.add(field, say.invalid(field))
    }
  }
  if (!problems.has('scenario') && !(await holdsDomainData(tx))) problems.add('scenario', NOT_SEEDED)
  problems.throwIfAny()
  await lockSandbox(tx)
  const name = input.scenario!
  const scenario = SCENARIOS[name]!
  const scene = await openScene(tx, clock, name, input, scenario.needs)
  const steps = await scenario.build(scene)
  const first = steps.map((s) => s.on).sort()[0] ?? scene.today
  await runScene(scene, [...schoolSteps(scene, first), ...steps])
  await recordEvent(tx, clock, { author: 'operator', action: 'sandbox.scenario', subject_type: 'sandbox', subject_id: null, data: { scenario: name, k: scene.k } })

  const schoolIds = scene.schools.map((s) => s.id)
  const partnerships = schoolIds.length === 0 ? [] : await tx.selectFrom('partnerships').select('id').where('school_id', 'in', schoolIds).orderBy('created_at').orderBy('id').execute()
  return {
    scenario: name,
    today: scene.today,
    cohort: String(scene.K.year),
    lead_provider_id: scene.lp.id,
    other_lead_provider_id: scene.other?.id ?? null,
    schools: scene.schools.map(({ id, urn, name: schoolName }) => ({ id, urn, name: schoolName })),
    partnerships: partnerships.map((p) => p.id),
    participants: scene.people.map((p) => ({ id: p.id, role: p.role, full_name: `${p.first_name} ${p.last_name}` })),
    declarations: [...scene.replay.declarations.values()],
  }
}
