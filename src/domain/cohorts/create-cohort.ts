// P-10: a new cohort, with its defaults; the year is unique and the dates never overlap another.
import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import { unexplainedConflict, writeOrConflict } from '../../db/constraints.ts'
import type { Tx } from '../../db/transaction.ts'
import { recordEvent } from '../events.ts'
import { createSchedulesForCohort } from '../schedules/create-schedules-for-cohort.ts'
import { Problems } from '../problems.ts'
import { checkDateOrder, checkYearRange, cohortDefaults, COHORT_FIELDS, DUPLICATE_YEAR, overlapText, type CohortSettings } from './rules.ts'
import { COHORT_CONSTRAINTS, findCohortByYear, firstOverlappingYear, insertCohort, lockCohortWrites } from './store.ts'

export type CreateCohortInput = { id?: string; year: number } & Partial<CohortSettings>

type Resolved = { year: number } & CohortSettings

async function check(tx: Tx, cohort: Resolved, problems: Problems): Promise<void> {
  if (problems.has('year')) return
  checkYearRange(problems, cohort.year)
  if (problems.has('year')) return
  if (await findCohortByYear(tx, cohort.year)) {
    problems.add('year', DUPLICATE_YEAR)
    return
  }
  if (!problems.allValid('starts_on', 'ends_on')) return
  if (!checkDateOrder(problems, cohort.starts_on, cohort.ends_on)) return
  const overlapping = await firstOverlappingYear(tx, cohort.starts_on, cohort.ends_on, null)
  // the same year committed by a concurrent request between the two reads is a duplicate.
  if (overlapping === cohort.year) problems.add('year', DUPLICATE_YEAR)
  else if (overlapping !== null) problems.add('starts_on', overlapText(overlapping))
}

/**
 * `problems` holds what the caller found reading the wire (C-76); a field with a problem there
 * may be missing from `input` and is not checked again. Throws InvalidError with every problem.
 */
export async function createCohort(
  tx: Tx,
  clock: Clock,
  input: CreateCohortInput,
  problems: Problems = new Problems(COHORT_FIELDS),
): Promise<{ id: string }> {
  if (problems.has('year')) {
    // The defaults and the other checks hang on the year; only explicit dates can still be compared.
    const { starts_on: startsOn, ends_on: endsOn } = input
    if (startsOn !== undefined && endsOn !== undefined && problems.allValid('starts_on', 'ends_on')) checkDateOrder(problems, startsOn, endsOn)
    problems.throwIfAny()
  }
  const { id: given, year, ...settings } = input
  const cohort: Resolved = { year, ...cohortDefaults(year) }
  for (const [key, value] of Object.entries(settings)) if (value !== undefined) Object.assign(cohort, { [key]: value })
  await lockCohortWrites(tx)
  await check(tx, cohort, problems)
  problems.throwIfAny()

  const id = given ?? randomUUID()
  const conflict = await writeOrConflict(tx, COHORT_CONSTRAINTS, () =>
    insertCohort(tx, { id, ...cohort, created_at: clock.now, updated_at: clock.now }),
  )
  if (conflict !== null) {
    // a concurrent request won; its row is visible now, so the checks give the slow path's 422.
    await check(tx, cohort, problems)
    problems.throwIfAny()
    throw unexplainedConflict(conflict)
  }
  await createSchedulesForCohort(tx, clock, cohort) // D-36
  await recordEvent(tx, clock, { author: 'operator', action: 'cohort.created', subject_type: 'cohort', subject_id: id, data: cohort })
  return { id }
}
