// Reads and writes of schedules and milestones.
import type { ScheduleIdentifier } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'
import type { ScheduleDefinition } from './rules.ts'

/** The latest cohort before `year` that has schedules, with them (D-36). */
export async function latestEarlierSchedules(tx: Tx, year: number): Promise<{ year: number; schedules: ScheduleDefinition[] } | null> {
  const latest = await tx
    .selectFrom('schedules')
    .select('cohort_year')
    .where('cohort_year', '<', year)
    .orderBy('cohort_year', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!latest) return null
  const rows = await tx
    .selectFrom('schedules as s')
    .leftJoin('milestones as m', (j) => j.onRef('m.cohort_year', '=', 's.cohort_year').onRef('m.schedule_identifier', '=', 's.identifier'))
    .select(['s.identifier', 'm.declaration_type', 'm.start_date', 'm.milestone_date'])
    .where('s.cohort_year', '=', latest.cohort_year)
    .orderBy('s.identifier')
    .execute()
  const byIdentifier = new Map<ScheduleIdentifier, ScheduleDefinition>()
  for (const row of rows) {
    const schedule = byIdentifier.get(row.identifier) ?? { identifier: row.identifier, milestones: [] }
    byIdentifier.set(row.identifier, schedule)
    if (row.declaration_type !== null && row.start_date !== null) {
      schedule.milestones.push({ declaration_type: row.declaration_type, start_date: row.start_date, milestone_date: row.milestone_date })
    }
  }
  return { year: latest.cohort_year, schedules: [...byIdentifier.values()] }
}

export async function insertSchedules(tx: Tx, year: number, schedules: ScheduleDefinition[]): Promise<void> {
  if (schedules.length === 0) return
  await tx
    .insertInto('schedules')
    .values(schedules.map((s) => ({ cohort_year: year, identifier: s.identifier })))
    .onConflict((oc) => oc.doNothing())
    .execute()
  const milestones = schedules.flatMap((s) =>
    s.milestones.map((m) => ({ cohort_year: year, schedule_identifier: s.identifier, ...m })),
  )
  if (milestones.length === 0) return
  await tx.insertInto('milestones').values(milestones).onConflict((oc) => oc.doNothing()).execute()
}
