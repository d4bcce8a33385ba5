// The "register an ECT" and "register a mentor" journeys (W-50 … W-64): the answers kept in the
// session, each step's reading with its web texts (W-54, W-62), the order of the steps (W-10,
// W-51, W-61), the operator body the answers make (W-17) and where a command's problem is shown.
import type { Problem } from '../../../errors.ts'
import { EMAIL_FORMAT, readDate, showProblems, textOf, type FieldError, type FormBody } from './fields.ts'

export type Role = 'ect' | 'mentor'

/** W-53: what "use the same choices" would send. */
export type Offer = {
  training_programme: 'provider_led' | 'school_led'
  lead_provider_id: string | null
  lead_provider_name: string | null
  delivery_partner: string | null
}

export type RegisterAnswers = {
  trn?: string
  date_of_birth?: string
  /** After `find`: the stored names of a known TRN, or null when rect does not know it (W-50). */
  known?: { participant_id: string; first_name: string; last_name: string } | null
  /** Step 3a was continued from. */
  seen_known?: boolean
  first_name?: string
  last_name?: string
  email?: string
  started_on?: string
  working_pattern?: 'full_time' | 'part_time'
  /** ECTs: the W-53 offer worked out after the working pattern (null: not offered). */
  offer?: Offer | null
  use_previous?: boolean
  training_programme?: 'provider_led' | 'school_led'
  lead_provider_id?: string
  lead_provider_name?: string
  /** Mentors: the ECT this mentor will mentor (W-60). */
  ect?: { participant_id: string; name: string }
}

export type Step =
  | 'find' | 'registered-before' | 'name' | 'email-address' | 'start-date' | 'working-pattern'
  | 'previous-choices' | 'training-programme' | 'lead-provider' | 'check-answers'

/** The URL slug of a step. */
export function slugOf(role: Role, step: Step): string {
  return step === 'find' ? (role === 'ect' ? 'find-ect' : 'find-mentor') : step
}

export function nameOf(a: RegisterAnswers): string {
  const names = a.known ?? a
  return `${names.first_name ?? ''} ${names.last_name ?? ''}`.trim()
}

const noun = (role: Role) => (role === 'ect' ? 'ECT' : 'mentor')

/** W-54, W-62: the web texts. */
export function texts(role: Role, name: string) {
  return {
    trnBlank: 'Enter the teacher reference number (TRN)',
    trnFormat: 'Teacher reference number must be 7 digits',
    dobBlank: `Enter the ${noun(role)}'s date of birth`,
    firstBlank: `Enter the ${noun(role)}'s first name`,
    firstLong: 'First name must be 100 characters or fewer',
    lastBlank: `Enter the ${noun(role)}'s last name`,
    lastLong: 'Last name must be 100 characters or fewer',
    emailBlank: `Enter ${name}'s email address`,
    emailFormat: EMAIL_FORMAT,
    startBlank: role === 'ect' ? `Enter the date ${name} started or will start at your school` : `Enter the date ${name} started or will start mentoring at your school`,
    workingPattern: `Select if ${name} works full time or part time`,
    usePrevious: 'Select yes if you want to use the same training choices',
    programme: `Select how ${name} will be trained`,
    leadProvider: role === 'ect' ? 'Select a lead provider' : `Select who will provide ${name}'s mentor training`,
    selfMentor: 'A mentee cannot mentor themself',
  }
}

type Read<T> = { answers: T; errors: FieldError[] }

/** Step 2: TRN (spaces removed first) and date of birth. */
export function readFind(body: FormBody, role: Role, ect?: { trn: string }): Read<{ trn: string; date_of_birth: string }> {
  const t = texts(role, '')
  const errors: FieldError[] = []
  const trn = textOf(body, 'trn').replace(/\s+/g, '')
  if (trn === '') errors.push({ field: 'trn', text: t.trnBlank })
  else if (!/^[0-9]{7}$/.test(trn)) errors.push({ field: 'trn', text: t.trnFormat })
  else if (ect && ect.trn === trn) errors.push({ field: 'trn', text: t.selfMentor })
  const dob = readDate(body, 'date_of_birth', { noun: 'Date of birth', blank: t.dobBlank })
  if (!dob.ok) errors.push(dob.error)
  return { answers: { trn, date_of_birth: dob.ok ? dob.value : '' }, errors }
}

