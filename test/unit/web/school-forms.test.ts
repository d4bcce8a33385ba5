import { describe, expect, it } from 'vitest'
import { readDate } from '../../../src/web/school/forms/fields.ts'
import * as r from '../../../src/web/school/forms/register.ts'
import * as a from '../../../src/web/school/forms/actions.ts'
import { describeTraining, mentorShown, statusOf, trainingShown, type ShownTraining } from '../../../src/web/people.ts'

const date = (day: string, month: string, year: string) => ({ 'd-day': day, 'd-month': month, 'd-year': year })
const texts = { noun: 'Start date', blank: 'Enter the start date' }

describe('W-8 date inputs', () => {
  it('W-8: spaces, leading zeros and month names are accepted', () => {
    expect(readDate(date(' 01 ', 'sep', '2025'), 'd', texts)).toMatchObject({ ok: true, value: '2025-09-01' })
    expect(readDate(date('1', 'September', '2025'), 'd', texts)).toMatchObject({ ok: true, value: '2025-09-01' })
    expect(readDate(date('29', '02', '2028'), 'd', texts)).toMatchObject({ ok: true, value: '2028-02-29' })
  })
  it('W-8: the first failure wins, with the parts at fault', () => {
    expect(readDate(date('', '', ''), 'd', texts)).toMatchObject({ ok: false, error: { field: 'd', text: 'Enter the start date', parts: ['day', 'month', 'year'] } })
    expect(readDate(date('', '', '2025'), 'd', texts)).toMatchObject({ ok: false, error: { text: 'Start date must include a day and month', parts: ['day', 'month'] } })
    expect(readDate(date('1', '2', ''), 'd', texts)).toMatchObject({ ok: false, error: { text: 'Start date must include a year', parts: ['year'] } })
    expect(readDate(date('1', '2', '25'), 'd', texts)).toMatchObject({ ok: false, error: { text: 'Year must include 4 numbers', parts: ['year'] } })
    expect(readDate(date('30', '2', '2025'), 'd', texts)).toMatchObject({ ok: false, error: { text: 'Start date must be a real date', parts: ['day', 'month', 'year'] } })
    expect(readDate(date('x', '2', '2025'), 'd', texts)).toMatchObject({ ok: false, error: { text: 'Start date must be a real date' } })
  })
})

