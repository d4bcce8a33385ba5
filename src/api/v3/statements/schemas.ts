// GET /api/v3/statements and /{id} (D-64; upstream Statement, StatementsFilter).
import { Type } from 'typebox'
import { Id, Many, One, PaginationFilter, Resource, readErrors, showErrors } from '../../common/schemas.ts'
import { named } from '../../openapi/components.ts'

const instant = (description: string) => Type.String({ format: 'date-time', description, example: '2021-05-31T02:22:32.000Z' })

export const StatementAttributes = Type.Object({
  month: Type.String({ description: 'The calendar month which corresponds to the financial statement.', example: 'May' }),
  year: Type.String({ description: 'The calendar year which corresponds to the financial statement.', example: '2022' }),
  cohort: Type.String({ description: 'The cohort, for example, 2021 or 2025, which the statement funds.', example: '2021' }),
  cut_off_date: Type.String({ description: 'The milestone cut off or review point for the statement.', example: '2022-04-30' }),
  payment_date: Type.String({
    description: 'The date we expect to pay you for any declarations attached to the statement, which are eligible for payment.',
    example: '2022-05-25',
  }),
  paid: Type.Boolean({ description: 'Indicates whether the DfE has paid providers for any declarations attached to the statement.', example: true }),
  created_at: instant('The date the statement was created.'),
  updated_at: instant('The date the statement was last updated.'),
})

export const Statement = named('Statement', Resource('statement', StatementAttributes, 'A financial statement.'))

export const StatementsFilter = Type.Object(
  {
    cohort: Type.Optional(Type.String({ description: 'Return statements associated to the specified cohort or cohorts. This is a comma delimited string of years.', example: '2021,2022' })),
    updated_since: Type.Optional(
      Type.String({ description: 'Return only records that have been updated since this date and time (ISO 8601 date format)', example: '2021-05-13T11:21:55Z' }),
    ),
  },
  { description: 'Filter statements to return more specific results' },
)

const example = {
  id: '45146ec2-594a-495a-bb02-8b2280a3deaf',
  type: 'statement',
  attributes: {
    month: 'January',
    year: '2027',
    cohort: '2025',
    cut_off_date: '2026-12-31',
    payment_date: '2027-01-25',
    paid: false,
    created_at: '2025-07-01T10:00:12Z',
    updated_at: '2025-07-01T10:00:12Z',
  },
}

const tags = ['Statements']

export const listSchema = {
  operationId: 'getStatements',
  summary: 'Retrieve multiple financial statement details',
  tags,
  querystring: Type.Object({ filter: Type.Optional(StatementsFilter), page: Type.Optional(PaginationFilter) }),
  response: { 200: { ...Many(Statement, 'A list of financial statements.'), examples: [{ data: [example] }] }, ...readErrors },
}

export const showSchema = {
  operationId: 'getStatement',
  summary: 'Retrieve a single financial statement details',
  tags,
  params: Type.Object({ id: Id }),
  response: { 200: { ...One(Statement, 'A financial statement.'), examples: [{ data: example }] }, ...showErrors },
}
