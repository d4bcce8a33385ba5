// Schedules and milestones as data (D-30 … D-36): the twelve identifiers, which roles may hold
// them, and the milestones a new cohort's schedules get.
import { addYears } from '../../clock.ts'
import type { DeclarationType, Role, ScheduleIdentifier } from '../../db/schema.ts'

export const SCHEDULE_KINDS = ['standard', 'extended', 'reduced', 'replacement'] as const
export const SCHEDULE_MONTHS = ['september', 'january', 'april'] as const
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number]
export type ScheduleMonth = (typeof SCHEDULE_MONTHS)[number]

/** D-30: the twelve identifiers. */
export const SCHEDULE_IDENTIFIERS: readonly ScheduleIdentifier[] = SCHEDULE_KINDS.flatMap((kind) =>
  SCHEDULE_MONTHS.map((month) => `ecf-${kind}-${month}` as ScheduleIdentifier),
)

/** D-40 order. */
export const DECLARATION_TYPES: readonly DeclarationType[] = [
  'started', 'retained-1', 'retained-2', 'retained-3', 'retained-4', 'completed', 'extended-1', 'extended-2', 'extended-3',
]

export function isScheduleIdentifier(value: string): value is ScheduleIdentifier {
  return (SCHEDULE_IDENTIFIERS as readonly string[]).includes(value)
}

export function scheduleKind(identifier: ScheduleIdentifier): ScheduleKind {
  return identifier.split('-')[1] as ScheduleKind
}

/** D-30: ECTs hold standard, extended and reduced; mentors standard, extended and replacement. */
export function roleMayHold(role: Role, identifier: ScheduleIdentifier): boolean {
  const kind = scheduleKind(identifier)
  return role === 'ect' ? kind !== 'replacement' : kind !== 'reduced'
}

/** D-30: extended schedules accept all nine types, the others the first six. */
export function declarationTypesOf(identifier: ScheduleIdentifier): readonly DeclarationType[] {
  return scheduleKind(identifier) === 'extended' ? DECLARATION_TYPES : DECLARATION_TYPES.slice(0, 6)
}

export type Milestone = { declaration_type: DeclarationType; start_date: string; milestone_date: string | null }
export type ScheduleDefinition = { identifier: ScheduleIdentifier; milestones: Milestone[] }

