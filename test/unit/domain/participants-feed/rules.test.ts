import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { eligibleForFunding, participantStatus, trainingStatusOf, wireReason, type EnrolmentPeriod } from '../../../../src/domain/participants-feed/rules.ts'

const none = { induction_completed_on: null, mentor_ineligible_for_funding_on: null }
const ect = (over: Partial<EnrolmentPeriod> = {}): EnrolmentPeriod => ({ role: 'ect', started_on: '2025-09-01', finished_on: null, training_status: 'active', ...over })
const TODAY = '2025-11-12'

describe('trainingStatusOf (R-36)', () => {
  it('R-36: active without stamps, else the later one; a tie is withdrawn', () => {
    const at = new Date('2026-01-01T00:00:00Z')
    expect(trainingStatusOf({ withdrawn_at: null, deferred_at: null })).toBe('active')
    expect(trainingStatusOf({ withdrawn_at: at, deferred_at: null })).toBe('withdrawn')
    expect(trainingStatusOf({ withdrawn_at: null, deferred_at: at })).toBe('deferred')
    expect(trainingStatusOf({ withdrawn_at: at, deferred_at: new Date('2026-01-02T00:00:00Z') })).toBe('deferred')
    expect(trainingStatusOf({ withdrawn_at: at, deferred_at: at })).toBe('withdrawn')
  })
})

describe('participantStatus (R-35)', () => {
  it('R-35 rule 1: withdrawn or deferred is leaving while finished_on is after today, then left', () => {
    for (const training_status of ['withdrawn', 'deferred'] as const) {
      expect(participantStatus(ect({ training_status, finished_on: '2025-11-13' }), none, TODAY)).toBe('leaving')
      expect(participantStatus(ect({ training_status, finished_on: TODAY }), none, TODAY)).toBe('left')
      expect(participantStatus(ect({ training_status, finished_on: null }), none, TODAY)).toBe('left')
    }
  })

  it('R-35 rule 1 before rule 2: a withdrawn ECT with induction complete is still left', () => {
    const facts = { ...none, induction_completed_on: '2025-10-01' }
    expect(participantStatus(ect({ training_status: 'withdrawn', finished_on: '2025-11-01' }), facts, TODAY)).toBe('left')
  })

  it('R-35 rule 2: completion on or before finished_on, or an ongoing TP, is active', () => {
    const facts = { ...none, induction_completed_on: '2025-11-01' }
    expect(participantStatus(ect({ finished_on: '2025-11-01' }), facts, TODAY)).toBe('active')
    expect(participantStatus(ect({ finished_on: '2025-10-31' }), facts, TODAY)).toBe('left')
    expect(participantStatus(ect({ started_on: '2026-01-01' }), facts, TODAY)).toBe('active')
  })

  it("R-35 rule 2: a mentor reads mentor_ineligible_for_funding_on, an ECT induction_completed_on", () => {
    const mentorDone = { ...none, mentor_ineligible_for_funding_on: '2025-10-01' }
    expect(participantStatus(ect({ role: 'mentor', finished_on: '2025-11-01' }), mentorDone, TODAY)).toBe('active')
    expect(participantStatus(ect({ finished_on: '2025-11-01' }), mentorDone, TODAY)).toBe('left')
    expect(participantStatus(ect({ role: 'mentor', finished_on: '2025-11-01' }), { ...none, induction_completed_on: '2025-10-01' }, TODAY)).toBe('left')
  })

  it('R-35 rule 3: finished_on set is leaving until that day, then left; an empty TP likewise', () => {
    expect(participantStatus(ect({ finished_on: '2025-11-13' }), none, TODAY)).toBe('leaving')
    expect(participantStatus(ect({ finished_on: TODAY }), none, TODAY)).toBe('left')
    expect(participantStatus(ect({ started_on: '2026-01-05', finished_on: '2026-01-05' }), none, TODAY)).toBe('leaving')
    expect(participantStatus(ect({ started_on: '2026-01-05', finished_on: '2026-01-05' }), none, '2026-01-05')).toBe('left')
  })

  it('R-35 rules 4 and 5: joining before started_on, active from it', () => {
    expect(participantStatus(ect({ started_on: '2025-11-13' }), none, TODAY)).toBe('joining')
    expect(participantStatus(ect({ started_on: TODAY }), none, TODAY)).toBe('active')
  })

  it('R-35: left never turns back into another status as days pass (property)', () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10))
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), day, day, fc.constantFrom('active', 'withdrawn', 'deferred'), (start, length, t1, t2, training_status) => {
        const finished_on = new Date(Date.parse(start) + length * 86400000).toISOString().slice(0, 10)
        const tp = ect({ started_on: start, finished_on, training_status: training_status as EnrolmentPeriod['training_status'] })
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1]
        if (participantStatus(tp, none, early) === 'left') expect(participantStatus(tp, none, late)).toBe('left')
      }),
    )
  })
})

describe('eligibleForFunding (R-37)', () => {
  it('R-37: null without either fact; true when eligible with no end or an end on or after; false otherwise', () => {
    expect(eligibleForFunding({ eligible_on: null, ineligible_on: null })).toBeNull()
    expect(eligibleForFunding({ eligible_on: '2025-09-01', ineligible_on: null })).toBe(true)
    expect(eligibleForFunding({ eligible_on: '2025-09-01', ineligible_on: '2025-09-01' })).toBe(true)
    expect(eligibleForFunding({ eligible_on: '2025-09-02', ineligible_on: '2025-09-01' })).toBe(false)
    expect(eligibleForFunding({ eligible_on: null, ineligible_on: '2025-09-01' })).toBe(false)
  })
})

describe('wireReason (D-12, D-13)', () => {
  it('D-12: reasons are dasherised on the wire, whichever spelling was stored', () => {
    expect(wireReason('left_teaching_profession')).toBe('left-teaching-profession')
    expect(wireReason('long-term-sickness')).toBe('long-term-sickness')
  })
})
