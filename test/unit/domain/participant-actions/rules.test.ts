import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../../../src/clock.ts'
import {
  continuationEnd,
  deferProblems,
  finishedByToday,
  resumeProblems,
  roleOf,
  withdrawProblems,
  withinMilestone,
  type TargetTraining,
} from '../../../../src/domain/participant-actions/rules.ts'
import { trainingStatusOf } from '../../../../src/domain/participants-feed/rules.ts'

const day = fc.integer({ min: 0, max: 2000 }).map((n) => addDays('2024-01-01', n))
const instant = fc.integer({ min: 0, max: 2000 * 86400 }).map((s) => new Date(Date.parse('2024-01-01T00:00:00Z') + s * 1000))
const tp = fc.record({
  role: fc.constantFrom('ect' as const, 'mentor' as const),
  started_on: day,
  finished_on: fc.option(day, { nil: null }),
  withdrawn_at: fc.option(instant, { nil: null }),
  deferred_at: fc.option(instant, { nil: null }),
  cohort_year: fc.constant(2025),
  schedule_identifier: fc.constant('ecf-standard-september'),
}) as fc.Arbitrary<TargetTraining>

describe('participant action rules', () => {
  it('D-2: only the two exact course identifiers name a role', () => {
    expect([roleOf('ecf-induction'), roleOf('ecf-mentor'), roleOf('ecf_induction'), roleOf(null), roleOf('ECF-MENTOR')]).toEqual(['ect', 'mentor', null, null, null])
  })

  it('D-12, D-13: with a valid role and reason, withdraw and defer pass exactly when the TP started before today and is not already in that state', () => {
    fc.assert(
      fc.property(tp, day, (training, today) => {
        const status = trainingStatusOf(training)
        const w = withdrawProblems({ role: training.role, tp: training, reason: 'other', today })
        expect(w.length === 0).toBe(status !== 'withdrawn' && training.started_on < today)
        const d = deferProblems({ role: training.role, tp: training, reason: 'other', today })
        expect(d.length === 0).toBe(status === 'active' && training.started_on < today)
        // One participant_id error at most: each check runs only if the previous passed.
        expect(d.filter((p) => p.attribute === 'participant_id').length).toBeLessThanOrEqual(1)
      }),
    )
  })

  it('D-12, D-13: the TP ends on the earlier of its finished_on and today — never later than either', () => {
    fc.assert(
      fc.property(fc.option(day, { nil: null }), day, (finishedOn, today) => {
        const end = finishedByToday(finishedOn, today)
        expect(end <= today).toBe(true)
        if (finishedOn !== null) expect(end <= finishedOn).toBe(true)
      }),
    )
  })

  it('D-23: a continuation ends after today or never, and never after either of its bounds', () => {
    fc.assert(
      fc.property(fc.option(day, { nil: null }), fc.option(day, { nil: null }), day, (a, b, today) => {
        const end = continuationEnd(a, b, today)
        if (end !== null) {
          expect(end > today).toBe(true)
          for (const bound of [a, b]) if (bound !== null && bound > today) expect(end <= bound).toBe(true)
        } else {
          expect([a, b].every((x) => x === null || x <= today)).toBe(true)
        }
      }),
    )
  })

  it('D-14: resume stops at its first failing check', () => {
    fc.assert(
      fc.property(tp, fc.boolean(), day, fc.option(day, { nil: null }), day, (training, other, periodStart, periodEnd, today) => {
        const problems = resumeProblems({ role: training.role, tp: training, otherCoversToday: other, schoolPeriod: { started_on: periodStart, finished_on: periodEnd }, today })
        expect(problems.length).toBeLessThanOrEqual(1)
      }),
    )
  })

  it('D-32: the window starts at 00:00 London on start_date and ends before 00:00 London the day after milestone_date', () => {
    const milestones = [{ declaration_type: 'started' as const, start_date: '2025-06-01', milestone_date: '2025-12-31' }]
    const ok = (iso: string) => withinMilestone({ declaration_type: 'started', declaration_date: new Date(iso) }, milestones)
    expect([ok('2025-05-31T22:59:59Z'), ok('2025-05-31T23:00:00Z'), ok('2025-12-31T23:59:59Z'), ok('2026-01-01T00:00:00Z')]).toEqual([false, true, true, false])
    expect(withinMilestone({ declaration_type: 'retained-1', declaration_date: new Date('2025-07-01T00:00:00Z') }, milestones)).toBe(false)
  })
})
