// D-86 (decided): the operator's funding decision for one role of a participant.
import { Type } from 'typebox'
import { kinds, tableSchema, type FieldTable } from '../../../common/fields.ts'
import { Nullable, Timestamp, writeErrors } from '../../../common/schemas.ts'

export const fundingFields = {
  course_identifier: { kind: kinds.oneOf(['ecf-induction', 'ecf-mentor'] as const), required: true },
  eligible: { kind: kinds.boolean(), required: true },
} satisfies FieldTable

const example = {
  participant_id: '5b9e1d3f-7a2c-4f8e-9b4d-3c6a0e2f8d71',
  course_identifier: 'ecf-induction',
  eligible: true,
  eligible_for_funding_at: '2026-11-23T11:02:44Z',
  declarations_made_eligible: 2,
}

export const fundingEligibilitySchema = {
  operationId: 'setFundingEligibility',
  summary: "Record DfE's funding decision for one role of a participant",
  tags: ['Participants'],
  params: Type.Object({ participant_id: Type.String({ format: 'uuid' }) }),
  body: tableSchema(fundingFields, { example: { course_identifier: 'ecf-induction', eligible: true } }),
  response: {
    200: {
      ...Type.Object(
        {
          data: Type.Object({
            participant_id: Type.String({ format: 'uuid' }),
            course_identifier: Type.String({ enum: ['ecf-induction', 'ecf-mentor'] }),
            eligible: Type.Boolean(),
            eligible_for_funding_at: Nullable(Timestamp),
            declarations_made_eligible: Type.Integer(),
          }),
        },
        { description: 'The decision as recorded' },
      ),
      examples: [{ data: example }],
    },
    ...writeErrors,
  },
}
