// GET /api/v3/participants and /{id} (R-32 … R-41; upstream Participant, ParticipantECFEnrolment,
// ParticipantIDChange, ParticipantsFilter).
import { Type } from 'typebox'
import { CalendarDate, Id, Many, Nullable, One, PaginationFilter, Resource, SortParameter, Timestamp, Year, readErrors, showErrors } from '../../common/schemas.ts'
import { named } from '../../openapi/components.ts'

export const SCHEDULE_IDENTIFIERS = [
  'ecf-standard-january', 'ecf-standard-april', 'ecf-standard-september',
  'ecf-extended-january', 'ecf-extended-april', 'ecf-extended-september',
  'ecf-reduced-january', 'ecf-reduced-april', 'ecf-reduced-september',
  'ecf-replacement-january', 'ecf-replacement-april', 'ecf-replacement-september',
] as const
export const WITHDRAWAL_REASONS = ['left-teaching-profession', 'moved-school', 'mentor-no-longer-being-mentor', 'switched-to-school-led', 'changed-lead-provider', 'other'] as const
export const DEFERRAL_REASONS = ['bereavement', 'long-term-sickness', 'parental-leave', 'career-break', 'other'] as const
export const TRAINING_STATUSES = ['active', 'deferred', 'withdrawn'] as const
export const PARTICIPANT_STATUSES = ['active', 'joining', 'leaving', 'left'] as const
export const MENTOR_INELIGIBLE_REASONS = ['completed_declaration_received', 'completed_during_early_roll_out', 'started_not_completed'] as const

const uuid = (description: string) => Type.String({ format: 'uuid', description, example: '8226ad1e-28f6-433d-a7a1-e93bc4f75a58' })
const enumOf = (values: readonly string[], description: string) => Type.String({ enum: [...values], description, example: values[0] })
const date = (description: string) => Nullable(Type.String({ ...CalendarDate, description }))

const Withdrawal = Type.Object(
  {
    reason: enumOf(WITHDRAWAL_REASONS, 'Why the lead provider withdrew the participant (D-12)'),
    date: Type.String({ ...Timestamp, description: 'When the withdrawal was recorded' }),
  },
  { description: 'Set while training_status is withdrawn, else null' },
)

const Deferral = Type.Object(
  {
    reason: enumOf(DEFERRAL_REASONS, 'Why the lead provider deferred the participant (D-13)'),
    date: Type.String({ ...Timestamp, description: 'When the deferral was recorded' }),
  },
  { description: 'Set while training_status is deferred, else null' },
)

export const ParticipantECFEnrolment = named('ParticipantECFEnrolment', Type.Object(
  {
    training_record_id: uuid('The training record id of this role; it never changes'),
    email: Type.String({ description: 'The email the school gave for this role', example: 'amira.khan@riverside.example.sch.uk' }),
    mentor_id: Nullable(uuid("The participant id of the ECT's current or next mentor; null for mentors")),
    school_urn: Type.String({ description: 'URN of the school of the partnership', example: '100002' }),
    participant_type: enumOf(['ect', 'mentor'], 'The role of this enrolment'),
    working_pattern: Nullable(enumOf(['full_time', 'part_time'], "The ECT's working pattern at their latest school; null for mentors")),
    cohort: Type.String({ ...Year, description: 'The cohort of the training' }),
    training_status: enumOf(TRAINING_STATUSES, 'Set by the lead provider withdrawing, deferring or resuming (R-36)'),
    participant_status: enumOf(PARTICIPANT_STATUSES, 'Whether the training is yet to start, running, ending or ended (R-35)'),
    eligible_for_funding: Nullable(Type.Boolean({ description: 'Whether DfE funds the training of this role; null when unknown (R-37)', example: true })),
    pupil_premium_uplift: Type.Boolean({ description: "The school's pupil premium uplift, when the cohort pays uplifts", example: true }),
    sparsity_uplift: Type.Boolean({ description: "The school's sparsity uplift, when the cohort pays uplifts", example: true }),
    schedule_identifier: enumOf(SCHEDULE_IDENTIFIERS, 'The schedule of the training (D-30)'),
    delivery_partner_id: uuid("The partnership's delivery partner"),
    withdrawal: Nullable(Withdrawal),
    deferral: Nullable(Deferral),
    created_at: Type.String({ ...Timestamp, description: 'When the school first registered the participant in this role' }),
    induction_end_date: date('ECTs: the day induction was completed'),
    most_recent_induction_period_end_date: date('ECTs: the day the latest induction period finished'),
    overall_induction_start_date: date('ECTs: the day induction started'),
    mentor_funding_end_date: date('Mentors: the day funding of mentor training ended'),
    cohort_changed_after_payments_frozen: Type.Boolean({ description: 'Whether the participant was moved out of a payments-frozen cohort (D-38)', example: false }),
    mentor_ineligible_for_funding_reason: Nullable(enumOf(MENTOR_INELIGIBLE_REASONS, "Mentors: why funding of mentor training ended")),
  },
  { description: 'The training of one role with the calling lead provider' },
))

