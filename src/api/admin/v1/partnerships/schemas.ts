// DfE's manual partnerships (P-24).
import { Type } from 'typebox'
import { kinds, tableSchema, type FieldTable } from '../../../common/fields.ts'
import { Id, Timestamp, Year, writeErrors } from '../../../common/schemas.ts'
import { named } from '../../../openapi/components.ts'

export const ManualPartnership = Type.Object(
  {
    id: Id,
    cohort: Year,
    urn: Type.String({ example: '142857' }),
    school_id: Type.String({ format: 'uuid' }),
    lead_provider_id: Type.String({ format: 'uuid' }),
    delivery_partner_id: Type.String({ format: 'uuid' }),
    additional: Type.Boolean({ description: 'False for the primary partnership of (school, lead provider, cohort), true for an extra one.' }),
    created_by: Type.String({ enum: ['lead_provider', 'operator', 'carry_forward'] }),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { description: 'A partnership, as the operator sees it.' },
)
named('ManualPartnership', ManualPartnership)

/** P-24's request table, in its order (C-76). */
export const manualPartnershipFields = {
  urn: { kind: kinds.urn(), required: true, description: 'URN of an existing school.', example: '142857' },
  lead_provider_id: { kind: kinds.uuid(), required: true, example: '135058b9-07db-43ba-9e82-c4a9348427ff' },
  delivery_partner_id: { kind: kinds.uuid(), required: true, example: '1344d1ff-17db-4e5b-816a-f3bfb343a1e6' },
  cohort: { kind: kinds.year(), required: true, description: 'Year of an existing cohort.', example: '2026' },
} satisfies FieldTable

const example = {
  id: '22c8e4a2-6c66-487e-b137-d0b6911ab3e2',
  cohort: '2026',
  urn: '142857',
  school_id: '597f30f4-1959-4ae7-8ec9-cb6935280541',
  lead_provider_id: '135058b9-07db-43ba-9e82-c4a9348427ff',
  delivery_partner_id: '1344d1ff-17db-4e5b-816a-f3bfb343a1e6',
  additional: true,
  created_by: 'operator',
  created_at: '2026-07-01T14:00:00Z',
  updated_at: '2026-07-01T14:00:00Z',
}

export const createSchema = {
  operationId: 'createManualPartnership',
  summary: 'Add a partnership for DfE (primary if none exists for the school, lead provider and cohort, else additional)',
  tags: ['Partnerships'],
  body: tableSchema(manualPartnershipFields, {
    example: { urn: '142857', lead_provider_id: example.lead_provider_id, delivery_partner_id: example.delivery_partner_id, cohort: '2026' },
  }),
  response: { 201: { ...Type.Object({ data: ManualPartnership }, { description: 'The partnership created' }), examples: [{ data: example }] }, ...writeErrors },
}
