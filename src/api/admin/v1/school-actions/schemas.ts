// The school actions' wire contract (R-15 … R-31, R-43, R-44): request tables in the spec's order
// (C-76), with the field kinds whose texts the tables give, and the response objects (R-16, P-20).
import { Type } from 'typebox'
import { isNotifyEmail } from '../../../../domain/participants/rules.ts'
import { say } from '../../../../domain/problems.ts'
import { kinds, tableSchema, type FieldKind, type FieldTable } from '../../../common/fields.ts'
import { CalendarDate, Id, Nullable, Timestamp, Year, writeErrors } from '../../../common/schemas.ts'
import { School } from '../schools/schemas.ts'
import { examples } from './examples.ts'
import { named } from '../../../openapi/components.ts'

const ok = <T>(value: T) => ({ ok: true as const, value })
const bad = (detail: string) => ({ ok: false as const, detail })

const trn: FieldKind<string> = {
  schema: Type.String({ pattern: '^[0-9]{7}$', example: '3012345' }),
  read: (value, name) => (typeof value === 'string' && /^[0-9]{7}$/.test(value) ? ok(value) : bad(`The '#/${name}' must be 7 digits.`)),
}

/** 1 … max characters after trimming. */
function trimmed(max: number): FieldKind<string> {
  return {
    schema: Type.String({ minLength: 1, maxLength: max }),
    read(value, name) {
      if (typeof value !== 'string') return bad(say.mustBe(name, 'a string'))
      const text = value.trim()
      if (text === '') return bad(say.enter(name))
      return text.length > max ? bad(say.tooLong(name, max)) : ok(text)
    },
  }
}

/** Notify's rules (as upstream); R-17 reports the length on its own, R-20 as "an email address". */
function notifyEmail(options: { lengthText: boolean }): FieldKind<string> {
  return {
    schema: Type.String({ format: 'email', maxLength: 254 }),
    read(value, name) {
      if (typeof value !== 'string') return bad(say.mustBe(name, 'an email address'))
      const text = value.trim()
      if (text === '') return bad(say.enter(name))
      if (!isNotifyEmail(text) || (!options.lengthText && text.length > 254)) return bad(say.mustBe(name, 'an email address'))
      return text.length > 254 ? bad(say.tooLong(name, 254)) : ok(text)
    },
  }
}

/** A field only allowed with provider-led training: read as `inner`, then refused when `refuse` says. */
function onlyProviderLed<T>(inner: FieldKind<T> | null, detail: string, refuse: (value: T) => boolean = () => true): FieldKind<T> {
  return {
    schema: inner?.schema ?? Type.String(),
    read(value, name) {
      if (inner === null) return bad(detail)
      const read = inner.read(value, name)
      return read.ok && refuse(read.value) ? bad(detail) : read
    },
  }
}

const PROGRAMMES = ['provider_led', 'school_led'] as const
const programmeOf = (body: unknown) => (body !== null && typeof body === 'object' ? (body as Record<string, unknown>).training_programme : undefined)

/**
 * R-20's training rows depend on the programme sent: `lead_provider_id` is required with
 * `provider_led` and refused with `school_led`; `partnership_id` and `use_previous_partnership`
 * are read, then refused with `school_led`.
 */
function trainingRows(body: unknown) {
  const programme = programmeOf(body)
  const schoolLed = programme === 'school_led'
  return {
    training_programme: { kind: kinds.oneOf(PROGRAMMES), required: true, example: 'provider_led' },
    lead_provider_id: schoolLed
      ? { kind: onlyProviderLed<string>(null, 'A lead provider can only be given for provider-led training'), nullable: true }
      : { kind: kinds.uuid(), required: programme === 'provider_led', nullable: programme !== 'provider_led', description: 'If and only if provider_led (P-14).' },
    cohort: { kind: kinds.year(), description: 'Optional (R-21, R-28).' },
    partnership_id: { kind: schoolLed ? onlyProviderLed(kinds.uuid(), 'A partnership can only be given for provider-led training') : kinds.uuid(), nullable: true, description: 'provider_led only (P-5, P-24).' },
    use_previous_partnership: {
      kind: schoolLed ? onlyProviderLed(kinds.boolean(), 'A partnership can only be reused for provider-led training', (v) => v) : kinds.boolean(),
      description: 'provider_led only; default false (P-34).',
    },
  } satisfies FieldTable
}

