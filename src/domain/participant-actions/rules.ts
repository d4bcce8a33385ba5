// The checks of the participant actions (D-11 … D-21) as pure decisions: facts in, the problems
// in the spec's order out (C-30 groups them by title). Texts are the spec's, exactly.
import { addDays, londonMidnight } from '../../clock.ts'
import type { DeclarationType, Role, ScheduleIdentifier } from '../../db/schema.ts'
import type { Problem } from '../../errors.ts'
import { participantStatus, trainingStatusOf } from '../participants-feed/rules.ts'
import { isScheduleIdentifier, scheduleKind } from '../schedules/rules.ts'

export const WITHDRAWAL_REASONS = ['left-teaching-profession', 'moved-school', 'mentor-no-longer-being-mentor', 'switched-to-school-led', 'changed-lead-provider', 'other'] as const
export const DEFERRAL_REASONS = ['bereavement', 'long-term-sickness', 'parental-leave', 'career-break', 'other'] as const

export const TEXT = {
  enterCourse: "Enter a '#/course_identifier'.",
  courseNotRecognised: "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.",
  enterReason: "Enter a '#/reason'.",
  reasonNotRecognised: "The entered '#/reason' is not recognised for the given participant. Check details and try again.",
  alreadyWithdrawn: "The '#/participant_id' is already withdrawn.",
  alreadyDeferred: "The '#/participant_id' is already deferred.",
  withdrawNotOneDay: 'You cannot withdraw #/participant_id. This is because they have not been training with you for at least one day.',
  deferNotOneDay: 'You cannot defer #/participant_id. This is because they have not been training with you for at least one day.',
  changedToday: 'You cannot defer or withdraw this participant today. You need to try again tomorrow as the training was recently changed for this participant.',
  ectNotMentor: 'You cannot withdraw an ECT for this reason. The ECT is not a mentor.',
  alreadyActive: "The '#/participant_id' is already active.",
  activeElsewhere: 'This participant cannot be resumed because they are already active with another provider.',
  resumeSameDay: 'You cannot resume a participant on the same day they were withdrawn or deferred. Resume them tomorrow or later.',
  notAtSchool: 'The participant is no longer at the school. Please contact the induction tutor to resolve.',
  scheduleMissing: "The property '#/schedule_identifier' must be present and correspond to a valid schedule.",
  scheduleInvalid: 'Enter a valid schedule identifier.',
  scheduleAlreadyOn: 'Selected schedule is already on the profile',
  scheduleNotForCourse: 'Selected schedule is not valid for the course_identifier',
  mentorReduced: 'Mentors cannot be placed on a reduced schedule. Assign them to a different schedule.',
  invalidatesDeclarations:
    'The change of schedule cannot be applied because a previous change of schedule and a declaration were made on the same day. Applying another change of schedule would invalidate existing declarations. Please contact DfE for assistance.',
  noPartnershipInCohort:
    'You cannot change a participant to this contract_period as you do not have a partnership with the school for the contract_period. Contact the DfE for assistance.',
  frozenCohort: 'You cannot move a participant to a payments frozen cohort unless they previously belonged to that cohort.',
  completed: "You cannot change this participant's schedule as they have completed their training or induction.",
  left: "You cannot change this participant's schedule. This is because the participant has a 'left' participant_status, so they are not training with you currently.",
  withdrawnParticipant: 'Cannot perform actions on a withdrawn participant',
  laterLeadProvider: "You cannot change this participant's schedule as they are due to start with another lead provider in the future.",
} as const

/** D-2: exactly these two values name a role; anything else is "no role". */
export function roleOf(courseIdentifier: string | null): Role | null {
  if (courseIdentifier === 'ecf-induction') return 'ect'
  if (courseIdentifier === 'ecf-mentor') return 'mentor'
  return null
}

/** The target TP (D-1) as the checks see it. */
export type TargetTraining = {
  role: Role
  started_on: string
  finished_on: string | null
  withdrawn_at: Date | null
  deferred_at: Date | null
  cohort_year: number
  schedule_identifier: string
}

const problem = (attribute: string, detail: string): Problem => ({ attribute, detail })

/** D-11: A1 and A2. */
export function commonProblems(role: Role | null, tp: TargetTraining | null): Problem[] {
  if (role === null) return [problem('course_identifier', TEXT.enterCourse)]
  if (tp === null) return [problem('course_identifier', TEXT.courseNotRecognised)]
  return []
}

