// /api/v3/partnerships and /{id} (P-49 … P-57; upstream Partnership*). Attributes in P-50's order.
import { Type } from 'typebox'
import { Id, Many, Nullable, One, PaginationFilter, Resource, SortParameter, Timestamp, readErrors, showErrors, writeErrors } from '../../common/schemas.ts'
import { named } from '../../openapi/components.ts'

export const PartnershipAttributes = Type.Object({
  cohort: Type.String({ description: 'The cohort for which you are reporting the partnership', example: '2025' }),
  urn: Type.String({ description: 'The Unique Reference Number (URN) of the school you are partnered with', example: '142857' }),
  school_id: Type.String({ format: 'uuid', description: 'The unique ID of the school you are partnered with', example: '597f30f4-1959-4ae7-8ec9-cb6935280541' }),
  delivery_partner_id: Type.String({
    format: 'uuid',
    description: 'The unique ID of the delivery partner you are working with for this partnership',
    example: '0385205a-73f2-45d8-89c1-294e2a033c9a',
  }),
  delivery_partner_name: Type.String({ description: 'The name of the delivery partner you are working with for this partnership', example: 'Northern Lights Teaching Alliance' }),
  induction_tutor_name: Nullable(Type.String({ description: 'The name of the induction tutor at the school you are in partnership with', example: 'Priya Shah' })),
  induction_tutor_email: Nullable(
    Type.String({ description: 'The email address of the induction tutor at the school you are in partnership with', example: 'priya.shah@oakfield.sch.uk' }),
  ),
  participants_currently_training: Type.Integer({ description: 'The number of participants currently in training', example: 0 }),
  created_at: Type.String({ ...Timestamp, description: 'The date the partnership was reported by you' }),
  updated_at: Type.String({ ...Timestamp, description: 'The date the partnership was last updated' }),
})

export const Partnership = named('Partnership', Resource('partnership', PartnershipAttributes, 'A partnership.'))

export const SORT_KEYS = ['created_at', 'updated_at'] as const

const PartnershipsFilter = Type.Object(
  {
    cohort: Type.Optional(Type.String({ description: 'Return partnerships within the specified cohorts. This is a comma delimited string of years.', example: '2024,2025' })),
    updated_since: Type.Optional(Type.String({ description: 'Return only records that have been updated since this date and time (ISO 8601 date format)', example: '2025-06-20T09:00:00Z' })),
    delivery_partner_id: Type.Optional(
      Type.String({
        description: 'Return partnerships associated to the specified delivery partner or delivery partners. This is a comma delimited string of delivery partner IDs.',
        example: '0385205a-73f2-45d8-89c1-294e2a033c9a',
      }),
    ),
  },
  { description: 'Filter partnerships to return more specific results' },
)

const exampleObject = {
  id: '29afb9a4-3b7c-4a36-aa47-39a73ee068f9',
  type: 'partnership',
  attributes: {
    cohort: '2025',
    urn: '142857',
    school_id: '597f30f4-1959-4ae7-8ec9-cb6935280541',
    delivery_partner_id: '0385205a-73f2-45d8-89c1-294e2a033c9a',
    delivery_partner_name: 'Northern Lights Teaching Alliance',
    induction_tutor_name: 'Priya Shah',
    induction_tutor_email: 'priya.shah@oakfield.sch.uk',
    participants_currently_training: 0,
    created_at: '2025-06-20T09:14:03Z',
    updated_at: '2025-06-20T09:14:03Z',
  },
}

const requestBody = (attributes: Record<string, ReturnType<typeof Type.String>>, required: string[], example: unknown, description: string) =>
  Type.Object(
    {
      data: Type.Object(
        { type: Type.String({ enum: ['partnership'], example: 'partnership' }), attributes: Type.Object(attributes, { required }) },
        { required: ['type', 'attributes'] },
      ),
    },
    { description, examples: [example] },
  )

const cohortAttribute = Type.String({ description: 'The cohort for which you are reporting the partnership', example: '2025' })
const schoolAttribute = Type.String({ description: 'The Unique ID of the school you are partnering with', example: '597f30f4-1959-4ae7-8ec9-cb6935280541' })
const deliveryPartnerAttribute = Type.String({
  description: 'The unique ID of the delivery partner you will work with for this school partnership',
  example: '0385205a-73f2-45d8-89c1-294e2a033c9a',
})

const one = (description: string) => ({ ...One(Partnership, description), examples: [{ data: exampleObject }] })
const tags = ['Partnerships']

export const listSchema = {
  operationId: 'getPartnerships',
  summary: 'Retrieve multiple partnerships',
  tags,
  querystring: Type.Object({
    filter: Type.Optional(PartnershipsFilter),
    page: Type.Optional(PaginationFilter),
    sort: Type.Optional(SortParameter([...SORT_KEYS])),
  }),
  response: { 200: { ...Many(Partnership, 'A list of partnerships'), examples: [{ data: [exampleObject] }] }, ...readErrors },
}

export const showSchema = {
  operationId: 'getPartnership',
  summary: 'Retrieve a single partnership',
  tags,
  params: Type.Object({ id: Id }),
  response: { 200: one('A single partnership'), ...showErrors },
}

export const createSchema = {
  operationId: 'createPartnership',
  summary: 'Create a partnership with a school and delivery partner',
  tags,
  body: named('PartnershipCreateRequest', requestBody(
    { cohort: cohortAttribute, school_id: schoolAttribute, delivery_partner_id: deliveryPartnerAttribute },
    ['cohort', 'delivery_partner_id', 'school_id'],
    { data: { type: 'partnership', attributes: { cohort: '2025', school_id: '597f30f4-1959-4ae7-8ec9-cb6935280541', delivery_partner_id: '0385205a-73f2-45d8-89c1-294e2a033c9a' } } },
    'A partnership request',
  )),
  response: { 200: one('The created partnership'), ...writeErrors },
}

export const updateSchema = {
  operationId: 'updatePartnership',
  summary: 'Update the delivery partner for an existing partnership in a cohort',
  tags,
  params: Type.Object({ id: Id }),
  body: named('PartnershipUpdateRequest', requestBody(
    { delivery_partner_id: deliveryPartnerAttribute },
    ['delivery_partner_id'],
    { data: { type: 'partnership', attributes: { delivery_partner_id: '1344d1ff-17db-4e5b-816a-f3bfb343a1e6' } } },
    'A partnership update request',
  )),
  response: { 200: one('The updated partnership'), ...writeErrors },
}
