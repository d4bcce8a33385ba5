// P-11: change a cohort's dates or settings; its year never changes (an equal value is ignored).
import type { Clock } from '../../clock.ts'
import { unexplainedConflict, writeOrConflict } from '../../db/constraints.ts'
import type { Tx } from '../../db/transaction.ts'
import { NotFoundError } from '../../errors.ts'
import { recordEvent } from '../events.ts'
import { bumpTeachersTrainingInCohort } from '../stamps.ts'
import { Problems, say } from '../problems.ts'
import { checkDateOrder, COHORT_FIELDS, overlapText, type CohortSettings } from './rules.ts'
import { COHORT_CONSTRAINTS, findCohortByYear, firstOverlappingYear, lockCohortWrites, updateCohortRow } from './store.ts'

export type CohortChanges = { year?: number } & Partial<CohortSettings>

async function checkDates(tx: Tx, year: number, startsOn: string, endsOn: string, problems: Problems): Promise<void> {
  if (!problems.allValid('starts_on', 'ends_on')) return
  if (!checkDateOrder(problems, startsOn, endsOn)) return
  const overlapping = await firstOverlappingYear(tx, startsOn, endsOn, year)
  if (overlapping !== null) problems.add('starts_on', overlapText(overlapping))
}

/** Absent fields keep their value (C-79); date checks apply to the resulting dates. */
export async function updateCohort(
  tx: Tx,
  clock: Clock,
  year: number,
  changes: CohortChanges,
  problems: Problems = new Problems(COHORT_FIELDS),
): Promise<{ id: string }> {
  await lockCohortWrites(tx)
  const current = await findCohortByYear(tx, year)
  if (!current) throw new NotFoundError()
  const { year: newYear, ...settings } = changes
  if (newYear !== undefined && newYear !== year) problems.add('year', say.cannotChange('year'))
  const set: Partial<CohortSettings> = {}
  for (const [key, value] of Object.entries(settings) as [keyof CohortSettings, unknown][]) {
    if (value !== undefined && value !== current[key]) Object.assign(set, { [key]: value })
  }
  const startsOn = set.starts_on ?? current.starts_on
  const endsOn = set.ends_on ?? current.ends_on
  await checkDates(tx, year, startsOn, endsOn, problems)
  problems.throwIfAny()
  if (Object.keys(set).length === 0) return { id: current.id }

  const conflict = await writeOrConflict(tx, COHORT_CONSTRAINTS, () => updateCohortRow(tx, year, { ...set, updated_at: clock.now }))
  if (conflict !== null) {
    await checkDates(tx, year, startsOn, endsOn, problems)
    problems.throwIfAny()
    throw unexplainedConflict(conflict)
  }
  // participants in the cohort show uplifts only while it pays them; R-14 moves their stamps.
  if ('uplift_fees_enabled' in set) await bumpTeachersTrainingInCohort(tx, clock.now, year)
  await recordEvent(tx, clock, { author: 'operator', action: 'cohort.updated', subject_type: 'cohort', subject_id: current.id, data: set })
  return { id: current.id }
}
