// The single-page and short journeys of the school (W-65 … W-79): what each form reads, with its
// web texts, the operator body it makes (W-17) and where a command's problem is shown (W-7).
import type { Problem } from '../../../errors.ts'
import { EMAIL_FORMAT, readDate, showProblems, textOf, type FieldError, type FormBody } from './fields.ts'

type Read<T> = { answers: T; errors: FieldError[] }

/** W-65 … W-67: `new`, or one of the mentors offered → `{"mentor_participant_id"}` (R-24 default date). */
export function readMentorChoice(body: FormBody, name: string, offered: readonly string[]): Read<{ choice?: string }> {
  const value = textOf(body, 'mentor_participant_id')
  if (value === 'new' || offered.includes(value)) return { answers: { choice: value }, errors: [] }
  return { answers: {}, errors: [{ field: 'mentor_participant_id', text: `Select a mentor for ${name}` }] }
}

export function mentorBody(mentorParticipantId: string): Record<string, unknown> {
  return { mentor_participant_id: mentorParticipantId }
}

/** W-67: R-24's rows on the radios; `participant_id` ("left your school") in the summary only. */
export function mentorProblems(name: string, problems: readonly Problem[]) {
  return showProblems(
    problems,
    (a) => (a === 'participant_id' ? null : 'mentor_participant_id'),
    () => `Select a mentor for ${name}`,
  )
}

export type TrainingAnswers = { training_programme?: 'provider_led' | 'school_led'; lead_provider_id?: string }

/** W-70 `programme`. */
export function readTrainingProgramme(body: FormBody, name: string): Read<TrainingAnswers> {
  const value = textOf(body, 'training_programme')
  if (value === 'provider_led' || value === 'school_led') return { answers: { training_programme: value }, errors: [] }
  return { answers: {}, errors: [{ field: 'training_programme', text: `Select how ${name} will be trained` }] }
}

/** W-70, W-71 `lead-provider`: one offered, or for mentors `none` (sent as `school_led`). */
export function readTrainingLeadProvider(body: FormBody, role: 'ect' | 'mentor', name: string, offered: readonly string[], noneOffered: boolean): Read<TrainingAnswers> {
  const value = textOf(body, 'lead_provider_id')
  if (role === 'mentor' && noneOffered && value === 'none') return { answers: { training_programme: 'school_led' }, errors: [] }
  if (offered.includes(value)) return { answers: { training_programme: 'provider_led', lead_provider_id: value }, errors: [] }
  const text = role === 'ect' ? 'Select a lead provider' : `Select who will provide ${name}'s mentor training`
  return { answers: {}, errors: [{ field: 'lead_provider_id', text }] }
}

/** W-70: no date and no cohort are sent, so the change is from today in the R-28 cohort. */
export function trainingBody(a: TrainingAnswers): Record<string, unknown> {
  return a.training_programme === 'provider_led' ? { training_programme: 'provider_led', lead_provider_id: a.lead_provider_id } : { training_programme: 'school_led' }
}

/**
 * W-72: "already school-led" on the programme field (mentors: the radios), the lead provider rows
 * on the lead provider field, "left your school" and the `started_on` rows in the summary only.
 */
export function trainingProblems(role: 'ect' | 'mentor', name: string, problems: readonly Problem[]) {
  const programmeField = role === 'ect' ? 'training_programme' : 'lead_provider_id'
  return showProblems(
    problems,
    (a) => (a === 'training_programme' ? programmeField : a === 'lead_provider_id' ? 'lead_provider_id' : null),
    (a) =>
      a === 'training_programme' && role === 'ect'
        ? `Select how ${name} will be trained`
        : role === 'ect' ? 'Select a lead provider' : `Select who will provide ${name}'s mentor training`,
  )
}

/** W-75, W-76. */
export function readLeaving(body: FormBody, name: string): Read<{ leaving_on?: string }> {
  const read = readDate(body, 'leaving_on', { noun: 'Leaving date', blank: `Enter the date ${name} left or will leave your school` })
  return read.ok ? { answers: { leaving_on: read.value }, errors: [] } : { answers: {}, errors: [read.error] }
}

export function leavingBody(leavingOn: string): Record<string, unknown> {
  return { leaving_on: leavingOn }
}

/** W-76: R-30's rows verbatim on `leaving_on`. */
export function leavingProblems(name: string, problems: readonly Problem[]) {
  return showProblems(problems, (a) => (a === 'leaving_on' ? 'leaving_on' : null), () => 'Leaving date must be a real date')
}

export const TUTOR = {
  nameBlank: "Enter the induction tutor's full name",
  nameLong: 'Full name must be 70 characters or fewer',
  emailBlank: "Enter the induction tutor's email address",
  emailFormat: EMAIL_FORMAT,
  emailLong: 'Email address must be 254 characters or fewer',
}

/** W-78, W-79: the web's own blank and length checks; the format is R-17's, from the command. */
export function readInductionTutor(body: FormBody): Read<{ name: string; email: string }> {
  const name = textOf(body, 'name').trim()
  const email = textOf(body, 'email').trim()
  const errors: FieldError[] = []
  if (name === '') errors.push({ field: 'name', text: TUTOR.nameBlank })
  else if (name.length > 70) errors.push({ field: 'name', text: TUTOR.nameLong })
  if (email === '') errors.push({ field: 'email', text: TUTOR.emailBlank })
  else if (email.length > 254) errors.push({ field: 'email', text: TUTOR.emailLong })
  return { answers: { name, email }, errors }
}

export function inductionTutorBody(a: { name: string; email: string }): Record<string, unknown> {
  return { name: a.name, email: a.email }
}

export function inductionTutorProblems(problems: readonly Problem[]) {
  return showProblems(
    problems,
    (a) => (a === 'name' || a === 'email' ? a : null),
    (a, d) => {
      if (a === 'name') return d.startsWith('Enter a ') ? TUTOR.nameBlank : TUTOR.nameLong
      if (d.startsWith('Enter a ')) return TUTOR.emailBlank
      return d.includes('characters or fewer') ? TUTOR.emailLong : TUTOR.emailFormat
    },
  )
}
