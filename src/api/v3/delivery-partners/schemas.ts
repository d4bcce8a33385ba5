// GET /api/v3/delivery-partners and /{id} (P-39 … P-42; upstream DeliveryPartner).
import { Type } from 'typebox'
import { Id, Many, One, PaginationFilter, Resource, SortParameter, Timestamp, readErrors, showErrors } from '../../common/schemas.ts'
import { named } from '../../openapi/components.ts'

export const DeliveryPartnerAttributes = Type.Object({
  name: Type.String({ description: 'The name of the delivery partner you are working with.', example: 'Awesome Delivery Partner Ltd' }),
  created_at: Type.String({ ...Timestamp, description: 'The date and time the delivery partner was created.' }),
  updated_at: Type.String({ ...Timestamp, description: 'The date and time the delivery partner was last updated.' }),
  cohort: Type.Array(Type.String(), {
    description: 'The cohorts for which you may report school partnerships with this delivery partner.',
    example: ['2021', '2022'],
  }),
})

export const DeliveryPartner = named('DeliveryPartner', Resource('delivery-partner', DeliveryPartnerAttributes, 'A delivery partner.'))

export const DeliveryPartnersFilter = Type.Object(
  {
    cohort: Type.Optional(
      Type.String({ description: 'Return delivery partners from the specified cohort or cohorts. This is a comma delimited string of years.', example: '2021,2022' }),
    ),
  },
  { description: 'Filter delivery partners to return more specific results' },
)

export const SORT_KEYS = ['created_at', 'updated_at', 'name'] as const

const example = {
  data: [
    {
      id: '0385205a-73f2-45d8-89c1-294e2a033c9a',
      type: 'delivery-partner',
      attributes: { name: 'Northern Lights Teaching Alliance', created_at: '2025-04-01T09:00:00Z', updated_at: '2025-05-02T10:06:00Z', cohort: ['2024', '2025'] },
    },
  ],
}

export const listSchema = {
  operationId: 'getDeliveryPartners',
  summary: 'Retrieve multiple delivery partners',
  tags: ['Delivery Partners'],
  querystring: Type.Object({
    filter: Type.Optional(DeliveryPartnersFilter),
    page: Type.Optional(PaginationFilter),
    sort: Type.Optional(SortParameter([...SORT_KEYS])),
  }),
  response: { 200: { ...Many(DeliveryPartner, 'A list of delivery partners'), examples: [example] }, ...readErrors },
}

export const showSchema = {
  operationId: 'getDeliveryPartner',
  summary: 'Retrieve a single delivery partner',
  tags: ['Delivery Partners'],
  params: Type.Object({ id: Id }),
  response: { 200: { ...One(DeliveryPartner, 'A single delivery partner'), examples: [{ data: example.data[0] }] }, ...showErrors },
}
