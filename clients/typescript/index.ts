// A typed client of the Lead Provider API v3: openapi-fetch over the types generated from rect's
// OpenAPI document (v3.ts). Every call names its path as the document does:
//   const rect = createClient({ baseUrl: 'http://127.0.0.1:3000', token })
//   const { data, error } = await rect.GET('/api/v3/participants/{id}', { params: { path: { id } } })
import createFetchClient, { type Client } from 'openapi-fetch'
import type { components, paths } from './v3.ts'

export type { components, paths } from './v3.ts'

type Schemas = components['schemas']
export type Participant = Schemas['Participant']
export type ParticipantECFEnrolment = Schemas['ParticipantECFEnrolment']
export type Partnership = Schemas['Partnership']
export type School = Schemas['School']
export type DeliveryPartner = Schemas['DeliveryPartner']
export type ParticipantTransfer = Schemas['ParticipantTransfer']
export type Transfer = Schemas['ParticipantTransfersTransfer']
export type Declaration = Schemas['Declaration']
export type Statement = Schemas['Statement']
export type UnfundedMentor = Schemas['UnfundedMentor']
export type PartnershipCreateRequest = Schemas['PartnershipCreateRequest']
export type PartnershipUpdateRequest = Schemas['PartnershipUpdateRequest']
export type DeclarationCreateRequest = Schemas['DeclarationCreateRequest']
export type ParticipantWithdrawRequest = Schemas['ParticipantWithdrawRequest']
export type ParticipantDeferRequest = Schemas['ParticipantDeferRequest']
export type ParticipantResumeRequest = Schemas['ParticipantResumeRequest']
export type ParticipantChangeScheduleRequest = Schemas['ParticipantChangeScheduleRequest']
export type ApiError = Schemas['Error']

export type RectClient = Client<paths>

export type ClientOptions = {
  /** Where rect answers, e.g. `http://127.0.0.1:3000` (no trailing /api/v3). */
  baseUrl: string
  /** A lead provider token. */
  token: string
  /** Sandbox only: every request acts on this date or date-time (`X-With-Server-Date`). */
  serverDate?: string
  fetch?: typeof globalThis.fetch
}

export function createClient({ baseUrl, token, serverDate, fetch }: ClientOptions): RectClient {
  return createFetchClient<paths>({
    baseUrl: baseUrl.replace(/\/+$/, ''),
    headers: { Authorization: `Bearer ${token}`, ...(serverDate ? { 'X-With-Server-Date': serverDate } : {}) },
    ...(fetch ? { fetch } : {}),
  })
}
