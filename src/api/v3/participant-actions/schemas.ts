// PUT /api/v3/participants/{id}/withdraw, /defer, /resume, /change-schedule (D-10 … D-26;
// upstream ParticipantWithdrawRequest, ParticipantDeferRequest, ParticipantResumeRequest,
// ParticipantChangeScheduleRequest, answered with ParticipantResponse).
import { Type, type TProperties } from 'typebox'
import { DEFERRAL_REASONS, WITHDRAWAL_REASONS } from '../../../domain/participant-actions/rules.ts'
import { SCHEDULE_IDENTIFIERS } from '../../../domain/schedules/rules.ts'
import { Id, One, writeErrors } from '../../common/schemas.ts'
import { Participant } from '../participants/schemas.ts'
import { named } from '../../openapi/components.ts'

const COURSE_IDENTIFIERS = ['ecf-mentor', 'ecf-induction']

const courseIdentifier = Type.String({ enum: COURSE_IDENTIFIERS, description: 'The type of course the participant is enrolled in', example: 'ecf-induction' })

function requestBody(name: string, type: string, description: string, attributes: TProperties, required: string[], example: Record<string, string>) {
  return named(name, Type.Object(
    {
      data: Type.Object(
        {
          type: Type.String({ enum: [type], example: type }),
          attributes: Type.Object(attributes, { required, description }),
        },
        { required: ['type', 'attributes'] },
      ),
    },
    { required: ['data'], examples: [{ data: { type, attributes: example } }] },
  ))
}

const participantExample = {
  data: {
    id: '5b9e1d3f-7a2c-4f8e-9b4d-3c6a0e2f8d71',
    type: 'participant',
    attributes: {
      full_name: 'Amelia Hughes',
      teacher_reference_number: '2900137',
      ecf_enrolments: [
        {
          training_record_id: 'a61f7c2d-3e9b-4d05-8c1a-f24e6b9d0371', email: 'amelia.hughes@example.com',
          mentor_id: '0c4e8a2f-6b1d-4f3e-9a7c-5d2b8e1f4a60', school_urn: '141003', participant_type: 'ect', working_pattern: 'full_time',
          cohort: '2025', training_status: 'withdrawn', participant_status: 'left', eligible_for_funding: true,
          pupil_premium_uplift: false, sparsity_uplift: false, schedule_identifier: 'ecf-standard-september',
          delivery_partner_id: '9e35e998-c63a-4136-89c4-e9e18e72e887',
          withdrawal: { reason: 'left-teaching-profession', date: '2026-11-23T10:41:07Z' }, deferral: null,
          created_at: '2025-09-05T09:00:04Z', induction_end_date: null, most_recent_induction_period_end_date: null,
          overall_induction_start_date: null, mentor_funding_end_date: null, cohort_changed_after_payments_frozen: false,
          mentor_ineligible_for_funding_reason: null,
        },
      ],
      participant_id_changes: [],
      updated_at: '2026-11-23T10:41:07Z',
    },
  },
}

function actionSchema(operationId: string, summary: string, body: ReturnType<typeof requestBody>, response: string) {
  return {
    operationId,
    summary,
    tags: ['Participants'],
    params: Type.Object({ id: Id }),
    body,
    response: { 200: { ...One(Participant, response), examples: [participantExample] }, ...writeErrors },
  }
}

export const withdrawSchema = actionSchema(
  'withdrawParticipant',
  'Notify that a participant has withdrawn from their course',
  requestBody(
    'ParticipantWithdrawRequest',
    'participant-withdraw',
    'A participant withdrawal action',
    { reason: Type.String({ enum: [...WITHDRAWAL_REASONS], description: 'The reason for the withdrawal', example: 'left-teaching-profession' }), course_identifier: courseIdentifier },
    ['reason', 'course_identifier'],
    { reason: 'left-teaching-profession', course_identifier: 'ecf-induction' },
  ),
  'The participant being withdrawn',
)

export const deferSchema = actionSchema(
  'deferParticipant',
  'Notify that a participant is taking a break from their course',
  requestBody(
    'ParticipantDeferRequest',
    'participant-defer',
    'A participant deferral action',
    { reason: Type.String({ enum: [...DEFERRAL_REASONS], description: 'The reason for the deferral', example: 'bereavement' }), course_identifier: courseIdentifier },
    ['reason', 'course_identifier'],
    { reason: 'parental-leave', course_identifier: 'ecf-induction' },
  ),
  'The participant being deferred',
)

export const resumeSchema = actionSchema(
  'resumeParticipant',
  "Notify that a participant is resuming their course",
  requestBody('ParticipantResumeRequest', 'participant-resume', 'A participant resumption action', { course_identifier: courseIdentifier }, ['course_identifier'], { course_identifier: 'ecf-induction' }),
  'The participant being resumed',
)

export const changeScheduleSchema = actionSchema(
  'changeScheduleParticipant',
  'Notify that a participant is changing training schedule',
  requestBody(
    'ParticipantChangeScheduleRequest',
    'participant-change-schedule',
    'A participant change schedule action',
    {
      schedule_identifier: Type.String({ enum: [...SCHEDULE_IDENTIFIERS], description: 'The new schedule of the participant', example: 'ecf-extended-september' }),
      course_identifier: courseIdentifier,
      cohort: Type.Optional(
        Type.String({
          description: "The cohort (call-off contract) that funds this participant's training; when absent, the participant's current cohort.",
          example: '2025',
        }),
      ),
    },
    ['schedule_identifier', 'course_identifier'],
    { schedule_identifier: 'ecf-extended-september', course_identifier: 'ecf-induction', cohort: '2026' },
  ),
  'The participant changing schedule',
)