export const ParticipantIDChange = named('ParticipantIDChange', Type.Object(
  {
    from_participant_id: uuid('The participant id that was replaced'),
    to_participant_id: uuid('The participant id that replaced it'),
    changed_at: Type.String({ ...Timestamp, description: 'When the id changed' }),
  },
  { description: 'One participant id change' },
))

export const ParticipantAttributes = Type.Object({
  full_name: Type.String({ description: 'First and last name', example: 'Amira Khan' }),
  teacher_reference_number: Nullable(Type.String({ description: 'The TRN, 7 digits', example: '3012345' })),
  ecf_enrolments: Type.Array(ParticipantECFEnrolment),
  participant_id_changes: Type.Array(ParticipantIDChange),
  updated_at: Type.String({ ...Timestamp, description: 'When anything shown here last changed, by an action or by the date (R-38)' }),
})

export const Participant = named('Participant', Resource('participant', ParticipantAttributes, 'A teacher trained by the caller in one or both roles.'))

export const ParticipantsFilter = Type.Object(
  {
    cohort: Type.Optional(Type.String({ description: 'Comma-separated years: participants with an enrolment in one of them', example: '2024,2025' })),
    updated_since: Type.Optional(Type.String({ description: 'An ISO 8601 date-time: participants whose updated_at is at or after it', example: '2025-11-03T08:00:00Z' })),
    training_status: Type.Optional(enumOf(TRAINING_STATUSES, 'Participants with an enrolment in this training status')),
    from_participant_id: Type.Optional(uuid('Participants with an id change from this participant id')),
  },
  { description: 'Filters of the participants list' },
)

export const SORT_KEYS = ['created_at', 'updated_at'] as const

const example = {
  id: '8226ad1e-28f6-433d-a7a1-e93bc4f75a58',
  type: 'participant',
  attributes: {
    full_name: 'Amira Khan',
    teacher_reference_number: '3012345',
    ecf_enrolments: [
      {
        training_record_id: '0e403a7b-e911-4a51-8f47-f9e4e0c0496e', email: 'amira.khan@riverside.example.sch.uk',
        mentor_id: '8e8a6b14-f495-4716-9d57-43c13c1c1217', school_urn: '100002', participant_type: 'ect', working_pattern: 'full_time',
        cohort: '2025', training_status: 'active', participant_status: 'active', eligible_for_funding: true,
        pupil_premium_uplift: false, sparsity_uplift: false, schedule_identifier: 'ecf-standard-january',
        delivery_partner_id: 'b87d3167-46b7-4f39-8ee5-7cc7424f5a9b', withdrawal: null, deferral: null, created_at: '2025-09-01T08:12:40Z',
        induction_end_date: null, most_recent_induction_period_end_date: null, overall_induction_start_date: null,
        mentor_funding_end_date: null, cohort_changed_after_payments_frozen: false, mentor_ineligible_for_funding_reason: null,
      },
    ],
    participant_id_changes: [],
    updated_at: '2025-11-12T09:30:12Z',
  },
}

export const listSchema = {
  operationId: 'getParticipants',
  summary: 'List the participants trained by the caller',
  tags: ['Participants'],
  querystring: Type.Object({
    filter: Type.Optional(ParticipantsFilter),
    page: Type.Optional(PaginationFilter),
    sort: Type.Optional(SortParameter([...SORT_KEYS])),
  }),
  response: { 200: { ...Many(Participant, 'The caller\'s participants'), examples: [{ data: [example] }] }, ...readErrors },
}

export const showSchema = {
  operationId: 'getParticipant',
  summary: 'Show one participant trained by the caller',
  tags: ['Participants'],
  params: Type.Object({ id: Id }),
  response: { 200: { ...One(Participant, 'One of the caller\'s participants'), examples: [{ data: example }] }, ...showErrors },
}