/** Step 3b. */
export function readName(body: FormBody, role: Role): Read<{ first_name: string; last_name: string }> {
  const t = texts(role, '')
  const errors: FieldError[] = []
  const first = textOf(body, 'first_name').trim()
  const last = textOf(body, 'last_name').trim()
  if (first === '') errors.push({ field: 'first_name', text: t.firstBlank })
  else if (first.length > 100) errors.push({ field: 'first_name', text: t.firstLong })
  if (last === '') errors.push({ field: 'last_name', text: t.lastBlank })
  else if (last.length > 100) errors.push({ field: 'last_name', text: t.lastLong })
  return { answers: { first_name: first, last_name: last }, errors }
}

/** Step 4: blank and length here; the format is R-20's (Notify rules), checked by the command. */
export function readEmail(body: FormBody, role: Role, name: string): Read<{ email: string }> {
  const email = textOf(body, 'email').trim()
  const t = texts(role, name)
  if (email === '') return { answers: { email }, errors: [{ field: 'email', text: t.emailBlank }] }
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email)) return { answers: { email }, errors: [{ field: 'email', text: t.emailFormat }] }
  return { answers: { email }, errors: [] }
}

/** Step 5. */
export function readStartDate(body: FormBody, role: Role, name: string): Read<{ started_on: string }> {
  const read = readDate(body, 'started_on', { noun: 'Start date', blank: texts(role, name).startBlank })
  return { answers: { started_on: read.ok ? read.value : '' }, errors: read.ok ? [] : [read.error] }
}

/** Step 6 (ECTs). */
export function readWorkingPattern(body: FormBody, name: string): Read<{ working_pattern?: 'full_time' | 'part_time' }> {
  const value = textOf(body, 'working_pattern')
  if (value === 'full_time' || value === 'part_time') return { answers: { working_pattern: value }, errors: [] }
  return { answers: {}, errors: [{ field: 'working_pattern', text: texts('ect', name).workingPattern }] }
}

/** Step 7 (ECTs, when offered). */
export function readPreviousChoices(body: FormBody): Read<{ use_previous?: boolean }> {
  const value = textOf(body, 'use_previous')
  if (value === 'yes' || value === 'no') return { answers: { use_previous: value === 'yes' }, errors: [] }
  return { answers: {}, errors: [{ field: 'use_previous', text: texts('ect', '').usePrevious }] }
}

/** Step 8 (ECTs). */
export function readProgramme(body: FormBody, name: string): Read<{ training_programme?: 'provider_led' | 'school_led' }> {
  const value = textOf(body, 'training_programme')
  if (value === 'provider_led' || value === 'school_led') return { answers: { training_programme: value }, errors: [] }
  return { answers: {}, errors: [{ field: 'training_programme', text: texts('ect', name).programme }] }
}

/**
 * Step 9, and the mentor's lead provider step (W-61): a lead provider offered on the page, or for
 * mentors `none` (no training from a lead provider, sent as `school_led`).
 */
export function readLeadProvider(body: FormBody, role: Role, name: string, offered: readonly string[]): Read<{ training_programme?: 'provider_led' | 'school_led'; lead_provider_id?: string }> {
  const value = textOf(body, 'lead_provider_id')
  if (role === 'mentor' && value === 'none') return { answers: { training_programme: 'school_led' }, errors: [] }
  if (offered.includes(value)) return { answers: { training_programme: 'provider_led', lead_provider_id: value }, errors: [] }
  return { answers: {}, errors: [{ field: 'lead_provider_id', text: texts(role, name).leadProvider }] }
}

/** W-10: the first step whose answer is missing (check answers when none is). */
export function firstUnanswered(role: Role, a: RegisterAnswers): Step {
  if (!a.trn || !a.date_of_birth || a.known === undefined) return 'find'
  if (a.known === null && (!a.first_name || !a.last_name)) return 'name'
  if (a.known && !a.seen_known) return 'registered-before'
  if (!a.email) return 'email-address'
  if (!a.started_on) return 'start-date'
  if (role === 'ect') {
    if (!a.working_pattern || a.offer === undefined) return 'working-pattern'
    if (a.offer !== null && a.use_previous === undefined) return 'previous-choices'
    if (a.use_previous === true) return 'check-answers'
    if (!a.training_programme) return 'training-programme'
  }
  if (!a.training_programme) return 'lead-provider'
  if (a.training_programme === 'provider_led' && !a.lead_provider_id) return 'lead-provider'
  return 'check-answers'
}

/** The steps in the order this journey's answers take them, for W-10's "answered before" test. */
export function stepsFor(role: Role, a: RegisterAnswers): Step[] {
  const steps: Step[] = ['find', a.known ? 'registered-before' : 'name', 'email-address', 'start-date']
  if (role === 'mentor') return [...steps, 'lead-provider', 'check-answers']
  steps.push('working-pattern')
  if (a.offer) steps.push('previous-choices')
  if (a.use_previous !== true) {
    steps.push('training-programme')
    if (a.training_programme !== 'school_led') steps.push('lead-provider')
  }
  return [...steps, 'check-answers']
}

