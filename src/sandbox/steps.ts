// S-32: the seed is a list of dated steps replayed in date order, all in one transaction. Each
// step gets a fixed clock: 10:00 Europe/London on its date (00:00 for steps dated T), plus k
// seconds for the k-th step of that date, so timestamps are distinct and reproducible. S-30:
// every row a step creates takes its id from the step's entity key, through the transaction's
// id source (domain/ids.ts), so the same replay writes the same ids.
import { clockAt, londonInstant, type Clock } from '../clock.ts'
import type { Tx } from '../db/transaction.ts'
import { setIdSource, type IdKind, type IdSource } from '../domain/ids.ts'
import { seedId } from './derive.ts'

export type Step = {
  /** `YYYY-MM-DD`, on or before T. */
  on: string
  /** What the step does, for errors and tests; unique, so it also keys the ids of a step without `key`. */
  name: string
  /** The entity key of what the step creates (S-30): the first id of kind `primary` is this key's. */
  key?: string
  primary?: IdKind
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

/** `<key>` for the step's first id of its primary kind, `<key>:<kind>[:n]` for the others. */
export function stepIdSource(seed: number, step: Pick<Step, 'key' | 'primary' | 'name'>): IdSource {
  const key = step.key ?? `step:${step.name}`
  const used = new Map<IdKind, number>()
  return (kind) => {
    const n = used.get(kind) ?? 0
    used.set(kind, n + 1)
    if (n === 0 && kind === step.primary) return seedId(seed, key)
    return seedId(seed, n === 0 ? `${key}:${kind}` : `${key}:${kind}:${n}`)
  }
}

/** Runs the steps in order; `clockOf` gives the k-th step of a date its clock (stepClock for the seed). */
export async function runSteps(tx: Tx, ordered: Step[], seed: number, clockOf: (on: string, k: number) => Clock): Promise<void> {
  const perDate = new Map<string, number>()
  try {
    for (const step of ordered) {
      const k = perDate.get(step.on) ?? 0
      perDate.set(step.on, k + 1)
      setIdSource(tx, stepIdSource(seed, step))
      try {
        await step.run(tx, clockOf(step.on, k))
      } catch (error) {
        throw new Error(`seed step '${step.name}' on ${step.on} failed: ${(error as Error).message}`, { cause: error })
      }
    }
  } finally {
    setIdSource(tx, null)
  }
}
