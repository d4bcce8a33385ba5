// S-32: the seed is a list of dated steps replayed in date order, all in one transaction. Each
// step gets a fixed clock: 10:00 Europe/London on its date (00:00 for steps dated T), plus k
// seconds for the k-th step of that date, so timestamps are distinct and reproducible.
import { clockAt, londonInstant, type Clock } from '../clock.ts'
import type { Tx } from '../db/transaction.ts'

export type Step = {
  /** `YYYY-MM-DD`, on or before T. */
  on: string
  /** What the step does, for errors and tests. */
  name: string
  run: (tx: Tx, clock: Clock) => Promise<void>
}

export function stepClock(on: string, seedingDate: string, k: number): Clock {
  const base = londonInstant(on, on === seedingDate ? '00:00:00' : '10:00:00')
  return clockAt(new Date(base.getTime() + k * 1000))
}

/** Steps in date order (stable within a date), then `after` (dated T) once the replay is done. */
export function orderSteps(steps: Step[], after: Step[]): Step[] {
  return [...steps.map((s, i) => ({ s, i })).sort((a, b) => (a.s.on < b.s.on ? -1 : a.s.on > b.s.on ? 1 : a.i - b.i)).map((x) => x.s), ...after]
}

export async function runSteps(tx: Tx, ordered: Step[], seedingDate: string): Promise<void> {
  const perDate = new Map<string, number>()
  for (const step of ordered) {
    const k = perDate.get(step.on) ?? 0
    perDate.set(step.on, k + 1)
    try {
      await step.run(tx, stepClock(step.on, seedingDate, k))
    } catch (error) {
      throw new Error(`seed step '${step.name}' on ${step.on} failed: ${(error as Error).message}`, { cause: error })
    }
  }
}
