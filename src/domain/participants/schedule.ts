// D-37: the default schedule of a new provider-led training period (R-22 step 4, R-29).
import type { Clock } from '../../clock.ts'
import type { Role } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'
import { latestProviderLedTraining, mentorsReplacedMentee } from './store.ts'

export type ScheduleMonth = 'september' | 'january' | 'april'

/** D-37: 1 June–31 October september, 1 November–end of February january, 1 March–31 May april. */
export function scheduleMonth(day: string): ScheduleMonth {
  const month = Number(day.slice(5, 7))
  if (month >= 6 && month <= 10) return 'september'
  if (month >= 3 && month <= 5) return 'april'
  return 'january'
}

/** D-37: the later of the TP's `started_on` and today, the day `<month>` is read from. */
export function scheduleDay(startedOn: string, today: string): string {
  return startedOn > today ? startedOn : today
}

/**
 * D-37 as a pure choice, first rule that applies: (1) a frozen-cohort reassignment (D-38) is
 * `ecf-extended-september`; (2) the identifier of the teacher's earlier provider-led training in
 * the role; (3) a replacement mentor is `ecf-replacement-<month>`; (4) `ecf-standard-<month>`.
 */
export function chooseSchedule(input: { startedOn: string; today: string; earlier: string | null; reassigned?: boolean; replacement?: boolean }): string {
  if (input.reassigned) return 'ecf-extended-september'
  if (input.earlier !== null) return input.earlier
  const month = scheduleMonth(scheduleDay(input.startedOn, input.today))
  return input.replacement ? `ecf-replacement-${month}` : `ecf-standard-${month}`
}

/**
 * D-37 for a new period of this teacher and role; `reassigned` when D-38 moved it to 2024. Reads
 * the earlier provider-led training (rule 2) and, for a mentor, whether they replace another
 * mentor who already has a declaration on one of their ECTs (rule 3).
 */
export async function defaultSchedule(tx: Tx, clock: Clock, teacherId: string, role: Role, startedOn: string, reassigned = false): Promise<string> {
  const earlier = await latestProviderLedTraining(tx, teacherId, role)
  const replacement = role === 'mentor' && !reassigned && earlier === undefined && (await mentorsReplacedMentee(tx, teacherId, scheduleDay(startedOn, clock.today)))
  return chooseSchedule({ startedOn, today: clock.today, earlier: earlier?.schedule_identifier ?? null, reassigned, replacement })
}
