// The operator's lead providers (P-13, P-14).
import { Type } from 'typebox'
import { kinds, tableSchema, type FieldTable } from '../../../common/fields.ts'
import { Id, Nullable, PaginationFilter, Timestamp, readErrors, writeErrors } from '../../../common/schemas.ts'
import { named } from '../../../openapi/components.ts'

export const LiveToken = Type.Object(
  {
    id: Id,
    description: Nullable(Type.String({ example: 'Ambition production integration' })),
    created_at: Timestamp,
    last_used_at: Nullable(Timestamp),
  },
  { description: 'A live token; its value is never shown again.' },
)
named('LeadProviderToken', LiveToken)

export const LeadProvider = Type.Object(
  {
    id: Id,
    name: Type.String({ example: 'Ambition Institute' }),
    tokens: Type.Array(LiveToken, { description: 'Live tokens, oldest first.' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { description: 'A lead provider.' },
)
named('LeadProvider', LeadProvider)

const example = {
  id: '135058b9-07db-43ba-9e82-c4a9348427ff',
  name: 'Ambition Institute',
  tokens: [{ id: '32bcd254-7f6d-48dd-97e5-d2efdaf9727b', description: 'Ambition production integration', created_at: '2025-05-02T10:05:00Z', last_used_at: '2025-06-20T09:14:03Z' }],
  created_at: '2025-05-02T10:01:00Z',
  updated_at: '2025-05-02T10:01:00Z',
}

export const leadProviderFields = {
  name: { kind: kinds.string({ tidy: true }), required: true, description: 'Trimmed, inner whitespace collapsed; unique ignoring case.', example: 'Ambition Institute' },
} satisfies FieldTable

const tags = ['Lead providers']

export const listSchema = {
  operationId: 'listLeadProviders',
  summary: 'List lead providers with their live tokens, ordered by name',
  tags,
  querystring: Type.Object({ page: Type.Optional(PaginationFilter) }),
  response: { 200: { ...Type.Object({ data: Type.Array(LeadProvider) }, { description: 'The lead providers' }), examples: [{ data: [example] }] }, ...readErrors },
}

export const createSchema = {
  operationId: 'createLeadProvider',
  summary: 'Create a lead provider',
  tags,
  body: tableSchema(leadProviderFields, { example: { name: 'Ambition Institute' } }),
  response: {
    201: { ...Type.Object({ data: LeadProvider }, { description: 'The lead provider created' }), examples: [{ data: { ...example, tokens: [] } }] },
    ...writeErrors,
  },
}