describe('W-54 register an ECT: step texts', () => {
  it('W-54: TRN blank and format (spaces removed first), date of birth blank', () => {
    expect(r.readFind({}, 'ect').errors).toEqual([
      { field: 'trn', text: 'Enter the teacher reference number (TRN)' },
      { field: 'date_of_birth', text: "Enter the ECT's date of birth", parts: ['day', 'month', 'year'] },
    ])
    expect(r.readFind({ trn: '12 34', ...{ 'date_of_birth-day': '1', 'date_of_birth-month': '1', 'date_of_birth-year': '1990' } }, 'ect').errors).toEqual([
      { field: 'trn', text: 'Teacher reference number must be 7 digits' },
    ])
    expect(r.readFind({ trn: '123 4567', 'date_of_birth-day': '1', 'date_of_birth-month': '1', 'date_of_birth-year': '1990' }, 'ect')).toEqual({
      answers: { trn: '1234567', date_of_birth: '1990-01-01' }, errors: [],
    })
  })
  it('W-62: a mentor cannot have the TRN of the ECT they will mentor', () => {
    const body = { trn: '1234567', 'date_of_birth-day': '1', 'date_of_birth-month': '1', 'date_of_birth-year': '1990' }
    expect(r.readFind(body, 'mentor', { trn: '1234567' }).errors).toEqual([{ field: 'trn', text: 'A mentee cannot mentor themself' }])
    expect(r.readFind({}, 'mentor').errors[1]!.text).toBe("Enter the mentor's date of birth")
  })
  it('W-54: names, email, start date, working pattern, previous choices, programme, lead provider', () => {
    expect(r.readName({ first_name: ' ', last_name: 'x'.repeat(101) }, 'ect').errors).toEqual([
      { field: 'first_name', text: "Enter the ECT's first name" },
      { field: 'last_name', text: 'Last name must be 100 characters or fewer' },
    ])
    expect(r.readName({}, 'mentor').errors[0]!.text).toBe("Enter the mentor's first name")
    expect(r.readEmail({}, 'ect', 'Amira Khan').errors).toEqual([{ field: 'email', text: "Enter Amira Khan's email address" }])
    expect(r.readEmail({ email: 'nope' }, 'ect', 'Amira Khan').errors).toEqual([{ field: 'email', text: 'Enter an email address in the correct format, like name@example.com' }])
    expect(r.readStartDate({}, 'ect', 'Amira Khan').errors[0]!.text).toBe('Enter the date Amira Khan started or will start at your school')
    expect(r.readStartDate({}, 'mentor', 'David Okafor').errors[0]!.text).toBe('Enter the date David Okafor started or will start mentoring at your school')
    expect(r.readWorkingPattern({ working_pattern: 'sometimes' }, 'Amira Khan').errors).toEqual([{ field: 'working_pattern', text: 'Select if Amira Khan works full time or part time' }])
    expect(r.readPreviousChoices({}).errors).toEqual([{ field: 'use_previous', text: 'Select yes if you want to use the same training choices' }])
    expect(r.readProgramme({}, 'Amira Khan').errors).toEqual([{ field: 'training_programme', text: 'Select how Amira Khan will be trained' }])
    expect(r.readLeadProvider({ lead_provider_id: 'other' }, 'ect', 'Amira Khan', ['lp1']).errors).toEqual([{ field: 'lead_provider_id', text: 'Select a lead provider' }])
    expect(r.readLeadProvider({}, 'mentor', 'David Okafor', ['lp1']).errors).toEqual([{ field: 'lead_provider_id', text: "Select who will provide David Okafor's mentor training" }])
    expect(r.readLeadProvider({ lead_provider_id: 'none' }, 'mentor', 'David Okafor', ['lp1']).answers).toEqual({ training_programme: 'school_led' })
    expect(r.readLeadProvider({ lead_provider_id: 'none' }, 'ect', 'Amira Khan', ['lp1']).errors).toHaveLength(1)
  })
  it('W-7: generic command texts become the field web text; domain details stay verbatim', () => {
    const shown = r.registrationProblems('ect', 'Amira Khan', [
      { attribute: 'trn', detail: "The '#/trn' must be 7 digits." },
      { attribute: 'email', detail: "The '#/email' must be an email address." },
      { attribute: 'cohort', detail: 'There is no cohort for a start date of 1 September 2030' },
      { attribute: 'lead_provider_id', detail: "The '#/lead_provider_id' you have entered is invalid." },
      { attribute: 'partnership_id', detail: "The '#/partnership_id' you have entered is invalid." },
    ])
    expect(shown).toEqual([
      { field: 'trn', text: 'Teacher reference number must be 7 digits' },
      { field: 'email', text: 'Enter an email address in the correct format, like name@example.com' },
      { field: 'started_on', text: 'There is no cohort for a start date of 1 September 2030' },
      { field: 'lead_provider_id', text: 'Select a lead provider' },
      { field: null, text: 'There is a problem with these answers. Start again.' },
    ])
    expect(JSON.stringify(shown)).not.toContain("'#/")
  })
})

