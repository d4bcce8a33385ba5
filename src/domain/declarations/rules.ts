// Pure decisions about declarations (D-40 … D-56): the checks of a POST in the spec's order, the
// evidence table, the sequence rule, the milestone window, the mentor a declaration records and
// the wire state. Data in, answer or problems out; the commands load the facts.
import { addDays, londonMidnight, wireTimestamp } from '../../clock.ts'
import type { DeclarationType, Role } from '../../db/schema.ts'
import type { Problem } from '../../errors.ts'
import { trainingStatusOf } from '../participants-feed/rules.ts'

/** D-40, in the order D-46 uses. */
export const DECLARATION_TYPES = [
  'started', 'retained-1', 'retained-2', 'retained-3', 'retained-4', 'completed', 'extended-1', 'extended-2', 'extended-3',
] as const satisfies readonly DeclarationType[]

export const EVIDENCE_TYPES = [
  'training-event-attended', 'self-study-material-completed', 'materials-engaged-with-offline',
  '75-percent-engagement-met', '75-percent-engagement-met-reduced-induction', 'one-term-induction', 'other',
] as const

export type EvidenceHeld = (typeof EVIDENCE_TYPES)[number]
export type PaymentStatus = 'submitted' | 'eligible' | 'payable' | 'paid' | 'voided'
export type ClawbackStatus = 'none' | 'awaiting-clawback' | 'clawed-back'
export type DeclarationState = Exclude<PaymentStatus | ClawbackStatus, 'none'>
export type CourseIdentifier = 'ecf-induction' | 'ecf-mentor'

/** D-2: exactly as written; anything else is "no role". */
export function roleOfCourse(value: string | null): Role | null {
  if (value === 'ecf-induction') return 'ect'
  if (value === 'ecf-mentor') return 'mentor'
  return null
}