/** R-19's table, in R-20's order; mentors have no `working_pattern` (C-76). */
export function registrationFields(role: 'ect' | 'mentor', body: unknown) {
  const { training_programme, ...rest } = trainingRows(body)
  return {
    trn: { kind: trn, required: true, example: '3012345' },
    first_name: { kind: trimmed(100), required: true, example: 'Amira' },
    last_name: { kind: trimmed(100), required: true, example: 'Khan' },
    date_of_birth: { kind: kinds.date(), required: true, example: '1997-03-14' },
    email: { kind: notifyEmail({ lengthText: false }), required: true, example: 'amira.khan@riverside.example.sch.uk' },
    started_on: { kind: kinds.date(), required: true, description: 'First day at this school in the role.' },
    ...(role === 'ect' ? { working_pattern: { kind: kinds.oneOf(['full_time', 'part_time'] as const), required: true } } : {}),
    training_programme,
    ...rest,
  } satisfies FieldTable
}

/** R-26's table, in R-27's order. */
export function trainingFields(body: unknown) {
  const { training_programme, lead_provider_id, cohort, partnership_id, use_previous_partnership } = trainingRows(body)
  return {
    training_programme,
    lead_provider_id,
    started_on: { kind: kinds.date(), description: 'Defaults to today.' },
    cohort,
    partnership_id,
    use_previous_partnership,
  } satisfies FieldTable
}

export const inductionTutorFields = {
  name: { kind: trimmed(70), required: true, example: 'Priya Shah' },
  email: { kind: notifyEmail({ lengthText: true }), required: true, example: 'p.shah@riverside.example.sch.uk' },
} satisfies FieldTable

export const mentorFields = {
  mentor_participant_id: { kind: kinds.uuid(), required: true, description: "The mentor's participant id." },
  started_on: { kind: kinds.date(), description: 'Defaults to the latest of today and both periods’ starts (R-24).' },
} satisfies FieldTable

export const leavingFields = {
  leaving_on: { kind: kinds.date(), required: true, example: '2026-02-13' },
} satisfies FieldTable

export const inductionFields = {
  induction_started_on: { kind: kinds.date(), nullable: true },
  induction_completed_on: { kind: kinds.date(), nullable: true },
  latest_induction_period_finished_on: { kind: kinds.date(), nullable: true },
} satisfies FieldTable

export const MENTOR_REASONS = ['completed_declaration_received', 'completed_during_early_roll_out', 'started_not_completed'] as const

export const mentorFundingFields = {
  mentor_ineligible_for_funding_on: { kind: kinds.date(), nullable: true },
  mentor_ineligible_for_funding_reason: { kind: kinds.oneOf(MENTOR_REASONS), nullable: true },
} satisfies FieldTable

const TrainingPeriod = Type.Object({
  id: Id,
  training_programme: Type.String({ enum: [...PROGRAMMES] }),
  lead_provider_id: Nullable(Id),
  lead_provider_name: Nullable(Type.String()),
  cohort: Year,
  partnership_id: Nullable(Id),
  delivery_partner_id: Nullable(Id),
  schedule_identifier: Nullable(Type.String()),
  started_on: CalendarDate,
  finished_on: Nullable(CalendarDate),
})

