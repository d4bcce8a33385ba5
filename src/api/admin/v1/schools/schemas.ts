// The operator's schools (P-20 … P-22).
import { Type } from 'typebox'
import { ESTABLISHMENT_STATUSES } from '../../../../domain/schools/rules.ts'
import { kinds, tableSchema, type FieldTable } from '../../../common/fields.ts'
import { Id, Nullable, PaginationFilter, Timestamp, readErrors, writeErrors } from '../../../common/schemas.ts'
import { named } from '../../../openapi/components.ts'

const Text = (example: string) => Type.String({ example })

export const School = Type.Object(
  {
    id: Type.String({ ...Id, description: 'The v3 school id.' }),
    urn: Type.String({ example: '142857' }),
    name: Text('Oakfield Primary School'),
    local_authority: Nullable(Text('Leeds')),
    establishment_type: Nullable(Text('Community school')),
    establishment_status: Type.String({ enum: [...ESTABLISHMENT_STATUSES], example: 'open' }),
    eligible: Type.Boolean(),
    contact_email: Nullable(Text('office@oakfield.sch.uk')),
    pupil_premium_uplift: Type.Boolean(),
    sparsity_uplift: Type.Boolean(),
    induction_tutor_name: Nullable(Type.String({ example: 'Priya Shah', description: 'Read-only here; set by the school (spec/03).' })),
    induction_tutor_email: Nullable(Type.String({ example: 'priya.shah@oakfield.sch.uk', description: 'Read-only here; set by the school (spec/03).' })),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { description: 'A school.' },
)
named('School', School)

export const schoolExample = {
  id: '597f30f4-1959-4ae7-8ec9-cb6935280541',
  urn: '142857',
  name: 'Oakfield Primary School',
  local_authority: 'Leeds',
  establishment_type: 'Community school',
  establishment_status: 'open',
  eligible: true,
  contact_email: 'office@oakfield.sch.uk',
  pupil_premium_uplift: false,
  sparsity_uplift: false,
  induction_tutor_name: 'Priya Shah',
  induction_tutor_email: 'priya.shah@oakfield.sch.uk',
  created_at: '2025-05-12T08:30:00Z',
  updated_at: '2025-06-02T11:20:00Z',
}

/** P-21's request table, in its order (C-76). */
export const schoolFields = {
  urn: { kind: kinds.urn(), required: true, description: 'Unique; never changes.', example: '142857' },
  name: { kind: kinds.string({ tidy: true }), required: true, description: 'Trimmed, inner spaces collapsed.', example: 'Oakfield Primary School' },
  local_authority: { kind: kinds.string(), nullable: true, example: 'Leeds' },
  establishment_type: { kind: kinds.string(), nullable: true, example: 'Community school' },
  establishment_status: { kind: kinds.oneOf(ESTABLISHMENT_STATUSES), description: 'Defaults to open.' },
  eligible: { kind: kinds.boolean(), description: 'Eligible for DfE-funded training (P-23). Defaults to true.' },
  contact_email: { kind: kinds.email(), nullable: true, description: "The school's main email." },
  pupil_premium_uplift: { kind: kinds.boolean(), description: 'Defaults to false.' },
  sparsity_uplift: { kind: kinds.boolean(), description: 'Defaults to false.' },
} satisfies FieldTable

const one = (description: string) => ({ ...Type.Object({ data: School }, { description }), examples: [{ data: schoolExample }] })
const tags = ['Schools']

export const listSchema = {
  operationId: 'listSchools',
  summary: 'List schools, ordered by URN',
  tags,
  querystring: Type.Object({
    filter: Type.Optional(Type.Object({ urn: Type.Optional(Type.String({ description: 'Keep the one school with this URN.', example: '142857' })) })),
    page: Type.Optional(PaginationFilter),
  }),
  response: { 200: { ...Type.Object({ data: Type.Array(School) }, { description: 'The schools' }), examples: [{ data: [schoolExample] }] }, ...readErrors },
}

export const createSchema = {
  operationId: 'createSchool',
  summary: 'Create a school',
  tags,
  body: tableSchema(schoolFields, {
    example: { urn: '142857', name: 'Oakfield Primary School', local_authority: 'Leeds', establishment_type: 'Community school', contact_email: 'office@oakfield.sch.uk' },
  }),
  response: { 201: one('The school created'), ...writeErrors },
}

export const updateSchema = {
  operationId: 'updateSchool',
  summary: 'Change a school (any field but its URN)',
  tags,
  params: Type.Object({ urn: Type.String({ example: '142857' }) }),
  body: tableSchema(schoolFields, { partial: true, example: { eligible: false } }),
  response: { 200: one('The school as changed'), ...writeErrors },
}
