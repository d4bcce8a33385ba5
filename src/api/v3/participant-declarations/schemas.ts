// POST/GET /api/v3/participant-declarations, GET /{id}, PUT /{id}/void (D-43 … D-56; upstream
// Declaration, DeclarationCreate, DeclarationsFilter, DeclarationCreateRequest and its variants).
import { Type, type TSchema } from 'typebox'
import { DECLARATION_TYPES, EVIDENCE_TYPES } from '../../../domain/declarations/rules.ts'
import { BadRequest, Id, Many, Nullable, NotFound, One, PaginationFilter, Resource, TooLarge, TooMany, Unauthorised, Unprocessable, readErrors, showErrors } from '../../common/schemas.ts'
import { named } from '../../openapi/components.ts'

const STATES = ['submitted', 'eligible', 'payable', 'paid', 'voided', 'awaiting-clawback', 'clawed-back'] as const
const COURSES = ['ecf-induction', 'ecf-mentor'] as const

const uuid = (description: string, example: string) => Type.String({ format: 'uuid', description, example })
const instant = (description: string, example = '2021-05-31T02:22:32.000Z') => Type.String({ format: 'date-time', description, example })

/** D-54: the attributes in the order rect emits them. */
export const DeclarationAttributes = Type.Object({
  participant_id: uuid('The unique identifier of the participant.', '7a8fef46-3c43-42c0-b3d5-1ba5904ba562'),
  declaration_type: Type.String({ enum: [...DECLARATION_TYPES], description: 'The event declaration type.', example: 'started' }),
  course_identifier: Type.String({ enum: [...COURSES], description: 'The type of course the participant is enrolled in.', example: 'ecf-induction' }),
  declaration_date: instant('The event declaration date.'),
  mentor_id: Nullable(uuid('Unique ID of the ECT’s mentor.', '0c4e8a2f-6b1d-4f3e-9a7c-5d2b8e1f4a60')),
  state: Type.String({ enum: [...STATES], description: 'Indicates the state of this payment declaration.', example: 'submitted' }),
  updated_at: instant('The date the declaration was last updated.'),
  created_at: instant('The date the declaration was created.'),
  delivery_partner_id: uuid(
    'Unique ID of the delivery partner associated with the participant at the time the declaration was created.',
    '9e35e998-c63a-4136-89c4-e9e18e72e887',
  ),
  statement_id: Nullable(uuid('Unique ID of the statement the declaration will be paid as part of.', '45146ec2-594a-495a-bb02-8b2280a3deaf')),
  clawback_statement_id: Nullable(uuid('Unique ID of the statement to which the declaration will be clawed back on, if any.', 'e7d2a5c1-3f8b-4a6e-9c0d-2b1f7e4a8d36')),
  ineligible_for_funding_reason: Nullable(Type.String({ enum: ['duplicate_declaration'], description: 'If the declaration is ineligible, the reason why.' })),
  uplift_paid: Type.Boolean({ description: 'If participant is eligible for uplift, whether it has been paid as part of this declaration.', example: false }),
  evidence_held: Nullable(
    Type.String({
      enum: [...EVIDENCE_TYPES],
      description: 'The type of evidence the lead provider holds on their platform to demonstrate the participant has met the retention criteria for the current milestone period.',
      example: 'training-event-attended',
    }),
  ),
  lead_provider_name: Type.String({ description: 'The name of the provider that submitted the declaration.', example: 'Example Provider' }),
})

export const Declaration = named('Declaration', Resource('participant-declaration', DeclarationAttributes, 'A participant declaration.'))

