// The derived attributes of a participant enrolment that depend on nothing but the enrolment's
// training period, the teacher's facts and today (R-35 … R-37). The feed decides training_status
// in SQL, because filter[training_status] pages on it, and participantStatus takes its
// answer; the commands decide it with trainingStatusOf, which a test holds to that SQL
// (test/domain/participants-feed/training-status.test.ts).
import type { Role } from '../../db/schema.ts'

export type TrainingStatus = 'active' | 'deferred' | 'withdrawn'
export type ParticipantStatus = 'joining' | 'active' | 'leaving' | 'left'

export type EnrolmentPeriod = {
  role: Role
  started_on: string
  finished_on: string | null
  training_status: TrainingStatus
}

/** The stamps R-36 reads: the lead provider's latest withdrawal and deferral of a training period. */
export type TrainingStamps = { withdrawn_at: Date | null; deferred_at: Date | null }

/**
 * active without a withdrawal or deferral, else whichever came later; on a tie, withdrawn.
 * The one TypeScript statement of the rule; the feed's is `trainingStatusSql` (api/v3/participants/query.ts).
 */
export function trainingStatusOf(tp: TrainingStamps): TrainingStatus {
  if (tp.withdrawn_at === null && tp.deferred_at === null) return 'active'
  if (tp.deferred_at === null || (tp.withdrawn_at !== null && tp.withdrawn_at.getTime() >= tp.deferred_at.getTime())) return 'withdrawn'
  return 'deferred'
}

export type CompletionFacts = {
  induction_completed_on: string | null
  mentor_ineligible_for_funding_on: string | null
}

/** R-35, first match wins. Dates are `YYYY-MM-DD`, so they compare as strings. */
export function participantStatus(tp: EnrolmentPeriod, facts: CompletionFacts, today: string): ParticipantStatus {
  const endingBy = (finishedOn: string) => (finishedOn > today ? 'leaving' : 'left')
  // Rule 1: a withdrawal or deferral cuts finished_on to its day (D-12, D-13); an ongoing one
  // cannot arise, and reads as not "after today".
  if (tp.training_status !== 'active') return tp.finished_on !== null ? endingBy(tp.finished_on) : 'left'
  // Rule 2: induction or mentor training completed within this training (as upstream).
  const completedOn = tp.role === 'ect' ? facts.induction_completed_on : facts.mentor_ineligible_for_funding_on
  if (completedOn !== null && (tp.finished_on === null || completedOn <= tp.finished_on)) return 'active'
  // Rule 3: an empty TP [F, F) is leaving until F, then left.
  if (tp.finished_on !== null) return endingBy(tp.finished_on)
  if (tp.started_on > today) return 'joining'
  return 'active'
}

export type FundingFacts = {
  /** London date of `*_eligible_for_funding_at`. */
  eligible_on: string | null
  ineligible_on: string | null
}

/** R-37, for the enrolment's role: unknown, eligible, or eligibility ended before it began. */
export function eligibleForFunding({ eligible_on, ineligible_on }: FundingFacts): boolean | null {
  if (eligible_on === null && ineligible_on === null) return null
  return eligible_on !== null && (ineligible_on === null || eligible_on <= ineligible_on)
}

/** D-12, D-13: reasons are dasherised on the wire, whichever spelling was stored. */
export function wireReason(reason: string): string {
  return reason.replaceAll('_', '-')
}
