// S-31, S-33: the seeding date T and the cohorts it implies.
import { addDays } from '../clock.ts'

export const EARLIEST_SEEDING_DATE = '2026-08-01'
export const SEEDING_DATE_TOO_EARLY = 'The sandbox data set needs a seeding date on or after 2026-08-01'

/** S-33's fixed cohorts; later ones (T ≥ 2027-06-01) start on 1 June, open, not frozen. */
export const FIXED_COHORTS = [
  { year: 2021, starts_on: '2021-06-01', partnerships_open: false, payments_frozen_on: '2024-06-18' },
  { year: 2022, starts_on: '2022-06-01', partnerships_open: false, payments_frozen_on: '2025-06-16' },
  { year: 2023, starts_on: '2023-06-01', partnerships_open: true, payments_frozen_on: null },
  { year: 2024, starts_on: '2024-06-01', partnerships_open: true, payments_frozen_on: null },
  { year: 2025, starts_on: '2025-06-01', partnerships_open: true, payments_frozen_on: null },
  { year: 2026, starts_on: '2026-06-01', partnerships_open: true, payments_frozen_on: null },
] as const

export type CohortPlan = { year: number; starts_on: string; partnerships_open: boolean; payments_frozen_on: string | null }

export type SeedDates = {
  /** T */
  seedingDate: string
  cohorts: CohortPlan[]
  /** C: the latest cohort starting at least 60 days before T. */
  current: number
  /** P = C − 1 */
  previous: number
  /** S_C: the earlier of 1 September of C and T − 30 days. */
  currentStart: string
  /** S_P: 1 September of P. */
  previousStart: string
}

export function isSeedingDateAllowed(date: string): boolean {
  return date >= EARLIEST_SEEDING_DATE
}

/** The year of the cohort containing a date (cohorts run 1 June to 1 June). */
function cohortYearOf(date: string): number {
  const year = Number(date.slice(0, 4))
  return date.slice(5) >= '06-01' ? year : year - 1
}

export function seedDates(seedingDate: string): SeedDates {
  if (!isSeedingDateAllowed(seedingDate)) throw new RangeError(SEEDING_DATE_TOO_EARLY)
  const cohorts: CohortPlan[] = FIXED_COHORTS.map((c) => ({ ...c }))
  for (let year = 2027; year <= cohortYearOf(seedingDate); year++) {
    cohorts.push({ year, starts_on: `${year}-06-01`, partnerships_open: true, payments_frozen_on: null })
  }
  const cutoff = addDays(seedingDate, -60)
  const current = Math.max(...cohorts.filter((c) => c.starts_on <= cutoff).map((c) => c.year))
  const september = `${current}-09-01`
  const thirtyBefore = addDays(seedingDate, -30)
  return {
    seedingDate,
    cohorts,
    current,
    previous: current - 1,
    currentStart: september < thirtyBefore ? september : thirtyBefore,
    previousStart: `${current - 1}-09-01`,
  }
}
