// D-37: the default schedule of a new provider-led training period (R-22 step 4, R-29).
import type { Clock } from '../../clock.ts'
import type { Role } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'
import { latestProviderLedTraining } from './store.ts'

export type ScheduleMonth = 'september' | 'january' | 'april'

/** D-37: 1 June–31 October september, 1 November–end of February january, 1 March–31 May april. */
export function scheduleMonth(day: string): ScheduleMonth {
  const month = Number(day.slice(5, 7))
  if (month >= 6 && month <= 10) return 'september'
  if (month >= 3 && month <= 5) return 'april'
  return 'january'
}

/**
 * D-37 rules 2 and 4 as a pure choice: the identifier of the teacher's earlier provider-led
 * training in the role, else `ecf-standard-<month>` from the later of `started_on` and today.
 * Rule 1 (D-38 frozen-cohort reassignment) and rule 3 (replacement mentors, which needs
 * declarations) are decided by the caller and passed as `override`; until the declarations
 * work lands no caller passes one.
 */
export function chooseSchedule(input: { startedOn: string; today: string; earlier: string | null; override?: string | null }): string {
  if (input.override) return input.override
  if (input.earlier !== null) return input.earlier
  const from = input.startedOn > input.today ? input.startedOn : input.today
  return `ecf-standard-${scheduleMonth(from)}`
}

/** D-37 for a new period of this teacher and role; reads the earlier provider-led training. */
export async function defaultSchedule(tx: Tx, clock: Clock, teacherId: string, role: Role, startedOn: string): Promise<string> {
  const earlier = await latestProviderLedTraining(tx, teacherId, role)
  return chooseSchedule({ startedOn, today: clock.today, earlier: earlier?.schedule_identifier ?? null, override: replacementHook() })
}

/** D-37 rules 1 and 3 hook: D-38 and replacement schedules come with declarations (spec/06). */
function replacementHook(): string | null {
  return null
}
