// Pairings (P-19): DfE's agreement that a lead provider may work with a delivery partner in a cohort.
import { Type } from 'typebox'
import { kinds, tableSchema, type FieldTable } from '../../../common/fields.ts'
import { Id, Timestamp, Year, writeErrors } from '../../../common/schemas.ts'
import { named } from '../../../openapi/components.ts'

export const Pairing = Type.Object(
  { id: Id, lead_provider_id: Id, delivery_partner_id: Id, cohort: Year, created_at: Timestamp },
  { description: 'A lead provider–delivery partner pairing for a cohort.' },
)
named('Pairing', Pairing)

export const pairingFields = {
  lead_provider_id: { kind: kinds.uuid(), required: true, description: 'A lead provider.', example: '135058b9-07db-43ba-9e82-c4a9348427ff' },
  delivery_partner_id: { kind: kinds.uuid(), required: true, description: 'A delivery partner.', example: '0385205a-73f2-45d8-89c1-294e2a033c9a' },
  cohort: { kind: kinds.year(), required: true, description: 'The year of an existing cohort.', example: '2025' },
} satisfies FieldTable

export const createSchema = {
  operationId: 'createLeadProviderDeliveryPartner',
  summary: 'Pair a lead provider with a delivery partner for a cohort',
  tags: ['Delivery partners'],
  body: tableSchema(pairingFields, {
    example: { lead_provider_id: '135058b9-07db-43ba-9e82-c4a9348427ff', delivery_partner_id: '0385205a-73f2-45d8-89c1-294e2a033c9a', cohort: '2025' },
  }),
  response: {
    201: {
      ...Type.Object({ data: Pairing }, { description: 'The pairing created' }),
      examples: [
        {
          data: {
            id: 'f052aff2-d85e-4018-9769-318acd981e35',
            lead_provider_id: '135058b9-07db-43ba-9e82-c4a9348427ff',
            delivery_partner_id: '0385205a-73f2-45d8-89c1-294e2a033c9a',
            cohort: '2025',
            created_at: '2025-05-02T10:06:00Z',
          },
        },
      ],
    },
    ...writeErrors,
  },
}
