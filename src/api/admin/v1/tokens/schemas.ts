// Lead provider tokens (P-15, P-16): issued with the plaintext once, revoked by id.
import { Type } from 'typebox'
import { kinds, tableSchema, type FieldTable } from '../../../common/fields.ts'
import { Id, Nullable, Timestamp, showErrors, writeErrors } from '../../../common/schemas.ts'
import { named } from '../../../openapi/components.ts'

export const IssuedToken = Type.Object(
  {
    id: Id,
    lead_provider_id: Id,
    description: Nullable(Type.String({ example: 'Ambition production integration' })),
    token: Type.String({ description: 'The token itself: shown in this response only.', example: 'q8ZbV2mK4xTn7RcPw1LhY9sGd3FeJu6AoN5iBk0C' }),
    created_at: Timestamp,
  },
  { description: 'A token just issued.' },
)
named('IssuedToken', IssuedToken)

export const tokenFields = {
  description: { kind: kinds.string(), nullable: true, description: 'What the token is for.', example: 'Ambition production integration' },
} satisfies FieldTable

const tags = ['Lead providers']

export const createSchema = {
  operationId: 'createLeadProviderToken',
  summary: 'Issue a token for a lead provider (the value is shown once)',
  tags,
  params: Type.Object({ id: Id }),
  body: tableSchema(tokenFields, { example: { description: 'Ambition production integration' } }),
  response: {
    201: {
      ...Type.Object({ data: IssuedToken }, { description: 'The token issued' }),
      examples: [
        {
          data: {
            id: '32bcd254-7f6d-48dd-97e5-d2efdaf9727b',
            lead_provider_id: '135058b9-07db-43ba-9e82-c4a9348427ff',
            description: 'Ambition production integration',
            token: 'q8ZbV2mK4xTn7RcPw1LhY9sGd3FeJu6AoN5iBk0C',
            created_at: '2025-05-02T10:05:00Z',
          },
        },
      ],
    },
    ...writeErrors,
  },
}

export const revokeSchema = {
  operationId: 'revokeLeadProviderToken',
  summary: 'Revoke a lead provider token (401 from the next request)',
  tags,
  params: Type.Object({ token_id: Id }),
  response: { 204: { type: 'null', description: 'Revoked' }, ...showErrors },
}
