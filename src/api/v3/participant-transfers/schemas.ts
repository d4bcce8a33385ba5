// GET /api/v3/participants/transfers and /participants/{id}/transfers (T-23 … T-27; upstream
// ParticipantTransfer, ParticipantTransfersTransfer).
import { Type } from 'typebox'
import { Id, Many, Nullable, One, PaginationFilter, Resource, SortParameter, Timestamp, readErrors, showErrors } from '../../common/schemas.ts'
import { named } from '../../openapi/components.ts'

const side = (which: 'leaving' | 'joining', urnExample: string) =>
  Type.Object(
    {
      school_urn: Type.String({ description: `The URN of the school the participant is ${which}`, example: urnExample }),
      // T-10 (decided): nullable although upstream's swagger does not say so; upstream emits null too.
      provider: Nullable(Type.String({ description: `The name of the provider the participant is ${which}`, example: 'Example Institute' })),
      date: Type.String({ format: 'date', description: `The date the participant will be ${which} the school`, example: '2021-05-31' }),
    },
    { required: ['school_urn'] },
  )

export const Transfer = named('ParticipantTransfersTransfer', Type.Object(
  {
    training_record_id: Type.String({ format: 'uuid', description: "The unique identifier of this participant's training record.", example: '42a9ef2f-9059-400a-92ff-4830a629d0c5' }),
    transfer_type: Type.String({ enum: ['new_school', 'new_provider', 'unknown'], description: 'The type of transfer between schools', example: 'new_provider' }),
    status: Type.String({ enum: ['incomplete', 'complete'], description: 'Whether both schools have completed their part', example: 'complete' }),
    // T-11 (decided): an instant, as upstream's service emits, although its swagger says date.
    created_at: Type.String({ ...Timestamp, description: 'The date and time the leaving was first recorded' }),
    leaving: side('leaving', '123456'),
    joining: Type.Unsafe({ ...side('joining', '654321'), type: ['object', 'null'] }),
  },
  { required: ['training_record_id', 'transfer_type', 'status', 'leaving'], description: 'A participant transfer, transfer' },
))

export const ParticipantTransfer = named('ParticipantTransfer', Resource(
  'participant-transfer',
  Type.Object({
    transfers: Type.Array(Transfer),
    updated_at: Type.String({ ...Timestamp, description: 'The date and time the participant transfer was last updated' }),
  }),
  'A participant transfer',
))

export const SORT_KEYS = ['created_at', 'updated_at'] as const

const example = {
  id: '9eab1f02-0299-4b4e-9e75-73ac7196798e',
  type: 'participant-transfer',
  attributes: {
    transfers: [
      {
        training_record_id: '1690496b-9cad-45aa-9b51-db56c97177a2',
        transfer_type: 'new_provider',
        status: 'complete',
        created_at: '2026-02-23T10:00:00Z',
        leaving: { school_urn: '100001', provider: 'Ambition Institute', date: '2026-03-20' },
        joining: { school_urn: '100003', provider: 'Teach First', date: '2026-03-20' },
      },
    ],
    updated_at: '2026-03-20T00:00:00Z',
  },
}

export const listSchema = {
  operationId: 'getTransfers',
  summary: 'Retrieve all participants with transfers',
  tags: ['Transfers'],
  querystring: Type.Object({
    filter: Type.Optional(
      Type.Object(
        { updated_since: Type.Optional(Type.String({ description: 'Return only records that have been updated since this date and time (ISO 8601 date format)', example: '2021-05-13T11:21:55Z' })) },
        { description: 'Filter participant transfers to return more specific results' },
      ),
    ),
    page: Type.Optional(PaginationFilter),
    sort: Type.Optional(SortParameter([...SORT_KEYS])),
  }),
  response: { 200: { ...Many(ParticipantTransfer, 'A list of transfers'), examples: [{ data: [example] }] }, ...readErrors },
}

export const showSchema = {
  operationId: 'getTransfer',
  summary: 'Retrieve transfers for a given participant',
  tags: ['Transfers'],
  params: Type.Object({ id: Id }),
  response: { 200: { ...One(ParticipantTransfer, 'Transfers for a given participant'), examples: [{ data: example }] }, ...showErrors },
}
