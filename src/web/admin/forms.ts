// The admin forms (W-81 … W-93) as pure modules: each turns the posted fields into the exact body
// its operator API call would send (W-17) and names the web texts of its fields (W-7, spec/08
// section 5). Dates (W-8) are read by the caller and arrive here as `YYYY-MM-DD` or absent.
import { formValue, type FieldSpec } from './form-errors.ts'

type Form = unknown
type Body = Record<string, unknown>

const nameTexts = { blank: 'Enter a name', tooLong: 'Name must be 255 characters or fewer', invalid: 'Enter a name' }

/** Optional text: blank is left out (or null where the operator field is nullable and `clears`). */
function optionalText(body: Body, form: Form, name: string, clears = false): void {
  const value = formValue(form, name).trim()
  if (value !== '') body[name] = value
  else if (clears) body[name] = null
}

/** Radios `yes`/`no` as a boolean; absent is left out (the default applies); anything else is sent as is, for the command to refuse. */
function yesNo(body: Body, form: Form, name: string): void {
  const value = formValue(form, name)
  if (value === 'yes') body[name] = true
  else if (value === 'no') body[name] = false
  else if (value !== '') body[name] = value
}

/** A checkbox: ticked (`true`) or not. */
function checkbox(body: Body, form: Form, name: string): void {
  body[name] = formValue(form, name) === 'true'
}

// W-83 (P-14) and W-86 (P-18): a name.
export const NAME_TEXTS: FieldSpec[] = [{ id: 'name', ...nameTexts }]
export function nameBody(form: Form): Body {
  return { name: formValue(form, 'name') }
}

// W-85 (P-15): an optional description.
export const TOKEN_TEXTS: FieldSpec[] = [{ id: 'description', tooLong: 'Description must be 255 characters or fewer', invalid: 'Description must be 255 characters or fewer' }]
export function tokenBody(form: Form): Body {
  const body: Body = {}
  optionalText(body, form, 'description')
  return body
}

// W-82 and W-86 (P-19): a pairing; the cohort page fixes the cohort, the delivery partner page asks it.
export const PAIRING_TEXTS: FieldSpec[] = [
  { id: 'cohort', blank: 'Select a cohort', invalid: 'Select a cohort' },
  { id: 'lead_provider_id', blank: 'Select a lead provider', invalid: 'Select a lead provider' },
  { id: 'delivery_partner_id', blank: 'Select a delivery partner', invalid: 'Select a delivery partner' },
]
export function pairingBody(form: Form, fixed: { cohort?: number; delivery_partner_id?: string } = {}): Body {
  return {
    lead_provider_id: formValue(form, 'lead_provider_id'),
    delivery_partner_id: fixed.delivery_partner_id ?? formValue(form, 'delivery_partner_id'),
    cohort: fixed.cohort !== undefined ? String(fixed.cohort) : formValue(form, 'cohort'),
  }
}

// W-81 (P-10) and W-82's edit (P-11).
export const COHORT_TEXTS: FieldSpec[] = [
  { id: 'year', blank: 'Enter a year', invalid: 'Year must be 4 digits, like 2027' },
  { id: 'starts_on', invalid: 'Start date must be a real date' },
  { id: 'ends_on', invalid: 'End date must be after the start date' },
  { id: 'partnerships_open', invalid: 'Select yes if lead providers can add partnerships in this cohort' },
  { id: 'payments_frozen_on', invalid: 'Payments frozen date must be a real date' },
  { id: 'mentor_funding_enabled' },
  { id: 'detailed_evidence_types_enabled' },
  { id: 'uplift_fees_enabled' },
]

export const YEAR_RANGE = 'Year must be between 2020 and 2099'

/** `dates` holds the date inputs read (W-8): a date, or absent when left blank. */
export function cohortBody(form: Form, dates: { starts_on?: string; ends_on?: string }, options: { edit: boolean; payments_frozen_on?: string | null }): Body {
  const body: Body = {}
  if (!options.edit) body.year = formValue(form, 'year').trim()
  if (dates.starts_on !== undefined) body.starts_on = dates.starts_on
  if (dates.ends_on !== undefined) body.ends_on = dates.ends_on
  if (!options.edit) yesNo(body, form, 'partnerships_open')
  if (options.payments_frozen_on !== undefined) body.payments_frozen_on = options.payments_frozen_on
  for (const flag of ['mentor_funding_enabled', 'detailed_evidence_types_enabled', 'uplift_fees_enabled']) checkbox(body, form, flag)
  return body
}

