// The operator's delivery partners (P-17, P-18).
import { Type } from 'typebox'
import { kinds, tableSchema, type FieldTable } from '../../../common/fields.ts'
import { Id, PaginationFilter, Timestamp, Year, readErrors, writeErrors } from '../../../common/schemas.ts'
import { named } from '../../../openapi/components.ts'

export const PairingSummary = Type.Object(
  { id: Id, lead_provider_id: Id, lead_provider_name: Type.String({ example: 'Ambition Institute' }), cohort: Year },
  { description: 'A pairing of this delivery partner with a lead provider for a cohort.' },
)

export const DeliveryPartner = Type.Object(
  {
    id: Type.String({ ...Id, description: 'The v3 delivery partner id.' }),
    name: Type.String({ example: 'Northern Lights Teaching Alliance' }),
    pairings: Type.Array(PairingSummary, { description: 'Ordered by cohort, then lead provider name.' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { description: 'A delivery partner.' },
)
named('DeliveryPartner', DeliveryPartner)

const example = {
  id: '0385205a-73f2-45d8-89c1-294e2a033c9a',
  name: 'Northern Lights Teaching Alliance',
  pairings: [
    { id: '257380d2-c22e-4962-918c-ba3822dfa3b4', lead_provider_id: '135058b9-07db-43ba-9e82-c4a9348427ff', lead_provider_name: 'Ambition Institute', cohort: '2024' },
    { id: 'f052aff2-d85e-4018-9769-318acd981e35', lead_provider_id: '135058b9-07db-43ba-9e82-c4a9348427ff', lead_provider_name: 'Ambition Institute', cohort: '2025' },
  ],
  created_at: '2025-04-01T09:00:00Z',
  updated_at: '2025-05-02T10:06:00Z',
}

export const deliveryPartnerFields = {
  name: { kind: kinds.string({ tidy: true }), required: true, description: 'Trimmed, inner whitespace collapsed; unique ignoring case.', example: 'Northern Lights Teaching Alliance' },
} satisfies FieldTable

const tags = ['Delivery partners']

export const listSchema = {
  operationId: 'listDeliveryPartners',
  summary: 'List delivery partners with their pairings, ordered by name',
  tags,
  querystring: Type.Object({ page: Type.Optional(PaginationFilter) }),
  response: { 200: { ...Type.Object({ data: Type.Array(DeliveryPartner) }, { description: 'The delivery partners' }), examples: [{ data: [example] }] }, ...readErrors },
}

export const createSchema = {
  operationId: 'createDeliveryPartner',
  summary: 'Create a delivery partner',
  tags,
  body: tableSchema(deliveryPartnerFields, { example: { name: 'Northern Lights Teaching Alliance' } }),
  response: {
    201: {
      ...Type.Object({ data: DeliveryPartner }, { description: 'The delivery partner created' }),
      examples: [{ data: { ...example, pairings: [], updated_at: example.created_at } }],
    },
    ...writeErrors,
  },
}
