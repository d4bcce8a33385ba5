// GET /api/v3/unfunded-mentors and /{id} (D-70 … D-73; upstream UnfundedMentor, UnfundedMentorsFilter).
import { Type } from 'typebox'
import { Id, Many, Nullable, One, PaginationFilter, Resource, SortParameter, Timestamp, readErrors, showErrors } from '../../common/schemas.ts'
import { named } from '../../openapi/components.ts'

export const UnfundedMentorAttributes = Type.Object({
  full_name: Type.String({ description: 'The full name of this unfunded mentor', example: 'Priya Shah' }),
  email: Type.String({ description: 'The email address registered for this unfunded mentor', example: 'priya.shah@example.com' }),
  teacher_reference_number: Nullable(Type.String({ description: 'The Teacher Reference Number (TRN) for this unfunded mentor', example: '2900214' })),
  created_at: Type.String({ ...Timestamp, description: 'The date and time the unfunded mentor was created' }),
  updated_at: Type.String({ ...Timestamp, description: 'The date and time the unfunded mentor was last updated' }),
})

export const UnfundedMentor = named('UnfundedMentor', Resource('unfunded-mentor', UnfundedMentorAttributes, 'An unfunded mentor'))

export const UnfundedMentorsFilter = Type.Object(
  {
    updated_since: Type.Optional(
      Type.String({ description: 'Return only records that have been updated since this date and time (ISO 8601 date format)', example: '2026-09-01T00:00:00Z' }),
    ),
  },
  { description: 'Filter unfunded mentors to return more specific results' },
)

export const SORT_KEYS = ['created_at', 'updated_at'] as const

const example = {
  id: '2d7f9b3e-1a6c-4e0d-b8f5-3c9a7e1d4b26',
  type: 'unfunded-mentor',
  attributes: {
    full_name: 'Priya Shah', email: 'priya.shah@example.com', teacher_reference_number: '2900214',
    created_at: '2026-09-01T10:00:05Z', updated_at: '2026-09-03T10:00:02Z',
  },
}

export const listSchema = {
  operationId: 'getUnfundedMentors',
  summary: 'Retrieve multiple unfunded mentors',
  tags: ['Unfunded Mentors'],
  querystring: Type.Object({
    filter: Type.Optional(UnfundedMentorsFilter),
    page: Type.Optional(PaginationFilter),
    sort: Type.Optional(SortParameter([...SORT_KEYS])),
  }),
  response: { 200: { ...Many(UnfundedMentor, 'A list of unfunded mentors'), examples: [{ data: [example] }] }, ...readErrors },
}

export const showSchema = {
  operationId: 'getUnfundedMentor',
  summary: 'Retrieve a single unfunded mentor',
  tags: ['Unfunded Mentors'],
  params: Type.Object({ id: Id }),
  response: { 200: { ...One(UnfundedMentor, 'A single unfunded mentor'), examples: [{ data: example }] }, ...showErrors },
}
