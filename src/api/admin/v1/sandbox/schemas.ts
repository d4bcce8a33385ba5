// S-50 … S-55: the sandbox endpoints' wire contract (registered in sandbox mode only, S-5).
import { Type } from 'typebox'
import { kinds, tableSchema, type FieldKind, type FieldTable } from '../../../common/fields.ts'
import { Nullable, writeErrors } from '../../../common/schemas.ts'
import { MAX_SEED } from '../../../../sandbox/seed.ts'
import { SCENARIO_NAMES } from '../../../../sandbox/scenarios/catalogue.ts'
import { named } from '../../../openapi/components.ts'

const SEED_TEXT = "The '#/seed' must be a whole number from 0 to 2147483647."

const seedNumber: FieldKind<number> = {
  schema: Type.Integer({ minimum: 0, maximum: MAX_SEED, example: 1 }),
  read: (value) => (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_SEED ? { ok: true, value: value as number } : { ok: false, detail: SEED_TEXT }),
}

const scenarioName: FieldKind<string> = {
  schema: Type.String({ enum: SCENARIO_NAMES }),
  read: (value, name) => (typeof value === 'string' ? { ok: true, value } : { ok: false, detail: `The '#/${name}' must be a string.` }),
}

export const seedFields = {
  scenario: { kind: scenarioName, nullable: true, description: 'a named scenario (S-52); without it the base data set is loaded' },
  lead_provider_id: { kind: kinds.uuid(), description: 'the lead provider of the scenario' },
  other_lead_provider_id: { kind: kinds.uuid(), description: 'the other lead provider of a cross-provider scenario' },
  seed: { kind: seedNumber, description: 'seed number of the base data set (default 1); ignored with a scenario' },
} satisfies FieldTable

export const resetFields = {
  seed: { kind: seedNumber, description: 'seed number (default 1, whatever was seeded before)' },
  empty: { kind: kinds.boolean(), description: 'leave the database empty instead of seeding' },
} satisfies FieldTable

const LeadProviderToken = Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), token: Type.String() })
const Counts = Type.Object(
  Object.fromEntries(['cohorts', 'lead_providers', 'delivery_partners', 'schools', 'partnerships', 'teachers', 'declarations', 'statements'].map((k) => [k, Type.Integer()])),
)

export const ResetBody = Type.Object({
  seed: Type.Integer(),
  seeding_date: Type.String({ format: 'date' }),
  empty: Type.Boolean(),
  scale: Type.String({ enum: ['small'] }),
  counts: Counts,
  lead_providers: Type.Array(LeadProviderToken),
})
named('SandboxResetResult', ResetBody)

export const ScenarioBody = Type.Object({
  scenario: Type.String(),
  today: Type.String({ format: 'date' }),
  cohort: Type.String(),
  lead_provider_id: Type.String({ format: 'uuid' }),
  other_lead_provider_id: Nullable(Type.String({ format: 'uuid' })),
  schools: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), urn: Type.String(), name: Type.String() })),
  partnerships: Type.Array(Type.String({ format: 'uuid' })),
  participants: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), role: Type.String({ enum: ['ect', 'mentor'] }), full_name: Type.String() })),
  declarations: Type.Array(Type.String({ format: 'uuid' })),
})
named('SandboxScenarioResult', ScenarioBody)

const resetExample = {
  seed: 1, seeding_date: '2026-11-23', empty: false, scale: 'small',
  counts: { cohorts: 6, lead_providers: 6, delivery_partners: 21, schools: 57, partnerships: 90, teachers: 222, declarations: 150, statements: 516 },
  lead_providers: [{ id: '4a1f0c2e-8d3b-4f6a-9b2c-7e5d1a0f3c88', name: 'Ambition Institute', token: 'sbx_ambition-institute_5HkqR8Zt2WmXc9PvLb3Nd7Ys' }],
}

export const seedSchema = {
  operationId: 'sandboxSeed',
  summary: 'Load the base data set into an empty database, or add a named scenario (sandbox only)',
  tags: ['Sandbox'],
  body: tableSchema(seedFields, { example: { scenario: 'transfer-new-provider' } }),
  response: {
    201: { ...Type.Object({ data: Type.Union([ScenarioBody, ResetBody]) }, { description: 'What was created' }), examples: [{ data: resetExample }] },
    ...writeErrors,
  },
}

export const resetSchema = {
  operationId: 'sandboxReset',
  summary: 'Replace all data with the base data set, keeping admin tokens (sandbox only)',
  description: 'The body is optional: a plain POST returns to seed 1, whose lead provider tokens are the ones rect prints at start-up.',
  tags: ['Sandbox'],
  body: tableSchema(resetFields, { example: { seed: 1 } }),
  response: {
    200: { ...Type.Object({ data: ResetBody }, { description: 'The data set as seeded today' }), examples: [{ data: resetExample }] },
    ...writeErrors,
  },
}
