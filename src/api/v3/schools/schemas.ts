// GET /api/v3/schools and /{id} (P-43 … P-48; upstream School*). Attributes in P-45's order.
import { Type } from 'typebox'
import { Id, Many, Nullable, One, PaginationFilter, Resource, SortParameter, Timestamp, readErrors, showErrors } from '../../common/schemas.ts'
import { named } from '../../openapi/components.ts'
import { requiredKeys } from '../../openapi/finish.ts'

export const SchoolAttributes = Type.Object({
  name: Type.String({ description: 'The name of the school', example: 'Oakfield Primary School' }),
  urn: Type.String({ description: 'The Unique Reference Number (URN) of the school', example: '142857' }),
  cohort: Type.String({ description: 'The cohort the school is shown for (the requested one)', example: '2025' }),
  in_partnership: Type.Boolean({ description: 'Whether the school has any partnership in the cohort, with any lead provider', example: false }),
  induction_programme_choice: Type.String({
    enum: ['school_led', 'provider_led', 'not_yet_known'],
    description: "The programme of the school's training in the cohort",
    example: 'provider_led',
  }),
  expression_of_interest: Type.Boolean({ description: 'Whether the school has registered participants with you for the cohort', example: true }),
  induction_tutor_name: Nullable(Type.String({ description: 'The name of the induction tutor, shown when expression_of_interest is true', example: 'Priya Shah' })),
  induction_tutor_email: Nullable(Type.String({ description: "The induction tutor's email address, shown when expression_of_interest is true", example: 'priya.shah@oakfield.sch.uk' })),
  created_at: Type.String({ ...Timestamp, description: 'The date and time the school was created' }),
  updated_at: Type.String({ ...Timestamp, description: 'The last time a change was made to this school record for the cohort' }),
})

export const School = named('School', Resource('school', SchoolAttributes, 'The data attributes associated with a school'))

export const SORT_KEYS = ['created_at', 'updated_at', 'urn'] as const

const cohortFilter = Type.String({ description: 'Return schools within the specified cohort.', example: '2025' })

const example = {
  id: '597f30f4-1959-4ae7-8ec9-cb6935280541',
  type: 'school',
  attributes: {
    name: 'Oakfield Primary School',
    urn: '142857',
    cohort: '2025',
    in_partnership: false,
    induction_programme_choice: 'provider_led',
    expression_of_interest: true,
    induction_tutor_name: 'Priya Shah',
    induction_tutor_email: 'priya.shah@oakfield.sch.uk',
    created_at: '2025-05-12T08:30:00Z',
    updated_at: '2025-06-16T13:05:41Z',
  },
}

const tags = ['Schools']

export const listSchema = {
  operationId: 'getSchools',
  summary: 'Retrieve multiple schools scoped to cohort',
  tags,
  querystring: Type.Object({
    // P-44: filter[cohort] is required (a 400 without it), so `filter` is too.
    filter: Type.Object(
      {
        cohort: cohortFilter,
        urn: Type.Optional(Type.String({ description: 'Return a school with the specified Unique Reference Number (URN).', example: '142857' })),
        updated_since: Type.Optional(
          Type.String({ description: 'Return only records that have been updated since this date and time (an ISO 8601 date-time)', example: '2025-06-16T13:00:00Z' }),
        ),
      },
      { description: 'Filter schools to return more specific results. `cohort` is required.', ...requiredKeys('cohort') },
    ),
    page: Type.Optional(PaginationFilter),
    sort: Type.Optional(SortParameter([...SORT_KEYS])),
  }),
  response: { 200: { ...Many(School, 'A list of schools scoped to cohort'), examples: [{ data: [example] }] }, ...readErrors },
}

export const showSchema = {
  operationId: 'getSchool',
  summary: 'Retrieve a single school scoped to cohort',
  tags,
  params: Type.Object({ id: Id }),
  querystring: Type.Object({
    filter: Type.Object({ cohort: cohortFilter }, { description: 'The cohort whose view of the school to show. `cohort` is required.', ...requiredKeys('cohort') }),
  }),
  response: { 200: { ...One(School, 'A single school scoped to cohort'), examples: [{ data: example }] }, ...showErrors },
}
