// Pure decisions about partnerships: the checks of P-52 and P-54 with upstream's exact texts, and
// the programme choice of P-26. Data in, problems out; the commands load the facts.
import type { Problem } from '../../errors.ts'

export type ProgrammeChoice = 'provider_led' | 'school_led' | 'not_yet_known'

/** P-26 over the school's training periods of one cohort. */
export function programmeChoiceOf(periods: { anyProviderLed: boolean; count: number }): ProgrammeChoice {
  if (periods.anyProviderLed) return 'provider_led'
  return periods.count > 0 ? 'school_led' : 'not_yet_known'
}

export const texts = {
  enter: (name: string) => `Enter a '#/${name}'.`,
  cohortInvalid: "The '#/cohort' you have entered is invalid. Check cohort details and try again.",
  cohortFuture: 'You cannot create a partnership for a future cohort.',
  cohortClosed: 'You cannot create this partnership as the cohort is closed.',
  schoolInvalid:
    "The '#/school_id' you have entered is invalid. Check school details and try again. Contact the DfE for support if you are unable to find the '#/school_id'.",
  schoolIneligible: 'The school you have entered is currently ineligible for DfE funding. Contact the school for more information.',
  deliveryPartnerInvalid: "The '#/delivery_partner_id' you have entered is invalid. Check delivery partner details and try again.",
  notPaired:
    'The entered delivery partner is not recognised to be working in partnership with you for the given cohort. Contact the DfE for more information.',
  duplicate: 'You are already in a confirmed partnership with this school for the entered cohort.',
  schoolLed: 'This school has only registered school-led participants. Contact the school for more information.',
  alreadyOnPairing:
    'We are unable to process this request. You are already confirmed to be in partnership with the entered delivery partner. Contact the DfE for support.',
  // P-24, beyond C-77.
  operatorNotPaired: 'The delivery partner is not paired with this lead provider for the cohort.',
  operatorDuplicate: 'This school already has a partnership with this lead provider and delivery partner for the cohort.',
}

/** C-22 text of a v3 attribute, or null when blank. */
export type WireText = string | null

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** P-52, P-54: ids are found when they equal one ignoring letter case; other text names nothing. */
export function idOf(text: WireText): string | null {
  return text !== null && UUID.test(text) ? text.toLowerCase() : null
}

/** P-52: a cohort is found when its text is all digits naming a cohort (decided). */
export function cohortYearOf(text: WireText): number | null {
  if (text === null || !/^\d{1,9}$/.test(text)) return null
  return Number(text)
}

export type CreateFacts = {
  cohort: { starts_on: string; partnerships_open: boolean } | null
  school: { eligible: boolean } | null
  deliveryPartnerFound: boolean
  /** A pairing (caller, delivery partner, cohort); false when either is not found. */
  paired: boolean
  /** The school has a partnership with the caller in the cohort (row 11). */
  duplicate: boolean
  programme: ProgrammeChoice | null
}

/**
 * P-52: every check in order, every failure reported (C-30 groups them by title). `input` holds
 * the C-22 text of each attribute (null when blank).
 */
export function createProblems(
  input: { cohort: WireText; school_id: WireText; delivery_partner_id: WireText },
  facts: CreateFacts,
  today: string,
): Problem[] {
  const problems: Problem[] = []
  const add = (attribute: string, detail: string) => problems.push({ attribute, detail })
  if (input.cohort === null) add('cohort', texts.enter('cohort'))
  if (input.school_id === null) add('school_id', texts.enter('school_id'))
  if (input.delivery_partner_id === null) add('delivery_partner_id', texts.enter('delivery_partner_id'))
  const { cohort, school } = facts
  if (input.cohort !== null) {
    if (cohort === null) add('cohort', texts.cohortInvalid)
    else if (cohort.starts_on > today) add('cohort', texts.cohortFuture)
    else if (!cohort.partnerships_open) add('cohort', texts.cohortClosed)
  }
  if (input.school_id !== null) {
    if (school === null) add('school_id', texts.schoolInvalid)
    else if (!school.eligible) add('school_id', texts.schoolIneligible)
  }
  if (input.delivery_partner_id !== null && !facts.deliveryPartnerFound) add('delivery_partner_id', texts.deliveryPartnerInvalid)
  if (facts.deliveryPartnerFound && !facts.paired) add('delivery_partner_id', texts.notPaired)
  if (school !== null && cohort !== null) {
    if (facts.duplicate) add('school_id', texts.duplicate)
    if (facts.programme === 'school_led') add('school_id', texts.schoolLed)
  }
  return problems
}

export type UpdateFacts = { deliveryPartnerFound: boolean; paired: boolean; alreadyOnPairing: boolean }

/** P-54: the first failing check only, titled `delivery_partner_id`. */
export function updateProblem(deliveryPartnerId: WireText, facts: UpdateFacts): Problem | null {
  const problem = (detail: string): Problem => ({ attribute: 'delivery_partner_id', detail })
  if (deliveryPartnerId === null) return problem(texts.enter('delivery_partner_id'))
  if (!facts.deliveryPartnerFound) return problem(texts.deliveryPartnerInvalid)
  if (!facts.paired) return problem(texts.notPaired)
  if (facts.alreadyOnPairing) return problem(texts.alreadyOnPairing)
  return null
}