function reasonProblems(reason: string | null, allowed: readonly string[]): Problem[] {
  if (reason === null) return [problem('reason', TEXT.enterReason)]
  if (!allowed.includes(reason)) return [problem('reason', TEXT.reasonNotRecognised)]
  return []
}

/** D-12: W1 … W6 after A1, A2. */
export function withdrawProblems(input: { role: Role | null; tp: TargetTraining | null; reason: string | null; today: string }): Problem[] {
  const { role, tp, reason, today } = input
  const problems = [...commonProblems(role, tp), ...reasonProblems(reason, WITHDRAWAL_REASONS)]
  if (tp === null) return problems
  if (trainingStatusOf(tp) === 'withdrawn') problems.push(problem('participant_id', TEXT.alreadyWithdrawn))
  else if (tp.started_on > today) problems.push(problem('participant_id', TEXT.withdrawNotOneDay))
  else if (tp.started_on === today) problems.push(problem('participant_id', TEXT.changedToday))
  if (problems.length === 0 && tp.role === 'ect' && reason === 'mentor-no-longer-being-mentor') problems.push(problem('reason', TEXT.ectNotMentor))
  return problems
}

/** D-13: F1 … F6 after A1, A2. */
export function deferProblems(input: { role: Role | null; tp: TargetTraining | null; reason: string | null; today: string }): Problem[] {
  const { role, tp, reason, today } = input
  const problems = [...commonProblems(role, tp), ...reasonProblems(reason, DEFERRAL_REASONS)]
  if (tp === null) return problems
  const status = trainingStatusOf(tp)
  if (status === 'deferred') problems.push(problem('participant_id', TEXT.alreadyDeferred))
  else if (status === 'withdrawn') problems.push(problem('participant_id', TEXT.alreadyWithdrawn))
  else if (tp.started_on > today) problems.push(problem('participant_id', TEXT.deferNotOneDay))
  else if (tp.started_on === today) problems.push(problem('participant_id', TEXT.changedToday))
  return problems
}

export type Period = { started_on: string; finished_on: string | null }

/** C-17: a period covers a day when it has started and not yet finished. */
export function covers(period: Period, day: string): boolean {
  return period.started_on <= day && (period.finished_on === null || day < period.finished_on)
}

/** D-14: RS1 … RS4 after A1, A2, each only if the previous passed. */
export function resumeProblems(input: {
  role: Role | null
  tp: TargetTraining | null
  /** Another TP of the same at-school period, any lead provider, covers today (RS2). */
  otherCoversToday: boolean
  schoolPeriod: Period | null
  today: string
}): Problem[] {
  const { role, tp, otherCoversToday, schoolPeriod, today } = input
  const problems = commonProblems(role, tp)
  if (tp === null) return problems
  if (trainingStatusOf(tp) === 'active') problems.push(problem('participant_id', TEXT.alreadyActive))
  else if (otherCoversToday) problems.push(problem('participant_id', TEXT.activeElsewhere))
  else if (tp.finished_on === today) problems.push(problem('participant_id', TEXT.resumeSameDay))
  else if (schoolPeriod === null || !covers(schoolPeriod, today)) problems.push(problem('participant_id', TEXT.notAtSchool))
  return problems
}

export type MilestoneWindow = { declaration_type: DeclarationType; start_date: string; milestone_date: string | null }

/** D-32: the declaration's instant lies in its type's milestone window of the schedule. */
export function withinMilestone(declaration: { declaration_type: DeclarationType; declaration_date: Date }, milestones: readonly MilestoneWindow[]): boolean {
  const milestone = milestones.find((m) => m.declaration_type === declaration.declaration_type)
  if (!milestone) return false
  if (declaration.declaration_date < londonMidnight(milestone.start_date)) return false
  return milestone.milestone_date === null || declaration.declaration_date < londonMidnight(addDays(milestone.milestone_date, 1))
}

/** What change-schedule's checks need to know (D-20, D-21), loaded by the command. */
export type ChangeScheduleFacts = {
  role: Role | null
  tp: TargetTraining | null
  scheduleIdentifier: string | null
  /** D-20: the named cohort, else the TP's; null only without a TP and a named cohort. */
  targetCohort: { year: number; payments_frozen_on: string | null } | null
  /** CS3: the target cohort has a schedule with that identifier. */
  targetScheduleExists: boolean
  /** CS7: declarations on the TP (any state), and the target schedule's milestones. */
  declarations: readonly { declaration_type: DeclarationType; declaration_date: Date }[]
  targetMilestones: readonly MilestoneWindow[]
  /** CS8: the caller has a partnership at the TP's school in the target cohort. */
  partnershipInTargetCohort: boolean
  /** D-9 for the role. */
  paymentsFrozenYear: number | null
  induction_completed_on: string | null
  mentor_ineligible_for_funding_on: string | null
  /** CS13: a provider-led TP in the role starting after the TP's started_on. */
  laterTraining: boolean
  today: string
}

