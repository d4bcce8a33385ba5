// Cohort rules (P-1, P-10, P-11): defaults from the year and the checks on its dates.
import { addYears } from '../../clock.ts'
import { say, type Problems } from '../problems.ts'

export const COHORT_FIELDS = [
  'year',
  'starts_on',
  'ends_on',
  'partnerships_open',
  'payments_frozen_on',
  'mentor_funding_enabled',
  'detailed_evidence_types_enabled',
  'uplift_fees_enabled',
] as const

export const FIRST_YEAR = 2020
export const LAST_YEAR = 2099

export type CohortSettings = {
  starts_on: string
  ends_on: string
  partnerships_open: boolean
  payments_frozen_on: string | null
  mentor_funding_enabled: boolean
  detailed_evidence_types_enabled: boolean
  uplift_fees_enabled: boolean
}

/** P-10 defaults for a new cohort of `year`. */
export function cohortDefaults(year: number): CohortSettings {
  const starts = `${year}-06-01`
  return {
    starts_on: starts,
    ends_on: addYears(starts, 1),
    partnerships_open: true,
    payments_frozen_on: null,
    mentor_funding_enabled: year >= 2025,
    detailed_evidence_types_enabled: year >= 2025,
    uplift_fees_enabled: year <= 2024,
  }
}

export function checkYearRange(problems: Problems, year: number): void {
  if (year < FIRST_YEAR || year > LAST_YEAR) problems.add('year', say.mustBe('year', 'a year such as "2025"'))
}

/** P-10: `ends_on` is exclusive and must come after `starts_on`. True when the dates are usable. */
export function checkDateOrder(problems: Problems, startsOn: string, endsOn: string): boolean {
  if (endsOn > startsOn) return true
  problems.add('ends_on', "The '#/ends_on' must be after the '#/starts_on'.")
  return false
}

export const overlapText = (year: number) => `The dates overlap the ${year} cohort.`
export const DUPLICATE_YEAR = 'A cohort for this year already exists.'