describe('W-10, W-17, W-51, W-53: the registration answers', () => {
  const base: r.RegisterAnswers = { trn: '1234567', date_of_birth: '1990-01-01', known: null, first_name: 'Amira', last_name: 'Khan', email: 'a@b.example', started_on: '2025-09-01' }
  it('W-10: the first unanswered step, in the journey order', () => {
    expect(r.firstUnanswered('ect', {})).toBe('find')
    expect(r.firstUnanswered('ect', { ...base, first_name: undefined })).toBe('name')
    expect(r.firstUnanswered('ect', { ...base, known: { participant_id: 'p', first_name: 'A', last_name: 'K' }, email: undefined })).toBe('registered-before')
    expect(r.firstUnanswered('ect', { ...base, known: { participant_id: 'p', first_name: 'A', last_name: 'K' }, seen_known: true, email: undefined })).toBe('email-address')
    expect(r.firstUnanswered('ect', base)).toBe('working-pattern')
    expect(r.firstUnanswered('ect', { ...base, working_pattern: 'full_time', offer: null })).toBe('training-programme')
    const offer = { training_programme: 'provider_led' as const, lead_provider_id: 'lp', lead_provider_name: 'L', delivery_partner: 'D' }
    expect(r.firstUnanswered('ect', { ...base, working_pattern: 'full_time', offer })).toBe('previous-choices')
    expect(r.firstUnanswered('ect', { ...base, working_pattern: 'full_time', offer, use_previous: true })).toBe('check-answers')
    expect(r.firstUnanswered('ect', { ...base, working_pattern: 'full_time', offer: null, training_programme: 'provider_led' })).toBe('lead-provider')
    expect(r.firstUnanswered('mentor', base)).toBe('lead-provider')
    expect(r.mayShow('ect', base, 'start-date')).toBe(true)
    expect(r.mayShow('ect', base, 'check-answers')).toBe(false)
  })
  it('W-17: the exact operator body; W-53 Yes carries the offer with use_previous_partnership', () => {
    expect(r.registrationBody('ect', { ...base, working_pattern: 'part_time', offer: null, training_programme: 'school_led' })).toEqual({
      trn: '1234567', first_name: 'Amira', last_name: 'Khan', date_of_birth: '1990-01-01', email: 'a@b.example', started_on: '2025-09-01', working_pattern: 'part_time', training_programme: 'school_led',
    })
    const offer = { training_programme: 'provider_led' as const, lead_provider_id: 'lp', lead_provider_name: 'L', delivery_partner: 'D' }
    expect(r.registrationBody('ect', { ...base, working_pattern: 'full_time', offer, use_previous: true })).toMatchObject({ training_programme: 'provider_led', lead_provider_id: 'lp', use_previous_partnership: true })
    expect(r.registrationBody('ect', { ...base, working_pattern: 'full_time', offer, use_previous: false, training_programme: 'provider_led', lead_provider_id: 'x' })).toMatchObject({ lead_provider_id: 'x', use_previous_partnership: false })
    const mentor = r.registrationBody('mentor', { ...base, known: { participant_id: 'p', first_name: 'Stored', last_name: 'Name' }, training_programme: 'school_led' })
    expect(mentor).toEqual({ trn: '1234567', first_name: 'Stored', last_name: 'Name', date_of_birth: '1990-01-01', email: 'a@b.example', started_on: '2025-09-01', training_programme: 'school_led' })
  })
})

describe('W-65 … W-79: the short journeys', () => {
  it('W-67: blank mentor; R-24 rows verbatim on the radios, participant_id in the summary', () => {
    expect(a.readMentorChoice({}, 'Amira Khan', ['m1']).errors).toEqual([{ field: 'mentor_participant_id', text: 'Select a mentor for Amira Khan' }])
    expect(a.readMentorChoice({ mentor_participant_id: 'new' }, 'Amira Khan', []).answers).toEqual({ choice: 'new' })
    expect(a.mentorProblems('Amira Khan', [{ attribute: 'participant_id', detail: 'Amira Khan left your school on 1 May 2026' }, { attribute: 'mentor_participant_id', detail: 'This mentor is already assigned to this ECT' }])).toEqual([
      { field: null, text: 'Amira Khan left your school on 1 May 2026' },
      { field: 'mentor_participant_id', text: 'This mentor is already assigned to this ECT' },
    ])
    expect(a.mentorBody('m1')).toEqual({ mentor_participant_id: 'm1' })
  })
  it('W-72: change training texts and bodies (no date, no cohort)', () => {
    expect(a.readTrainingProgramme({}, 'Amira Khan').errors[0]!.text).toBe('Select how Amira Khan will be trained')
    expect(a.readTrainingLeadProvider({}, 'ect', 'Amira Khan', ['x'], false).errors[0]!.text).toBe('Select a lead provider')
    expect(a.readTrainingLeadProvider({}, 'mentor', 'David Okafor', ['x'], true).errors[0]!.text).toBe("Select who will provide David Okafor's mentor training")
    expect(a.readTrainingLeadProvider({ lead_provider_id: 'none' }, 'mentor', 'David Okafor', ['x'], false).errors).toHaveLength(1)
    expect(a.trainingBody({ training_programme: 'provider_led', lead_provider_id: 'x' })).toEqual({ training_programme: 'provider_led', lead_provider_id: 'x' })
    expect(a.trainingBody({ training_programme: 'school_led' })).toEqual({ training_programme: 'school_led' })
    expect(a.trainingProblems('ect', 'Amira Khan', [{ attribute: 'training_programme', detail: 'The training is already school-led' }, { attribute: 'started_on', detail: 'Our records show …' }])).toEqual([
      { field: 'training_programme', text: 'The training is already school-led' },
      { field: null, text: 'Our records show …' },
    ])
  })
  it('W-76: leaving date texts; W-79: induction tutor texts', () => {
    expect(a.readLeaving({}, 'Amira Khan').errors[0]).toMatchObject({ field: 'leaving_on', text: 'Enter the date Amira Khan left or will leave your school' })
    expect(a.readLeaving({ 'leaving_on-day': '31', 'leaving_on-month': '4', 'leaving_on-year': '2026' }, 'A').errors[0]!.text).toBe('Leaving date must be a real date')
    expect(a.readInductionTutor({}).errors).toEqual([
      { field: 'name', text: "Enter the induction tutor's full name" },
      { field: 'email', text: "Enter the induction tutor's email address" },
    ])
    expect(a.readInductionTutor({ name: 'x'.repeat(71), email: `${'x'.repeat(250)}@a.uk` }).errors.map((e) => e.text)).toEqual([
      'Full name must be 70 characters or fewer', 'Email address must be 254 characters or fewer',
    ])
    expect(a.inductionTutorProblems([{ attribute: 'email', detail: "The '#/email' must be an email address." }])).toEqual([
      { field: 'email', text: 'Enter an email address in the correct format, like name@example.com' },
    ])
  })
})