/** D-33: standard schedules of 2021 … 2024, per month: [start, milestone] of the six types. */
const STANDARD_2021_2024: Record<number, Record<ScheduleMonth, [string, string][]>> = {
  2021: {
    september: [['2021-09-01', '2021-11-30'], ['2021-09-01', '2022-01-31'], ['2022-02-01', '2022-04-30'], ['2022-05-01', '2022-09-30'], ['2022-10-01', '2023-01-31'], ['2023-02-01', '2023-04-30']],
    january: [['2021-12-01', '2022-01-31'], ['2022-02-01', '2022-04-30'], ['2022-05-01', '2022-09-30'], ['2022-10-01', '2023-01-31'], ['2023-02-01', '2023-04-30'], ['2023-05-01', '2023-09-30']],
    april: [['2022-02-01', '2022-05-31'], ['2022-05-01', '2022-09-30'], ['2022-10-01', '2023-01-31'], ['2023-02-01', '2023-04-30'], ['2023-05-01', '2023-09-30'], ['2023-10-01', '2024-01-31']],
  },
  2022: {
    september: [['2022-06-01', '2022-12-31'], ['2023-01-01', '2023-03-31'], ['2023-04-01', '2023-07-31'], ['2023-08-01', '2023-12-31'], ['2024-01-01', '2024-03-31'], ['2024-04-01', '2024-07-31']],
    january: [['2023-01-01', '2023-03-31'], ['2023-04-01', '2023-07-31'], ['2023-08-01', '2023-12-31'], ['2024-01-01', '2024-03-31'], ['2024-04-01', '2024-07-31'], ['2024-08-01', '2024-12-31']],
    april: [['2023-04-01', '2023-07-31'], ['2023-08-01', '2023-12-31'], ['2024-01-01', '2024-03-31'], ['2024-04-01', '2024-07-31'], ['2024-08-01', '2024-12-31'], ['2025-01-01', '2025-03-31']],
  },
  2023: {
    september: [['2023-06-01', '2023-12-31'], ['2024-01-01', '2024-03-31'], ['2024-04-01', '2024-07-31'], ['2024-08-01', '2024-12-31'], ['2025-01-01', '2025-03-31'], ['2025-04-01', '2025-07-31']],
    january: [['2024-01-01', '2024-03-31'], ['2024-04-01', '2024-07-31'], ['2024-08-01', '2024-12-31'], ['2025-01-01', '2025-03-31'], ['2025-04-01', '2025-07-31'], ['2025-08-01', '2025-12-31']],
    april: [['2024-04-01', '2024-07-31'], ['2024-08-01', '2024-12-31'], ['2025-01-01', '2025-03-31'], ['2025-04-01', '2025-07-31'], ['2025-08-01', '2025-12-31'], ['2026-01-01', '2026-03-31']],
  },
  2024: {
    september: [['2024-06-01', '2024-12-31'], ['2025-01-01', '2025-03-31'], ['2025-04-01', '2025-07-31'], ['2025-08-01', '2025-12-31'], ['2026-01-01', '2026-03-31'], ['2026-04-01', '2026-07-31']],
    january: [['2025-01-01', '2025-03-31'], ['2025-04-01', '2025-07-31'], ['2025-08-01', '2025-12-31'], ['2026-01-01', '2026-03-31'], ['2026-04-01', '2026-07-31'], ['2026-08-01', '2026-12-31']],
    april: [['2025-04-01', '2025-07-31'], ['2025-08-01', '2025-12-31'], ['2026-01-01', '2026-03-31'], ['2026-04-01', '2026-07-31'], ['2026-08-01', '2026-12-31'], ['2027-01-01', '2027-03-31']],
  },
}

export const FIRST_SCHEDULED_YEAR = 2021
export const LAST_TABLED_YEAR = 2026

/**
 * D-34, D-35: one start date for every type; standard-september of a new-rules cohort starts
 * 1 June, every other september schedule 1 September, january and april the next year.
 */
function sameStartFor(year: number, kind: ScheduleKind, month: ScheduleMonth): string {
  if (month === 'january') return `${year + 1}-01-01`
  if (month === 'april') return `${year + 1}-04-01`
  return kind === 'standard' ? `${year}-06-01` : `${year}-09-01`
}

/** D-33 … D-35: the schedules of a cohort from 2021 to 2026 (none before 2021). */
export function tabledSchedules(year: number): ScheduleDefinition[] {
  if (year < FIRST_SCHEDULED_YEAR || year > LAST_TABLED_YEAR) return []
  return SCHEDULE_IDENTIFIERS.map((identifier) => {
    const [, kind, month] = identifier.split('-') as [string, ScheduleKind, ScheduleMonth]
    const standard = kind === 'standard' ? STANDARD_2021_2024[year]?.[month] : undefined
    const milestones = declarationTypesOf(identifier).map((declaration_type, i) =>
      standard
        ? { declaration_type, start_date: standard[i]![0], milestone_date: standard[i]![1] }
        : { declaration_type, start_date: sameStartFor(year, kind, month), milestone_date: null },
    )
    return { identifier, milestones }
  })
}

/** D-36: a later year copies an earlier cohort's schedules with every date moved by the years between. */
export function shiftedSchedules(from: ScheduleDefinition[], years: number): ScheduleDefinition[] {
  return from.map(({ identifier, milestones }) => ({
    identifier,
    milestones: milestones.map((m) => ({
      declaration_type: m.declaration_type,
      start_date: addYears(m.start_date, years),
      milestone_date: m.milestone_date === null ? null : addYears(m.milestone_date, years),
    })),
  }))
}
