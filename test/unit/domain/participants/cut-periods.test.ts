import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../../../src/clock.ts'
import { planMentorshipCut, planTrainingCut, type CutTraining } from '../../../../src/domain/participants/cut-periods.ts'

const tp = (id: string, started_on: string, finished_on: string | null, kind: 'confirmed' | 'awaiting' | 'school_led' = 'confirmed'): CutTraining => ({
  id, started_on, finished_on, confirmed: kind === 'confirmed', awaiting: kind === 'awaiting',
})

describe('R-12: cutting training at F', () => {
  const F = '2026-02-13'
  it('R-12 case 1: a period finished on or before F is unchanged', () => {
    expect(planTrainingCut([tp('a', '2025-09-01', '2026-02-13'), tp('b', '2025-09-01', '2025-10-01')], F, { deleteAwaiting: true }))
      .toEqual([{ id: 'a', action: 'keep' }, { id: 'b', action: 'keep' }])
  })
  it('R-12 case 2: a running period finishes on F, except an awaiting one cut by a change of training, which is deleted', () => {
    expect(planTrainingCut([tp('a', '2025-09-01', null), tp('b', '2025-09-01', '2026-03-01', 'school_led')], F, { deleteAwaiting: false })).toEqual([
      { id: 'a', action: 'finish', started_on: '2025-09-01', finished_on: F },
      { id: 'b', action: 'finish', started_on: '2025-09-01', finished_on: F },
    ])
    expect(planTrainingCut([tp('a', '2025-09-01', null, 'awaiting')], F, { deleteAwaiting: false })).toEqual([{ id: 'a', action: 'finish', started_on: '2025-09-01', finished_on: F }])
    expect(planTrainingCut([tp('a', '2025-09-01', null, 'awaiting')], F, { deleteAwaiting: true })).toEqual([{ id: 'a', action: 'delete' }])
  })
  it('R-12 case 3: a confirmed period not yet started becomes [F, F); any other is deleted', () => {
    expect(planTrainingCut([tp('a', '2026-03-01', null), tp('b', F, null, 'awaiting'), tp('c', '2026-04-01', null, 'school_led')], F, { deleteAwaiting: false })).toEqual([
      { id: 'a', action: 'empty', started_on: F, finished_on: F },
      { id: 'b', action: 'delete' },
      { id: 'c', action: 'delete' },
    ])
  })
  it('R-13: mentorships from F on are deleted, the one running past F finishes on F', () => {
    expect(planMentorshipCut([{ id: 'a', started_on: '2025-09-01', finished_on: '2025-12-01' }, { id: 'b', started_on: '2025-12-01', finished_on: null }, { id: 'c', started_on: F, finished_on: null }], '2026-01-01'))
      .toEqual([{ id: 'a', action: 'keep' }, { id: 'b', action: 'finish', finished_on: '2026-01-01' }, { id: 'c', action: 'delete' }])
  })
})

// Any sequence of "cut at F, then start new training [F, —)" keeps one teacher's periods apart.
const day = (n: number) => addDays('2025-09-01', n)
const kinds = fc.constantFrom('confirmed', 'awaiting', 'school_led') as fc.Arbitrary<'confirmed' | 'awaiting' | 'school_led'>
const steps = fc.array(fc.record({ at: fc.integer({ min: 0, max: 400 }), kind: kinds, deleteAwaiting: fc.boolean() }), { minLength: 1, maxLength: 12 })

function overlaps(a: CutTraining, b: CutTraining): boolean {
  const empty = (p: CutTraining) => p.finished_on === p.started_on
  if (empty(a) || empty(b)) return false
  const before = (p: CutTraining, q: CutTraining) => p.finished_on !== null && p.finished_on <= q.started_on
  return !before(a, b) && !before(b, a)
}

describe('R-10, R-12: properties', () => {
  it('R-12: periods never overlap and never end before they start after any sequence of cuts', () => {
    fc.assert(
      fc.property(steps, (sequence) => {
        let periods: CutTraining[] = []
        let n = 0
        for (const step of sequence) {
          const F = day(step.at)
          const plan = planTrainingCut(periods, F, { deleteAwaiting: step.deleteAwaiting })
          periods = plan.flatMap((s) => {
            const p = periods.find((q) => q.id === s.id)!
            if (s.action === 'delete') return []
            if (s.action === 'keep') return [p]
            return [{ ...p, started_on: s.started_on, finished_on: s.finished_on }]
          })
          periods.push(tp(`p${++n}`, F, null, step.kind))
        }
        for (const p of periods) {
          expect(p.finished_on === null || p.finished_on >= p.started_on).toBe(true)
          // only confirmed periods can be empty.
          if (p.finished_on === p.started_on) expect(p.confirmed).toBe(true)
        }
        for (let i = 0; i < periods.length; i++) for (let j = i + 1; j < periods.length; j++) expect(overlaps(periods[i]!, periods[j]!)).toBe(false)
      }),
      { numRuns: 500 },
    )
  })

  it('R-12: no confirmed period is ever deleted (R-32 membership is never lost)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ start: fc.integer({ min: 0, max: 300 }), length: fc.option(fc.integer({ min: 1, max: 200 })), kind: kinds }), { maxLength: 6 }), fc.integer({ min: 0, max: 400 }), fc.boolean(), (rows, at, deleteAwaiting) => {
        const periods = rows.map((r, i) => tp(`p${i}`, day(r.start), r.length === null ? null : day(r.start + r.length), r.kind))
        const plan = planTrainingCut(periods, day(at), { deleteAwaiting })
        for (const step of plan) if (step.action === 'delete') expect(periods.find((p) => p.id === step.id)!.confirmed).toBe(false)
      }),
    )
  })
})