describe('W-41, W-42, W-43: what a period shows', () => {
  const tp = (f: Partial<ShownTraining>): ShownTraining => ({
    training_programme: 'provider_led', lead_provider_name: 'Ambition', partnership_id: null, delivery_partner_name: null, cohort: 2025, started_on: '2025-09-01', finished_on: null, ...f,
  })
  it('W-41: in force today, else the earliest later, else the latest; empty ones last', () => {
    const past = tp({ started_on: '2024-09-01', finished_on: '2025-01-01' })
    const now = tp({ started_on: '2025-01-01', finished_on: '2025-06-01' })
    const next = tp({ started_on: '2025-07-01', finished_on: '2025-08-01' })
    const later = tp({ started_on: '2025-08-01' })
    expect(trainingShown([past, now, next, later], '2025-03-01')).toBe(now)
    expect(trainingShown([past, now, later, next], '2025-06-10')).toBe(next)
    expect(trainingShown([past, now], '2025-06-10')).toBe(now)
    const empty = tp({ started_on: '2025-09-01', finished_on: '2025-09-01', partnership_id: 'p' })
    expect(trainingShown([empty, past], '2025-09-10')).toBe(past)
    expect(trainingShown([empty], '2025-09-10')).toBe(empty)
  })
  it('W-41: the four descriptions', () => {
    expect(describeTraining(tp({ training_programme: 'school_led', lead_provider_name: null }))).toEqual({ training: 'School-led', leadProvider: '–', deliveryPartner: '–' })
    expect(describeTraining(undefined)).toEqual({ training: 'No provider-led training', leadProvider: '–', deliveryPartner: '–' })
    expect(describeTraining(tp({}))).toEqual({ training: 'Provider-led', leadProvider: 'Awaiting confirmation by Ambition', deliveryPartner: 'To be confirmed' })
    expect(describeTraining(tp({ partnership_id: 'p', delivery_partner_name: 'North West' }))).toEqual({ training: 'Provider-led', leadProvider: 'Confirmed by Ambition', deliveryPartner: 'North West' })
  })
  it('W-42: Left, Leaving, Mentor required, Registered', () => {
    const m = [{ started_on: '2025-09-01', finished_on: null }]
    expect(statusOf({ started_on: '2025-01-01', finished_on: '2025-06-01' }, 'ect', m, '2025-06-01').text).toBe('Left')
    expect(statusOf({ started_on: '2025-01-01', finished_on: '2025-06-02' }, 'ect', m, '2025-06-01').text).toBe('Leaving')
    expect(statusOf({ started_on: '2025-01-01', finished_on: null }, 'ect', [], '2025-06-01')).toEqual({ text: 'Mentor required', colour: 'red' })
    expect(statusOf({ started_on: '2025-01-01', finished_on: null }, 'ect', m, '2025-06-01').text).toBe('Registered')
    expect(statusOf({ started_on: '2025-01-01', finished_on: null }, 'mentor', [], '2025-06-01').text).toBe('Registered')
  })
  it('W-43: the mentor in force today, else the next', () => {
    const a1 = { started_on: '2025-01-01', finished_on: '2025-03-01' }
    const a2 = { started_on: '2025-05-01', finished_on: null }
    expect(mentorShown([a1, a2], '2025-02-01')).toBe(a1)
    expect(mentorShown([a1, a2], '2025-04-01')).toBe(a2)
    expect(mentorShown([a1], '2025-04-01')).toBeUndefined()
  })
})
