// The operator's cohorts (P-9 … P-11).
import { Type } from 'typebox'
import { kinds, tableSchema, type FieldTable } from '../../../common/fields.ts'
import { CalendarDate, Id, Nullable, PaginationFilter, Timestamp, Year, readErrors, writeErrors } from '../../../common/schemas.ts'
import { named } from '../../../openapi/components.ts'

export const Cohort = Type.Object(
  {
    id: Id,
    year: Year,
    starts_on: CalendarDate,
    ends_on: Type.String({ ...CalendarDate, description: 'Exclusive: the day after the cohort ends.' }),
    partnerships_open: Type.Boolean(),
    payments_frozen_on: Nullable(CalendarDate),
    mentor_funding_enabled: Type.Boolean(),
    detailed_evidence_types_enabled: Type.Boolean(),
    uplift_fees_enabled: Type.Boolean(),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { description: 'A cohort (contract period).' },
)
named('Cohort', Cohort)

export const cohortExample = {
  id: '78d2da42-91f2-4dd6-ac31-374f3b8e0fc2',
  year: '2025',
  starts_on: '2025-06-01',
  ends_on: '2026-06-01',
  partnerships_open: true,
  payments_frozen_on: null,
  mentor_funding_enabled: true,
  detailed_evidence_types_enabled: true,
  uplift_fees_enabled: false,
  created_at: '2025-05-02T10:00:00Z',
  updated_at: '2025-05-02T10:00:00Z',
}

/** P-10's request table, in its order (C-76). */
export const cohortFields = {
  year: { kind: kinds.year(), required: true, description: '2020 … 2099; unique; never changes.', example: '2026' },
  starts_on: { kind: kinds.date(), description: 'Defaults to <year>-06-01.' },
  ends_on: { kind: kinds.date(), description: 'Exclusive; after starts_on. Defaults to <year+1>-06-01.' },
  partnerships_open: { kind: kinds.boolean(), description: 'Defaults to true.' },
  payments_frozen_on: { kind: kinds.date(), nullable: true, description: 'Defaults to null.' },
  mentor_funding_enabled: { kind: kinds.boolean(), description: 'Defaults to year ≥ 2025.' },
  detailed_evidence_types_enabled: { kind: kinds.boolean(), description: 'Defaults to year ≥ 2025.' },
  uplift_fees_enabled: { kind: kinds.boolean(), description: 'Defaults to year ≤ 2024.' },
} satisfies FieldTable

const one = (description: string) => ({ ...Type.Object({ data: Cohort }, { description }), examples: [{ data: cohortExample }] })
const tags = ['Cohorts']

export const listSchema = {
  operationId: 'listCohorts',
  summary: 'List every cohort, ordered by year',
  tags,
  querystring: Type.Object({ page: Type.Optional(PaginationFilter) }),
  response: { 200: { ...Type.Object({ data: Type.Array(Cohort) }, { description: 'The cohorts' }), examples: [{ data: [cohortExample] }] }, ...readErrors },
}

export const createSchema = {
  operationId: 'createCohort',
  summary: 'Create a cohort',
  tags,
  body: tableSchema(cohortFields, { example: { year: '2026' } }),
  response: { 201: one('The cohort created'), ...writeErrors },
}

export const updateSchema = {
  operationId: 'updateCohort',
  summary: 'Change a cohort (any field but its year)',
  tags,
  params: Type.Object({ year: Year }),
  body: tableSchema(cohortFields, { partial: true, example: { partnerships_open: false } }),
  response: { 200: one('The cohort as changed'), ...writeErrors },
}