export function courseOfRole(role: Role): CourseIdentifier {
  return role === 'ect' ? 'ecf-induction' : 'ecf-mentor'
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

/** D-44 #2: a malformed id names no participant. */
export function isParticipantId(value: string | null): value is string {
  return value !== null && UUID.test(value)
}

/** D-41: the clawback status when not `none`, else the payment status. */
export function wireState(payment: PaymentStatus, clawback: ClawbackStatus): DeclarationState {
  return clawback === 'none' ? payment : clawback
}

/** D-41: billable-or-changeable. */
export function isBillable(payment: PaymentStatus, clawback: ClawbackStatus): boolean {
  return payment !== 'voided' && clawback === 'none'
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([.,]\d+)?(Z|[+-]\d{2}(?::?\d{2})?)?$/

/**
 * D-44 #12: `YYYY-MM-DDThh:mm:ss`, optional `.`/`,` fraction, optional `Z`, `±hh`, `±hh:mm` or
 * `±hhmm` (none: UTC), and a real instant. Returns null otherwise (a bare date included).
 */
export function parseDeclarationDate(text: string): Date | null {
  const m = RFC3339.exec(text)
  if (!m) return null
  const [, y, mo, d, hh, mi, ss, fraction = '', zone = 'Z'] = m as unknown as string[]
  const [year, month, day] = [Number(y), Number(mo), Number(d)]
  const check = new Date(Date.UTC(year, month - 1, day))
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
  if (Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59) return null
  let offset = zone!
  if (offset !== 'Z') {
    const digits = offset.slice(1).replace(':', '')
    if (Number(digits.slice(0, 2)) > 23 || Number(digits.slice(2, 4) || '0') > 59) return null
    offset = `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`
  }
  const ms = fraction === '' ? '' : `.${fraction.slice(1, 4).padEnd(3, '0')}`
  const parsed = Date.parse(`${y}-${mo}-${d}T${hh}:${mi}:${ss}${ms}${offset}`)
  return Number.isNaN(parsed) ? null : new Date(parsed)
}

const BASIC = ['training-event-attended', 'self-study-material-completed', 'materials-engaged-with-offline', 'other'] as const
const ENGAGEMENT = ['75-percent-engagement-met', '75-percent-engagement-met-reduced-induction'] as const
const LEGACY = ['training-event-attended', 'self-study-material-completed', 'other'] as const

export type EvidenceRule = { required: boolean; allowed: readonly string[]; dropInvalid: boolean }

/**
 * D-45. In a cohort with detailed evidence types a mentor's type without a row of its own (only
 * reachable when `mentor_funding_enabled` is off, D-44 #13) takes the ECT row of that type.
 */
export function evidenceRule(role: Role, type: DeclarationType, detailed: boolean): EvidenceRule {
  if (!detailed) return { required: type !== 'started', allowed: LEGACY, dropInvalid: type === 'started' }
  if (role === 'mentor' && type === 'completed') return { required: true, allowed: ENGAGEMENT, dropInvalid: false }
  if (type === 'retained-2') return { required: true, allowed: ENGAGEMENT, dropInvalid: false }
  if (type === 'completed') return { required: true, allowed: [...ENGAGEMENT, 'one-term-induction'], dropInvalid: false }
  return { required: true, allowed: BASIC, dropInvalid: false }
}

export type Dated = { declaration_type: DeclarationType; declaration_date: Date }

/**
 * D-46: not earlier than the latest date among types before the new one (D-40 order), nor later
 * than the earliest among types after it; equal instants pass.
 */
export function inSequence(type: DeclarationType, date: Date, existing: readonly Dated[]): boolean {
  const rank = DECLARATION_TYPES.indexOf(type)
  for (const other of existing) {
    const otherRank = DECLARATION_TYPES.indexOf(other.declaration_type)
    if (otherRank < rank && date.getTime() < other.declaration_date.getTime()) return false
    if (otherRank > rank && date.getTime() > other.declaration_date.getTime()) return false
  }
  return true
}

export type Milestone = { start_date: string; milestone_date: string | null }

/** D-32: at or after 00:00 London on the start date; before 00:00 London the day after the deadline. */
export function milestoneWindow(date: Date, milestone: Milestone): { early: boolean; late: boolean } {
  const early = date.getTime() < londonMidnight(milestone.start_date).getTime()
  const late = milestone.milestone_date !== null && date.getTime() >= londonMidnight(addDays(milestone.milestone_date, 1)).getTime()
  return { early, late }
}

export type Mentorship = { mentor_teacher_id: string; started_on: string; finished_on: string | null }

/**
 * D-48: the mentor of the mentorship closest to the declaration's London date — one covering it
 * wins, else the nearest start or end (ties: the later mentorship); null when there is none.
 */
export function mentorAt(day: string, mentorships: readonly Mentorship[]): string | null {
  let best: { id: string; distance: number; started_on: string } | null = null
  for (const m of mentorships) {
    const covers = m.started_on <= day && (m.finished_on === null || day < m.finished_on)
    const distance = covers ? 0 : Math.min(daysApart(day, m.started_on), m.finished_on === null ? Infinity : daysApart(day, m.finished_on))
    if (best === null || distance < best.distance || (distance === best.distance && m.started_on > best.started_on)) {
      best = { id: m.mentor_teacher_id, distance, started_on: m.started_on }
    }
  }
  return best?.id ?? null
}

function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000
}

/** A blank attribute (C-22) is null; any other scalar is used as text. */
export type DeclarationInput = {
  participant_id: string | null
  declaration_type: string | null
  declaration_date: string | null
  course_identifier: string | null
  evidence_held: string | null
}

/** The caller's target TP in the role (D-1), with what the checks need of it. */
export type TargetTraining = {
  id: string
  cohort_year: number
  schedule_identifier: string
  withdrawn_at: Date | null
  deferred_at: Date | null
  mentor_funding_enabled: boolean
  detailed_evidence_types_enabled: boolean
}

/** Everything the D-44 checks read, loaded by the command for the parsed input. */
export type DeclarationFacts = {
  now: Date
  /** #2: a teacher with that participant id exists. */
  teacherFound: boolean
  /** D-8: the role's `*_eligible_for_funding_at` is set. */
  fundingEligible: boolean
  target: TargetTraining | null
  /** #5: the caller has a target TP in the other role. */
  knownThroughOtherRole: boolean
  /** #21: the participant is one of the caller's. */
  callersParticipant: boolean
  /** #8 (D-47). */
  duplicate: boolean
  /** #10, #11, #19: the TP's schedule's milestone for the type, or null. */
  milestone: Milestone | null
  /** #17: the cohort of the teacher's TP in the role covering today, when it is payments-frozen. */
  frozenCohortToday: number | null
  /** #18: the caller has an open statement in the TP's cohort with cut-off ≥ today. */
  openStatement: boolean
  /** #20: the teacher's billable-or-changeable declarations in the role. */
  billable: readonly Dated[]
}

export const TEXT = {
  enter: (name: string) => `Enter a '#/${name}'.`,
  participantUnknown: "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.",
  courseNotRecognised: "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.",
  invalidType: 'Enter a valid declaration type.',
  duplicate: 'A declaration has already been submitted that will be, or has been, paid for this event.',
  future: "The '#/declaration_date' value cannot be a future date. Check the date and try again.",
  beforeMilestone: 'Declaration date must be on or after the milestone start date for the same declaration type.',
  afterMilestone: 'Declaration date must be on or before the milestone date for the same declaration type.',
  badDate: "Enter a valid RCF3339 '#/declaration_date'.",
  mentorTypes:
    'You cannot send retained or extended declarations for participants who began their mentor training after June 2025. Resubmit this declaration with either a started or completed declaration.',
  evidenceMissing: "Enter a '#/evidence_held' value for this participant.",
  evidenceInvalid: "Enter an available '#/evidence_held' type for this participant.",
  withdrawn: (at: Date) =>
    `This participant withdrew from this course on ${wireTimestamp(at)}. Enter a '#/declaration_date' that's on or before the withdrawal date.`,
  frozen: (year: number) =>
    `You cannot submit declarations for the ${year} cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us.`,
  noStatement: (year: number) =>
    `You cannot submit or void declarations for the ${year} cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us.`,
  noMilestone: "The property '#/declaration_type' does not exist for this schedule.",
  sequence: "This '#/declaration_date' is invalid. Check that it is in sequence with existing declaration dates for this participant.",
}

export type CheckedDeclaration = {
  problems: Problem[]
  type: DeclarationType
  date: Date
  /** D-45: the evidence to store (a dropped `started` value is null). */
  evidence: EvidenceHeld | null
}

/** D-7: payments-frozen on every day ≥ `payments_frozen_on`. */
export function isFrozen(paymentsFrozenOn: string | null, today: string): boolean {
  return paymentsFrozenOn !== null && paymentsFrozenOn <= today
}

/** D-35, D-46: a cohort of 2025 or later. */
export function isNewRules(cohortYear: number): boolean {
  return cohortYear >= 2025
}

/**
 * D-44: every check in the listed order, each subject to its "skipped when" column; problems in
 * check order (C-30 groups them by title). `failed` holds the titles of checks that failed so far.
 */
export function checkDeclaration(input: DeclarationInput, facts: DeclarationFacts): CheckedDeclaration {
  const problems: Problem[] = []
  const failed = new Set<string>()
  const fail = (title: string, detail: string) => {
    problems.push({ attribute: title, detail })
    failed.add(title)
  }
  const any = () => failed.size > 0
  const on = (...titles: string[]) => titles.some((t) => failed.has(t))

  const role = roleOfCourse(input.course_identifier)
  const type = (DECLARATION_TYPES as readonly string[]).includes(input.declaration_type ?? '') ? (input.declaration_type as DeclarationType) : null
  const date = input.declaration_date === null ? null : parseDeclarationDate(input.declaration_date)
  const badDate = input.declaration_date !== null && date === null
  const tp = facts.target

  if (input.participant_id === null) fail('participant_id', TEXT.enter('participant_id'))
  else if (!facts.teacherFound) fail('participant_id', TEXT.participantUnknown)
  else if (!facts.callersParticipant) {
    // #21 (decided): a participant that is not the caller's gets #21 alone, so no check reads
    // another provider's declarations, training, schedule or dates (#8 would reveal a milestone).
    fail('participant_id', TEXT.participantUnknown)
    return { problems, type: type ?? 'started', date: date ?? facts.now, evidence: null }
  }
  if (!any() && role === null) fail('course_identifier', TEXT.enter('course_identifier'))
  if (!any() && input.declaration_date === null) fail('declaration_date', TEXT.enter('declaration_date'))
  if (!any() && tp === null && facts.knownThroughOtherRole) fail('course_identifier', TEXT.courseNotRecognised)
  if (!any() && input.declaration_type === null) fail('declaration_type', TEXT.enter('declaration_type'))
  if (!any() && type === null) fail('declaration_type', TEXT.invalidType)
  // #8
  if (!on('declaration_type', 'declaration_date') && type !== null && facts.duplicate) fail('declaration_type', TEXT.duplicate)
  // #9, skipped with #12 failing
  const dateUsable = date !== null && !badDate
  if (!on('participant_id', 'course_identifier', 'declaration_type', 'declaration_date') && dateUsable && date.getTime() > facts.now.getTime()) {
    fail('declaration_date', TEXT.future)
  }
  // #10, #11 (no title `cohort` can have failed before them)
  if (!on('declaration_date', 'declaration_type', 'cohort') && dateUsable && tp !== null && facts.milestone !== null) {
    const window = milestoneWindow(date, facts.milestone)
    if (window.early) fail('declaration_date', TEXT.beforeMilestone)
    if (window.late) fail('declaration_date', TEXT.afterMilestone)
  }
  // #12
  if (!on('declaration_date') && badDate) fail('declaration_date', TEXT.badDate)
  // #13
  if (!on('declaration_type', 'cohort') && tp !== null && role === 'mentor' && tp.mentor_funding_enabled && type !== null && type !== 'started' && type !== 'completed') {
    fail('declaration_type', TEXT.mentorTypes)
  }
  // #14, #15
  let evidence: EvidenceHeld | null = null
  if (tp !== null && role !== null && type !== null) {
    const rule = evidenceRule(role, type, tp.detailed_evidence_types_enabled)
    const given = input.evidence_held
    const allowed = given !== null && rule.allowed.includes(given)
    if (allowed) evidence = given as EvidenceHeld
    if (!any() && rule.required && given === null) fail('evidence_held', TEXT.evidenceMissing)
    if (!any() && given !== null && !allowed && !rule.dropInvalid) fail('evidence_held', TEXT.evidenceInvalid)
  }
  // #16
  if (!on('participant_id') && tp !== null && dateUsable && trainingStatusOf(tp) === 'withdrawn' && tp.withdrawn_at!.getTime() <= date.getTime()) {
    fail('participant_id', TEXT.withdrawn(tp.withdrawn_at!))
  }
  // #17
  if (!on('cohort') && facts.frozenCohortToday !== null) fail('cohort', TEXT.frozen(facts.frozenCohortToday))
  // #18
  if (!on('declaration_type', 'cohort') && tp !== null && facts.fundingEligible && !facts.openStatement) fail('cohort', TEXT.noStatement(tp.cohort_year))
  // #19
  if (!on('participant_id', 'course_identifier', 'declaration_type', 'declaration_date', 'cohort') && tp !== null && type !== null && facts.milestone === null) {
    fail('declaration_type', TEXT.noMilestone)
  }
  // #20
  if (!on('declaration_date', 'declaration_type') && tp !== null && isNewRules(tp.cohort_year) && type !== null && dateUsable && !inSequence(type, date, facts.billable)) {
    fail('declaration_date', TEXT.sequence)
  }
  // #21 ran first, after #2 (above).

  return { problems, type: type ?? 'started', date: date ?? facts.now, evidence }
}

/** D-49: the finish a mentor's TP gets from a completion dated `declared` (London date). */
export function completionFinish(declaredOn: string, tpStartedOn: string): string {
  const a = addDays(declaredOn, 1)
  const b = addDays(tpStartedOn, 1)
  return a > b ? a : b
}
