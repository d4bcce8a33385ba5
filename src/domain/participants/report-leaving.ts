// a school reports that an ECT or mentor is leaving, for any reason. A leaving date
// brings the period's end forward, never later (T-16); the reported date is always kept.
import type { Clock } from '../../clock.ts'
import { writeGuarded } from '../../db/constraints.ts'
import type { Tx } from '../../db/transaction.ts'
import { recordEvent } from '../events.ts'
import { Problems } from '../problems.ts'
import { endPeriod } from './cut-periods.ts'
import { fourMonthsFrom, fullName, latest, runsPast, text } from './rules.ts'
import { lockParticipant, setReportedLeaving, trainingOfPeriod } from './store.ts'
import { Touched } from './touched.ts'

export const LEAVING_FIELDS = ['leaving_on'] as const

export type LeavingInput = { leaving_on?: string }

export async function reportLeaving(
  tx: Tx,
  clock: Clock,
  periodId: string,
  input: LeavingInput,
  problems: Problems = new Problems(LEAVING_FIELDS),
): Promise<{ id: string }> {
  const { teacher, period } = await lockParticipant(tx, periodId)
  const check = async (into: Problems) => {
    const leavingOn = input.leaving_on
    if (leavingOn === undefined || into.has('leaving_on')) return
    if (leavingOn > fourMonthsFrom(clock.today)) into.add('leaving_on', text.leavingTooFar)
    if (!runsPast(period, leavingOn)) return
    const name = fullName(teacher)
    if (leavingOn <= period.started_on) into.add('leaving_on', text.leavingAfterStart(name, period.started_on))
    const started = latest((await trainingOfPeriod(tx, period.id)).filter((tp) => tp.started_on <= clock.today))
    if (started && leavingOn <= started.started_on) into.add('leaving_on', text.latestTrainingHere(name, started.started_on))
  }
  await check(problems)
  problems.throwIfAny()

  const leavingOn = input.leaving_on!
  await writeGuarded(
    tx,
    async () => {
      const touched = new Touched().teacher(teacher.id)
      await setReportedLeaving(tx, period.id, leavingOn, clock.now)
      // only an ongoing period, or one finishing after the date, changes (never pushed later).
      if (runsPast(period, leavingOn)) await endPeriod(tx, clock, period, leavingOn, touched)
      await touched.bump(tx, clock)
    },
    async () => {
      const again = new Problems(LEAVING_FIELDS)
      await check(again)
      return again.empty ? [{ attribute: 'leaving_on', detail: `The '#/leaving_on' you have entered is invalid.` }] : again.list()
    },
  )
  await recordEvent(tx, clock, { author: 'operator', action: `${period.role}.leaving_reported`, subject_type: 'at_school_period', subject_id: period.id, data: { leaving_on: leavingOn } })
  return { id: period.id }
}