export const Registration = Type.Object(
  {
    id: Id,
    participant_id: Id,
    role: Type.String({ enum: ['ect', 'mentor'] }),
    school_urn: Type.String(),
    trn: Type.String(),
    first_name: Type.String(),
    last_name: Type.String(),
    date_of_birth: CalendarDate,
    email: Type.String(),
    working_pattern: Nullable(Type.String({ enum: ['full_time', 'part_time'] })),
    started_on: CalendarDate,
    finished_on: Nullable(CalendarDate),
    reported_leaving_on: Nullable(CalendarDate),
    training_periods: Type.Array(TrainingPeriod),
    mentorships: Type.Array(Type.Object({ id: Id, mentor_participant_id: Id, started_on: CalendarDate, finished_on: Nullable(CalendarDate) })),
    previous_school: Nullable(
      Type.Object({ school_urn: Type.String(), started_on: CalendarDate, finished_on: Nullable(CalendarDate), reported_leaving_on: Nullable(CalendarDate) }),
    ),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { description: 'An ECT or mentor at a school (R-16).' },
)
named('Registration', Registration)

const Induction = Type.Object({
  participant_id: Id,
  induction_started_on: Nullable(CalendarDate),
  induction_completed_on: Nullable(CalendarDate),
  latest_induction_period_finished_on: Nullable(CalendarDate),
  updated_at: Timestamp,
})

const MentorFunding = Type.Object({
  participant_id: Id,
  mentor_ineligible_for_funding_on: Nullable(CalendarDate),
  mentor_ineligible_for_funding_reason: Nullable(Type.String({ enum: [...MENTOR_REASONS] })),
  updated_at: Timestamp,
})

const one = (schema: ReturnType<typeof Type.Object>, description: string, example: unknown) => ({
  ...Type.Object({ data: schema }, { description }),
  examples: [{ data: example }],
})
const tags = ['School actions']
const urn = Type.Object({ urn: Type.String({ example: '100002' }) })
const urnAndId = Type.Object({ urn: Type.String({ example: '100002' }), participant_id: Id })
const role = (r: 'ect' | 'mentor') => (r === 'ect' ? 'an ECT' : 'a mentor')

export const inductionTutorSchema = {
  operationId: 'setInductionTutor',
  summary: "Set the school's induction tutor (R-17)",
  tags,
  params: urn,
  body: tableSchema(inductionTutorFields, { example: { name: 'Priya Shah', email: 'p.shah@riverside.example.sch.uk' } }),
  response: { 200: one(School, 'The school', examples.school), ...writeErrors },
}

export const registerSchema = (r: 'ect' | 'mentor') => ({
  operationId: r === 'ect' ? 'registerEct' : 'registerMentor',
  summary: `Register ${role(r)} at the school (R-19 … R-23)`,
  tags,
  params: urn,
  body: tableSchema(registrationFields(r, { training_programme: 'provider_led' }), { example: r === 'ect' ? examples.registerEct : examples.registerMentor }),
  response: { 201: one(Registration, 'The registration', examples.registration), ...writeErrors },
})

export const trainingSchema = (r: 'ect' | 'mentor') => ({
  operationId: r === 'ect' ? 'changeEctTraining' : 'changeMentorTraining',
  summary: `Change the training of ${role(r)} from a date (R-26 … R-29)`,
  tags,
  params: urnAndId,
  body: tableSchema(trainingFields({ training_programme: 'provider_led' }), { example: examples.changeTraining }),
  response: { 200: one(Registration, 'The registration', examples.registration), ...writeErrors },
})

export const leavingSchema = (r: 'ect' | 'mentor') => ({
  operationId: r === 'ect' ? 'reportEctLeaving' : 'reportMentorLeaving',
  summary: `Report that ${role(r)} is leaving the school (R-30, R-31)`,
  tags,
  params: urnAndId,
  body: tableSchema(leavingFields, { example: { leaving_on: '2026-02-13' } }),
  response: { 200: one(Registration, 'The registration', examples.registration), ...writeErrors },
})

export const mentorSchema = {
  operationId: 'assignMentor',
  summary: 'Assign a mentor to an ECT (R-24, R-25)',
  tags,
  params: urnAndId,
  body: tableSchema(mentorFields, { example: { mentor_participant_id: '8e8a6b14-f495-4716-9d57-43c13c1c1217' } }),
  response: { 200: one(Registration, 'The ECT’s registration', examples.registration), ...writeErrors },
}

const participant = Type.Object({ participant_id: Id })

export const inductionSchema = {
  operationId: 'recordInduction',
  summary: "Record a participant's induction facts (R-43)",
  tags,
  params: participant,
  body: tableSchema(inductionFields, { partial: true, example: { induction_started_on: '2025-09-01', induction_completed_on: '2027-07-20' } }),
  response: { 200: one(Induction, 'The induction facts', examples.induction), ...writeErrors },
}

export const mentorFundingSchema = {
  operationId: 'recordMentorFunding',
  summary: "Record a mentor's funding end (R-44)",
  tags,
  params: participant,
  body: tableSchema(mentorFundingFields, { example: { mentor_ineligible_for_funding_on: '2026-07-31', mentor_ineligible_for_funding_reason: 'completed_declaration_received' } }),
  response: { 200: one(MentorFunding, 'The mentor funding facts', examples.mentorFunding), ...writeErrors },
}