/** D-21: A1, A2, then three groups, each stopping at its first failure. */
export function changeScheduleProblems(facts: ChangeScheduleFacts): Problem[] {
  const { role, tp } = facts
  return [
    ...commonProblems(role, tp),
    ...firstOf(scheduleGroup(facts)),
    ...(tp === null ? [] : firstOf(cohortGroup(facts, tp))),
    ...(tp === null ? [] : firstOf(participantGroup(facts, tp))),
  ]
}

function firstOf(checks: Iterable<Problem>): Problem[] {
  for (const p of checks) return [p]
  return []
}

/** CS1 … CS7, lazily so the group stops at its first failure. */
function* scheduleGroup(facts: ChangeScheduleFacts): Generator<Problem> {
  const { scheduleIdentifier: id, tp, targetCohort } = facts
  if (id === null) yield problem('schedule_identifier', TEXT.scheduleMissing)
  else if (!isScheduleIdentifier(id)) yield problem('schedule_identifier', TEXT.scheduleInvalid)
  else if (targetCohort !== null && !facts.targetScheduleExists) yield problem('schedule_identifier', TEXT.scheduleMissing)
  if (id === null || !isScheduleIdentifier(id) || tp === null || targetCohort === null) return
  if (tp.schedule_identifier === id && tp.cohort_year === targetCohort.year) yield problem('schedule_identifier', TEXT.scheduleAlreadyOn)
  const kind = scheduleKind(id as ScheduleIdentifier)
  if (tp.role === 'ect' && kind === 'replacement') yield problem('schedule_identifier', TEXT.scheduleNotForCourse)
  if (tp.role === 'mentor' && kind === 'reduced') yield problem('schedule_identifier', TEXT.mentorReduced)
  if (tp.started_on >= facts.today && facts.declarations.some((d) => !withinMilestone(d, facts.targetMilestones))) {
    yield problem('schedule_identifier', TEXT.invalidatesDeclarations)
  }
}

/** CS8, CS9. */
function* cohortGroup(facts: ChangeScheduleFacts, tp: TargetTraining): Generator<Problem> {
  const target = facts.targetCohort
  if (target === null) return
  if (target.year !== tp.cohort_year && !facts.partnershipInTargetCohort) yield problem('cohort', TEXT.noPartnershipInCohort)
  if (isPaymentsFrozen(target, facts.today) && facts.paymentsFrozenYear !== target.year) yield problem('cohort', TEXT.frozenCohort)
}

/** CS10 … CS13. */
function* participantGroup(facts: ChangeScheduleFacts, tp: TargetTraining): Generator<Problem> {
  const toReduced = facts.scheduleIdentifier !== null && facts.scheduleIdentifier.startsWith('ecf-reduced-')
  if (tp.role === 'ect' ? facts.induction_completed_on !== null && !toReduced : facts.mentor_ineligible_for_funding_on !== null) {
    yield problem('participant_id', TEXT.completed)
  }
  const status = trainingStatusOf(tp)
  if (participantStatus({ role: tp.role, started_on: tp.started_on, finished_on: tp.finished_on, training_status: status }, facts, facts.today) === 'left') {
    yield problem('participant_id', TEXT.left)
  }
  if (status === 'withdrawn') yield problem('participant_id', TEXT.withdrawnParticipant)
  if (facts.laterTraining) yield problem('participant_id', TEXT.laterLeadProvider)
}

/** D-7: frozen on every day on or after payments_frozen_on. */
export function isPaymentsFrozen(cohort: { payments_frozen_on: string | null }, today: string): boolean {
  return cohort.payments_frozen_on !== null && cohort.payments_frozen_on <= today
}

/** D-12, D-13: the TP ends on the earlier of its finished_on and today. */
export function finishedByToday(finishedOn: string | null, today: string): string {
  return finishedOn !== null && finishedOn < today ? finishedOn : today
}

/** D-23: the new TP ends on the earliest of the old TP's and the period's finished_on after today, else never. */
export function continuationEnd(oldFinishedOn: string | null, periodFinishedOn: string | null, today: string): string | null {
  const after = [oldFinishedOn, periodFinishedOn].filter((d): d is string => d !== null && d > today).sort()
  return after[0] ?? null
}