export const DeclarationsFilter = Type.Object(
  {
    cohort: Type.Optional(Type.String({ description: 'Return participant declarations associated to the specified cohort or cohorts. This is a comma delimited string of years.', example: '2021,2022' })),
    participant_id: Type.Optional(
      Type.String({
        description: 'Return participant declarations associated to the specified participant ID. This is a comma delimited string where multiple participant IDs can be specified.',
        example: '7a8fef46-3c43-42c0-b3d5-1ba5904ba562,7e727981-db9d-40d7-9e42-27eff7d66a19',
      }),
    ),
    delivery_partner_id: Type.Optional(
      Type.String({
        description: 'Return participant declarations associated to the specified delivery partner or delivery partners. This is a comma delimited string of delivery partner IDs.',
        example: '42a9ef2f-9059-400a-92ff-4830a629d0c5,92f6e54b-57fe-4a62-89cc-e83d6b0f734b',
      }),
    ),
    updated_since: Type.Optional(Type.String({ description: 'Return only records that have been updated since this date and time (ISO 8601 date format).', example: '2021-05-13T11:21:55Z' })),
  },
  { description: 'Refine participant declarations to return.' },
)

/** One variant of upstream's request attributes (DeclarationPre2025StartedAttributes …). */
function variant(description: string, types: readonly string[], courses: readonly string[], evidence: readonly string[] | null, evidenceRequired: boolean): TSchema {
  const properties: Record<string, TSchema> = {
    participant_id: uuid('The unique ID of the participant', '3452b1a6-cbaa-422f-9ca9-40afa28583a2'),
    declaration_type: Type.String({ enum: [...types], description: 'The event declaration type', example: types[0] }),
    declaration_date: instant('The event declaration date', '2021-05-31T02:21:32.000Z'),
    course_identifier: Type.String({ enum: [...courses], description: 'The type of course the participant is enrolled in', example: courses[0] }),
  }
  if (evidence) {
    properties.evidence_held = Type.String({
      enum: [...evidence],
      description: 'The type of evidence the lead provider holds on their platform to demonstrate the participant has met the retention criteria for the current milestone period.',
      example: evidence[0],
    })
  }
  const required = ['participant_id', 'declaration_type', 'declaration_date', 'course_identifier', ...(evidenceRequired ? ['evidence_held'] : [])]
  return Type.Unsafe({ type: 'object', description, required, additionalProperties: false, properties })
}

const RETAINED = ['retained-1', 'retained-2', 'retained-3', 'retained-4']
const EXTENDED = ['extended-1', 'extended-2', 'extended-3']
const LEGACY = ['training-event-attended', 'self-study-material-completed', 'other']
const BASIC = ['training-event-attended', 'self-study-material-completed', 'materials-engaged-with-offline', 'other']
const ENGAGEMENT = ['75-percent-engagement-met', '75-percent-engagement-met-reduced-induction']

function dataRequest(description: string, variants: TSchema[]): TSchema {
  return Type.Unsafe({
    type: 'object',
    description,
    properties: { type: Type.String({ enum: ['participant-declaration'] }), attributes: Type.Unsafe({ type: 'object', anyOf: variants }) },
  })
}

const requestExample = {
  data: {
    type: 'participant-declaration',
    attributes: {
      participant_id: '5b9e1d3f-7a2c-4f8e-9b4d-3c6a0e2f8d71',
      declaration_type: 'started',
      declaration_date: '2026-11-20T09:00:00Z',
      course_identifier: 'ecf-induction',
      evidence_held: 'training-event-attended',
    },
  },
}

