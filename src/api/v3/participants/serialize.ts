import { wireTimestamp } from '../../../clock.ts'
import { eligibleForFunding, participantStatus, wireReason } from '../../../domain/participants-feed/rules.ts'
import type { EnrolmentRow, ParticipantRow } from './query.ts'

/** R-34, attributes in the swagger's order; the request's today decides R-35. */
export function serializeParticipant(row: ParticipantRow, today: string) {
  return {
    id: row.id,
    type: 'participant' as const,
    attributes: {
      full_name: `${row.first_name} ${row.last_name}`,
      teacher_reference_number: row.trn,
      ecf_enrolments: row.enrolments.map((enrolment) => serializeEnrolment(row, enrolment, today)),
      participant_id_changes: row.participant_id_changes,
      updated_at: wireTimestamp(row.updated_at),
    },
  }
}

function serializeEnrolment(teacher: ParticipantRow, e: EnrolmentRow, today: string) {
  const ect = e.role === 'ect'
  return {
    training_record_id: e.training_record_id,
    email: e.email,
    mentor_id: e.mentor_id,
    school_urn: e.school_urn,
    participant_type: e.role,
    working_pattern: e.working_pattern,
    cohort: e.cohort,
    training_status: e.training_status,
    participant_status: participantStatus(e, teacher, today),
    eligible_for_funding: eligibleForFunding(e),
    pupil_premium_uplift: e.pupil_premium_uplift,
    sparsity_uplift: e.sparsity_uplift,
    schedule_identifier: e.schedule_identifier,
    delivery_partner_id: e.delivery_partner_id,
    withdrawal: e.training_status === 'withdrawn' ? { reason: wireReason(e.withdrawal_reason ?? 'other'), date: e.withdrawn_at } : null,
    deferral: e.training_status === 'deferred' ? { reason: wireReason(e.deferral_reason ?? 'other'), date: e.deferred_at } : null,
    created_at: e.created_at,
    induction_end_date: ect ? teacher.induction_completed_on : null,
    most_recent_induction_period_end_date: ect ? teacher.latest_induction_period_finished_on : null,
    overall_induction_start_date: ect ? teacher.induction_started_on : null,
    mentor_funding_end_date: ect ? null : teacher.mentor_ineligible_for_funding_on,
    cohort_changed_after_payments_frozen: e.payments_frozen,
    mentor_ineligible_for_funding_reason: ect ? null : teacher.mentor_ineligible_for_funding_reason,
  }
}
