// Pure decisions of the school actions (R-15 … ): the spec's domain texts, age and
// email rules, which cohort a date falls in, and what "in force", "started" and "finished" mean.
import { addMonths, addYears, longDate } from '../../clock.ts'
import type { Role } from '../../db/schema.ts'
import { Problems } from '../problems.ts'

export type Dated = { started_on: string; finished_on: string | null }
export type CohortDates = { year: number; starts_on: string; ends_on: string; payments_frozen_on: string | null }

/** in force on day D. An empty period [F, F) is in force on no day. */
export function inForceOn(period: Dated, day: string): boolean {
  return period.started_on <= day && (period.finished_on === null || day < period.finished_on)
}

/** finished means `finished_on ≤ today`. */
export function isFinished(period: Dated, today: string): boolean {
  return period.finished_on !== null && period.finished_on <= today
}

/** Runs past a date: ongoing, or finishing after it. */
export function runsPast(period: Dated, day: string): boolean {
  return period.finished_on === null || period.finished_on > day
}

export function fullName(teacher: { first_name: string; last_name: string }): string {
  return `${teacher.first_name} ${teacher.last_name}`
}

/** The latest by `started_on` (ties: the last given), or undefined. */
export function latest<T extends { started_on: string }>(rows: readonly T[]): T | undefined {
  let best: T | undefined
  for (const row of rows) if (best === undefined || row.started_on >= best.started_on) best = row
  return best
}

/** P-1: the cohort whose dates contain the day. */
export function cohortOf(day: string, cohorts: readonly CohortDates[]): CohortDates | undefined {
  return cohorts.find((c) => c.starts_on <= day && day < c.ends_on)
}

/** D-7: payments-frozen on every day ≥ `payments_frozen_on`. */
export function isPaymentsFrozen(cohort: CohortDates, today: string): boolean {
  return cohort.payments_frozen_on !== null && cohort.payments_frozen_on <= today
}

/** D-38: the cohort a reassigned ECT goes into. */
export const REASSIGNMENT_COHORT = 2024

/**
 * D-38 on the cohort of an ECT's earlier provider-led training that R-21 rule 1 or R-28 picked:
 * payments-frozen today, it gives way to 2024, and the frozen year is kept to be recorded (D-9).
 * (2024 itself, or a database without it, keeps the cohort.)
 */
export function reassignFrozenCohort(year: number, cohorts: readonly CohortDates[], today: string): { year: number; frozenFrom: number | null } {
  const cohort = cohorts.find((c) => c.year === year)
  const frozen = cohort !== undefined && year !== REASSIGNMENT_COHORT && isPaymentsFrozen(cohort, today)
  if (!frozen || !cohorts.some((c) => c.year === REASSIGNMENT_COHORT)) return { year, frozenFrom: null }
  return { year: REASSIGNMENT_COHORT, frozenFrom: year }
}

/**
 * R-20 `started_on`: the `starts_on` of the cohort two years before today's cohort, or of the
 * earliest cohort after that year when it does not exist. Null when there are no such cohorts.
 */
export function earliestStart(today: string, cohorts: readonly CohortDates[]): string | null {
  const begun = cohorts.filter((c) => c.starts_on <= today).sort((a, b) => a.year - b.year)
  const current = cohortOf(today, cohorts) ?? begun[begun.length - 1]
  const from = current === undefined ? -Infinity : current.year - 2
  const candidates = cohorts.filter((c) => c.year >= from).sort((a, b) => a.year - b.year)
  return candidates[0]?.starts_on ?? null
}

/** R-20 (as upstream): the teacher is at most 100 and at least 18 years old today. */
export function ageProblem(dateOfBirth: string, today: string): string | null {
  if (dateOfBirth < addYears(today, -100)) return 'The teacher cannot be more than 100 years old'
  if (dateOfBirth > addYears(today, -18)) return 'The teacher cannot be less than 18 years old'
  return null
}

/** Four months from today (R-20, R-30, as upstream). */
export function fourMonthsFrom(today: string): string {
  return addMonths(today, 4)
}

const LOCAL_PART = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@([^.@][^@\s]+)$/
const HOSTNAME_PART = /^(xn|[a-z0-9]+)(-?-[a-z0-9]+)*$/i
const TLD_PART = /^([a-z]{2,63}|xn--([a-z0-9]+-)*[a-z0-9]+)$/i