export const DeclarationCreateRequest = named('DeclarationCreateRequest', Type.Unsafe({
  type: 'object',
  description: 'A participant declaration request',
  required: ['data'],
  properties: {
    data: Type.Unsafe({
      type: 'object',
      anyOf: [
        dataRequest('A participant declaration data request for participants in cohort 2024 and previous years', [
          variant('An ECF started participant declaration', ['started'], COURSES, null, false),
          variant('An ECF participant retained declaration', RETAINED, COURSES, LEGACY, true),
          variant('An ECF completed participant declaration', ['completed'], COURSES, LEGACY, true),
          variant('An ECF extended participant declaration', EXTENDED, COURSES, LEGACY, true),
        ]),
        dataRequest('A participant declaration data request for ECT participants from cohort 2025 onwards', [
          variant('An ECT started declaration', ['started'], ['ecf-induction'], BASIC, true),
          variant('An ECT retained declaration', RETAINED, ['ecf-induction'], [...BASIC, ...ENGAGEMENT], true),
          variant('An ECT completed declaration', ['completed'], ['ecf-induction'], [...ENGAGEMENT, 'one-term-induction'], true),
          variant('An ECT extended declaration', EXTENDED, ['ecf-induction'], BASIC, true),
        ]),
        dataRequest('A participant declaration data request for mentor participants from cohort 2025 onwards', [
          variant('A mentor started declaration', ['started'], ['ecf-mentor'], BASIC, false),
          variant('A mentor completed declaration', ['completed'], ['ecf-mentor'], ENGAGEMENT, true),
        ]),
      ],
    }),
  },
  examples: [requestExample],
}))

const example = {
  id: 'b1c70e4d-9a2f-4c6b-8e3d-7f1a5b0c2d94',
  type: 'participant-declaration',
  attributes: {
    participant_id: '5b9e1d3f-7a2c-4f8e-9b4d-3c6a0e2f8d71',
    declaration_type: 'started',
    course_identifier: 'ecf-induction',
    declaration_date: '2026-11-20T09:00:00Z',
    mentor_id: '0c4e8a2f-6b1d-4f3e-9a7c-5d2b8e1f4a60',
    state: 'eligible',
    updated_at: '2026-11-23T10:15:02Z',
    created_at: '2026-11-23T10:15:02Z',
    delivery_partner_id: '9e35e998-c63a-4136-89c4-e9e18e72e887',
    statement_id: '45146ec2-594a-495a-bb02-8b2280a3deaf',
    clawback_statement_id: null,
    ineligible_for_funding_reason: null,
    uplift_paid: false,
    evidence_held: 'training-event-attended',
    lead_provider_name: 'Teach First',
  },
}

const tags = ['Declarations']

export const createSchema = {
  operationId: 'createDeclaration',
  summary: 'Declare a participant has reached a milestone',
  description:
    'Creates a declaration and answers 200 with it. Not idempotent: sending the same declaration again (same participant, course, type and date, or a ' +
    'type the participant already has a billable declaration of) answers 422 and creates nothing, so a client that retries after a timeout ' +
    'should first look for the declaration with `GET /api/v3/participant-declarations?filter[participant_id]=…`.',
  tags,
  body: DeclarationCreateRequest,
  response: {
    200: { ...One(Declaration, 'The created declaration'), examples: [{ data: example }] },
    400: BadRequest,
    401: Unauthorised,
    413: TooLarge,
    422: Unprocessable,
    429: TooMany,
  },
}

export const listSchema = {
  operationId: 'getDeclarations',
  summary: 'Retrieve multiple declarations',
  tags,
  querystring: Type.Object({ filter: Type.Optional(DeclarationsFilter), page: Type.Optional(PaginationFilter) }),
  response: { 200: { ...Many(Declaration, 'A list of declarations'), examples: [{ data: [example] }] }, ...readErrors },
}

export const showSchema = {
  operationId: 'getDeclaration',
  summary: 'Retrieve a single declaration',
  tags,
  params: Type.Object({ id: Id }),
  response: { 200: { ...One(Declaration, 'A single declaration'), examples: [{ data: example }] }, ...showErrors },
}

export const voidSchema = {
  operationId: 'voidDeclaration',
  summary: 'Void a declaration',
  tags,
  params: Type.Object({ id: Id }),
  response: {
    200: { ...One(Declaration, 'The declaration being voided'), examples: [{ data: { ...example, attributes: { ...example.attributes, state: 'voided', statement_id: null } } }] },
    ...showErrors,
    422: Unprocessable,
    404: NotFound,
  },
}