/** W-10: a step may be shown when every step before it has its answer. */
export function mayShow(role: Role, a: RegisterAnswers, step: Step): boolean {
  const order = stepsFor(role, a)
  const at = order.indexOf(step)
  if (at < 0) return false
  const missing = order.indexOf(firstUnanswered(role, a))
  return missing < 0 || at <= missing
}

/** The step before this one, for its back link (the journey's start before `find`). */
export function previousStep(role: Role, a: RegisterAnswers, step: Step): Step | null {
  const order = stepsFor(role, a)
  const at = order.indexOf(step)
  return at > 0 ? order[at - 1]! : null
}

/** The training the answers choose: the offer's when "use the same choices" was Yes (W-53). */
export function chosenTraining(a: RegisterAnswers): { training_programme?: 'provider_led' | 'school_led'; lead_provider_id?: string | null } {
  if (a.use_previous === true && a.offer) return { training_programme: a.offer.training_programme, lead_provider_id: a.offer.lead_provider_id }
  return { training_programme: a.training_programme, lead_provider_id: a.lead_provider_id ?? null }
}

/**
 * W-17: the operator API body of `POST /schools/{urn}/{ects|mentors}`. Names come from rect's
 * record for a known TRN (R-22 step 1 keeps them anyway); cohort and partnership are never sent.
 */
export function registrationBody(role: Role, a: RegisterAnswers): Record<string, unknown> {
  const names = a.known ?? { first_name: a.first_name, last_name: a.last_name }
  const body: Record<string, unknown> = {
    trn: a.trn,
    first_name: names.first_name,
    last_name: names.last_name,
    date_of_birth: a.date_of_birth,
    email: a.email,
    started_on: a.started_on,
  }
  if (role === 'ect') body.working_pattern = a.working_pattern
  const { training_programme, lead_provider_id } = chosenTraining(a)
  body.training_programme = training_programme
  if (training_programme === 'provider_led') body.lead_provider_id = lead_provider_id
  if (a.use_previous !== undefined && a.offer) body.use_previous_partnership = a.use_previous && training_programme === 'provider_led'
  return body
}

/** Which web field shows a problem of each attribute (W-54); `partnership_id` has none. */
export function fieldOf(role: Role, attribute: string): string | null {
  switch (attribute) {
    case 'cohort': return 'started_on'
    case 'use_previous_partnership': return 'use_previous'
    case 'training_programme': return role === 'ect' ? 'training_programme' : 'lead_provider_id'
    case 'partnership_id': return null
    default: return attribute
  }
}

/** The step asking each field, for check answers' summary links (W-10). */
export function stepOf(field: string): Step {
  const steps: Record<string, Step> = {
    trn: 'find', date_of_birth: 'find', first_name: 'name', last_name: 'name', email: 'email-address',
    started_on: 'start-date', working_pattern: 'working-pattern', use_previous: 'previous-choices',
    training_programme: 'training-programme', lead_provider_id: 'lead-provider',
  }
  return steps[field] ?? 'check-answers'
}

/** W-7: C-77's generic texts replaced by the field's web text. */
function webText(role: Role, name: string, attribute: string, detail: string): string {
  const t = texts(role, name)
  const blank = detail.startsWith('Enter a ')
  switch (attribute) {
    case 'trn': return blank ? t.trnBlank : t.trnFormat
    case 'first_name': return blank ? t.firstBlank : t.firstLong
    case 'last_name': return blank ? t.lastBlank : t.lastLong
    case 'date_of_birth': return blank ? t.dobBlank : 'Date of birth must be a real date'
    case 'email': return blank ? t.emailBlank : t.emailFormat
    case 'started_on': return blank ? t.startBlank : 'Start date must be a real date'
    case 'working_pattern': return t.workingPattern
    case 'use_previous_partnership': return t.usePrevious
    case 'training_programme': return role === 'ect' ? t.programme : t.leadProvider
    case 'lead_provider_id': return t.leadProvider
    default: return 'There is a problem with these answers. Start again.'
  }
}

/** The command's problems as this journey shows them; `only` keeps a step's own attributes. */
export function registrationProblems(role: Role, name: string, problems: readonly Problem[], only?: readonly string[]) {
  const kept = only ? problems.filter((p) => only.includes(p.attribute)) : problems
  return showProblems(kept, (a) => fieldOf(role, a), (a, d) => webText(role, name, a, d))
}
