// D-36: creating a cohort creates its twelve schedules, in the cohort's own transaction.
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { FIRST_SCHEDULED_YEAR, LAST_TABLED_YEAR, shiftedSchedules, tabledSchedules, type ScheduleDefinition } from './rules.ts'
import { insertSchedules, latestEarlierSchedules } from './store.ts'

/**
 * 2021 … 2026 from the tables of D-33 … D-35; a later year copies the latest earlier cohort's
 * schedules with every date moved forward by the years between (decided: with no earlier cohort
 * stored, the 2026 table is the one copied); a year before 2021 gets none. Idempotent.
 */
export async function createSchedulesForCohort(tx: Tx, _clock: Clock, cohort: { year: number }): Promise<void> {
  await insertSchedules(tx, cohort.year, await schedulesFor(tx, cohort.year))
}

async function schedulesFor(tx: Tx, year: number): Promise<ScheduleDefinition[]> {
  if (year < FIRST_SCHEDULED_YEAR) return []
  if (year <= LAST_TABLED_YEAR) return tabledSchedules(year)
  const earlier = await latestEarlierSchedules(tx, year)
  if (earlier === null) return shiftedSchedules(tabledSchedules(LAST_TABLED_YEAR), year - LAST_TABLED_YEAR)
  return shiftedSchedules(earlier.schedules, year - earlier.year)
}