/** GOV.UK Notify's email address rules (R-17, R-20, as upstream). */
export function isNotifyEmail(value: string): boolean {
  const match = LOCAL_PART.exec(value)
  if (!match || value.length > 320 || value.includes('..')) return false
  const hostname = match[1]!
  const parts = hostname.split('.')
  if (hostname.length > 253 || parts.length < 2) return false
  if (!parts.every((p) => p.length > 0 && p.length <= 63 && HOSTNAME_PART.test(p))) return false
  return TLD_PART.test(parts[parts.length - 1]!)
}

const words = (role: Role) => (role === 'ect' ? { noun: 'ECT', doing: 'teaching' } : { noun: 'mentor', doing: 'ECT mentoring' })

/** The domain texts of the tables of R-17 … R-44, exactly as the spec gives them. */
export const text = {
  alreadyRegistered: (name: string, role: Role) => `${name} is already registered as ${role === 'ect' ? 'an ECT' : 'a mentor'} at this school`,
  dateOfBirthMismatch: 'The date of birth does not match our records for this teacher reference number',
  emailInUse: 'This email is already in use for a different ECT or mentor',
  startTooEarly: (date: string) => `Start date cannot be this far in the past. Enter a date on or after ${longDate(date)}.`,
  startedAt: (name: string, role: Role, school: string, date: string) =>
    `Our records show that ${name} started ${words(role).doing} at ${school} on ${longDate(date)}. Enter a start date after ${longDate(date)}.`,
  startedTrainingAt: (name: string, school: string, date: string) =>
    `Our records show that ${name} started their latest training at ${school} on ${longDate(date)}. Enter a start date after ${longDate(date)}.`,
  tooFarAhead: (role: Role, date: string) =>
    `Start date must be on or before ${longDate(date)}. You cannot register the ${words(role).noun} this far in advance.`,
  completedMentorTraining: (name: string) => `${name} has completed mentor training and cannot be registered for provider-led training again`,
  leadProviderOnlyProviderLed: 'A lead provider can only be given for provider-led training',
  notWorkingInCohort: (leadProvider: string, cohort: number) =>
    `${leadProvider} is not working with schools in the ${cohort} cohort. Select a different lead provider`,
  frozenCohort: 'You cannot register a participant in a payments frozen cohort',
  noCohortFor: (date: string) => `There is no cohort for a start date of ${longDate(date)}`,
  partnershipOnlyProviderLed: 'A partnership can only be given for provider-led training',
  reuseOnlyProviderLed: 'A partnership can only be reused for provider-led training',
  leftSchool: (name: string, date: string) => `${name} left your school on ${longDate(date)}`,
  notAMentorHere: 'This person is not registered as a mentor at your school',
  cannotMentorSelf: 'A mentee cannot mentor themself',
  alreadyAssigned: 'This mentor is already assigned to this ECT',
  mentorOnOrAfter: (date: string) => `Enter a date on or after ${longDate(date)}, when both the ECT and the mentor are at your school`,
  mentorBefore: (date: string) => `Enter a date before ${longDate(date)}, when the ECT or the mentor leaves your school`,
  mentoredSince: (name: string, mentor: string, date: string) =>
    `Our records show that ${name} has been mentored by ${mentor} since ${longDate(date)}. Enter a date after ${longDate(date)}.`,
  alreadySchoolLed: 'The training is already school-led',
  differentLeadProvider: 'Select a different lead provider',
  changeOnOrAfter: (date: string, name: string) => `Enter a date on or after ${longDate(date)}, when ${name} started at your school`,
  changeBefore: (date: string, name: string) => `Enter a date before ${longDate(date)}, when ${name} leaves your school`,
  latestTrainingHere: (name: string, date: string) =>
    `Our records show that ${name} started their latest training at your school on ${longDate(date)}. Enter a date after ${longDate(date)}.`,
  leavingTooFar: 'Enter a date no further than 4 months from today',
  leavingAfterStart: (name: string, date: string) =>
    `Our records show that ${name} started teaching at your school on ${longDate(date)}. Enter a date after ${longDate(date)}.`,
  inductionOrder: "The '#/induction_completed_on' must be on or after the '#/induction_started_on'.",
}

/**
 * checks on the path's participant are reported as `participant_id`, first. The body reader
 * orders problems by its table; this copies them into the action's full order.
 */
export function withOrder(problems: Problems, order: readonly string[]): Problems {
  const ordered = new Problems(order)
  for (const { attribute, detail } of problems.list()) ordered.add(attribute, detail)
  return ordered
}