// W-87 (P-21) and W-88's edit (P-22).
export const SCHOOL_TEXTS: FieldSpec[] = [
  { id: 'urn', blank: 'Enter a URN', invalid: 'URN must be 6 digits' },
  { id: 'name', ...nameTexts },
  { id: 'local_authority', tooLong: 'Local authority must be 255 characters or fewer' },
  { id: 'establishment_type', tooLong: 'Establishment type must be 255 characters or fewer' },
  { id: 'establishment_status', invalid: 'Select an establishment status' },
  { id: 'eligible', invalid: 'Select yes if the school is eligible for funded training' },
  { id: 'contact_email', invalid: 'Enter an email address in the correct format, like name@example.com', tooLong: 'Email address must be 255 characters or fewer' },
  { id: 'pupil_premium_uplift' },
  { id: 'sparsity_uplift' },
]

export const ESTABLISHMENT_STATUS_LABELS = {
  open: 'Open',
  closed: 'Closed',
  proposed_to_close: 'Proposed to close',
  proposed_to_open: 'Proposed to open',
} as const

export function schoolBody(form: Form, options: { edit: boolean }): Body {
  const body: Body = {}
  if (!options.edit) body.urn = formValue(form, 'urn').trim()
  body.name = formValue(form, 'name')
  optionalText(body, form, 'local_authority', true)
  optionalText(body, form, 'establishment_type', true)
  const status = formValue(form, 'establishment_status')
  if (status !== '') body.establishment_status = status
  yesNo(body, form, 'eligible')
  optionalText(body, form, 'contact_email', true)
  checkbox(body, form, 'pupil_premium_uplift')
  checkbox(body, form, 'sparsity_uplift')
  return body
}

// W-89 (P-24): the wizard's answers.
export const PARTNERSHIP_TEXTS: FieldSpec[] = [
  { id: 'cohort', attributes: ['cohort', 'urn'], blank: 'Select a cohort', invalid: 'Select a cohort' },
  { id: 'lead_provider_id', blank: 'Select a lead provider', invalid: 'Select a lead provider' },
  { id: 'delivery_partner_id', blank: 'Select a delivery partner', invalid: 'Select a delivery partner' },
]
export type PartnershipAnswers = { cohort?: number; lead_provider_id?: string; delivery_partner_id?: string }
export function partnershipBody(urn: string, answers: PartnershipAnswers): Body {
  return { urn, lead_provider_id: answers.lead_provider_id ?? '', delivery_partner_id: answers.delivery_partner_id ?? '', cohort: answers.cohort === undefined ? '' : String(answers.cohort) }
}

// W-91: the TRN lookup.
export const TRN_TEXTS = { blank: 'Enter a teacher reference number (TRN)', format: 'Teacher reference number must be 7 digits' }
/** The TRN asked, spaces removed; or the error to show. */
export function readTrn(value: string): { trn: string } | { error: string } {
  const trn = value.replace(/\s+/g, '')
  if (trn === '') return { error: TRN_TEXTS.blank }
  return /^\d{7}$/.test(trn) ? { trn } : { error: TRN_TEXTS.format }
}

// W-92 (S-54): reset.
export const RESET_TEXTS: FieldSpec[] = [
  { id: 'seed', invalid: 'Seed must be a whole number from 0 to 2147483647', blank: 'Seed must be a whole number from 0 to 2147483647' },
  { id: 'empty' },
]
export function resetBody(form: Form): Body {
  const body: Body = {}
  const seed = formValue(form, 'seed').trim()
  // A blank seed means the default (the last seeding's); digits are a number; anything else is sent as is, for the command to refuse.
  if (seed !== '') body.seed = /^\d{1,10}$/.test(seed) ? Number(seed) : seed
  body.empty = formValue(form, 'empty') === 'true'
  return body
}

// W-93 (S-50): a scenario.
export const SCENARIO_TEXTS: FieldSpec[] = [
  { id: 'scenario', blank: 'Select a scenario', invalid: 'Select a scenario' },
  { id: 'lead_provider_id', invalid: 'Select a lead provider' },
  { id: 'other_lead_provider_id', invalid: 'Select a lead provider' },
]
export function scenarioBody(form: Form): Body {
  const body: Body = { scenario: formValue(form, 'scenario') }
  for (const name of ['lead_provider_id', 'other_lead_provider_id']) {
    const value = formValue(form, name)
    if (value !== '' && value !== 'default') body[name] = value
  }
  return body
}
