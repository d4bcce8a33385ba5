// Rows → the operator API's objects: the registration resource and the induction and
// funding reports (R-43, R-44). Field order is the wire order. The school (P-20) is schools/'s.
import { wireTimestamp } from '../../../../clock.ts'
import type { RegistrationRow } from './query.ts'
import type { TeacherRow } from '../../../../domain/participants/store.ts'

export function serializeRegistration(row: RegistrationRow) {
  return {
    id: row.id,
    participant_id: row.participant_id,
    role: row.role,
    school_urn: row.school_urn,
    trn: row.trn,
    first_name: row.first_name,
    last_name: row.last_name,
    date_of_birth: row.date_of_birth,
    email: row.email,
    working_pattern: row.working_pattern,
    started_on: row.started_on,
    finished_on: row.finished_on,
    reported_leaving_on: row.reported_leaving_on,
    training_periods: row.training_periods.map((tp) => ({
      id: tp.id,
      training_programme: tp.training_programme,
      lead_provider_id: tp.lead_provider_id,
      lead_provider_name: tp.lead_provider_name,
      cohort: tp.cohort,
      partnership_id: tp.partnership_id,
      delivery_partner_id: tp.delivery_partner_id,
      schedule_identifier: tp.schedule_identifier,
      started_on: tp.started_on,
      finished_on: tp.finished_on,
    })),
    mentorships:
      row.role === 'ect'
        ? row.mentorships.map((m) => ({ id: m.id, mentor_participant_id: m.mentor_participant_id, started_on: m.started_on, finished_on: m.finished_on }))
        : [],
    previous_school: row.previous_school
      ? {
          school_urn: row.previous_school.school_urn,
          started_on: row.previous_school.started_on,
          finished_on: row.previous_school.finished_on,
          reported_leaving_on: row.previous_school.reported_leaving_on,
        }
      : null,
    created_at: wireTimestamp(row.created_at),
    updated_at: wireTimestamp(row.updated_at),
  }
}

export function serializeInduction(row: TeacherRow) {
  return {
    participant_id: row.id,
    induction_started_on: row.induction_started_on,
    induction_completed_on: row.induction_completed_on,
    latest_induction_period_finished_on: row.latest_induction_period_finished_on,
    updated_at: wireTimestamp(row.updated_at),
  }
}

export function serializeMentorFunding(row: TeacherRow) {
  return {
    participant_id: row.id,
    mentor_ineligible_for_funding_on: row.mentor_ineligible_for_funding_on,
    mentor_ineligible_for_funding_reason: row.mentor_ineligible_for_funding_reason,
    updated_at: wireTimestamp(row.updated_at),
  }
}
