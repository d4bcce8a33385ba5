import { describe, expect, it } from 'vitest'
import { addMonths, longDate } from '../../../../src/clock.ts'
import { ageProblem, earliestStart, isNotifyEmail, reassignFrozenCohort } from '../../../../src/domain/participants/rules.ts'
import { chooseSchedule, scheduleMonth } from '../../../../src/domain/participants/schedule.ts'

const cohorts = [2023, 2024, 2025, 2026].map((year) => ({ year, starts_on: `${year}-06-01`, ends_on: `${year + 1}-06-01`, payments_frozen_on: null }))

describe('participant rules', () => {
  it('R-15: dates in messages are written like 1 September 2025', () => {
    expect(longDate('2025-09-01')).toBe('1 September 2025')
    expect(longDate('2026-02-13')).toBe('13 February 2026')
  })
  it('R-20, R-30: four months ahead is clamped to the month’s last day', () => {
    expect(addMonths('2025-10-31', 4)).toBe('2026-02-28')
    expect(addMonths('2025-11-03', 4)).toBe('2026-03-03')
  })
  it('R-20: the teacher is 18 … 100 years old today', () => {
    expect(ageProblem('1925-09-01', '2025-09-01')).toBeNull()
    expect(ageProblem('1925-08-31', '2025-09-01')).toBe('The teacher cannot be more than 100 years old')
    expect(ageProblem('2007-09-02', '2025-09-01')).toBe('The teacher cannot be less than 18 years old')
  })
  it('R-20: the earliest start is the starts_on of the cohort two years before today’s, else the earliest', () => {
    expect(earliestStart('2025-09-01', cohorts)).toBe('2023-06-01')
    expect(earliestStart('2026-09-01', cohorts)).toBe('2024-06-01')
    expect(earliestStart('2025-09-01', cohorts.slice(2))).toBe('2025-06-01')
  })
  it('R-17, R-20: Notify email rules', () => {
    for (const ok of ['a@b.co', 'amira.khan@riverside.example.sch.uk', "o'neil+x@xn--bcher-kva.example"]) expect(isNotifyEmail(ok)).toBe(true)
    for (const bad of ['a@b', 'a..b@c.uk', 'a@b..uk', 'a b@c.uk', 'a@-b.uk', 'a@b.c', '@b.uk']) expect(isNotifyEmail(bad)).toBe(false)
  })
  it('D-37: the month from the later of the start and today; rule 2 keeps an earlier identifier', () => {
    expect(['2025-06-01', '2025-10-31', '2025-11-01', '2026-02-28', '2026-03-01', '2026-05-31'].map(scheduleMonth)).toEqual(['september', 'september', 'january', 'january', 'april', 'april'])
    expect(chooseSchedule({ startedOn: '2025-09-01', today: '2025-11-03', earlier: null })).toBe('ecf-standard-january')
    expect(chooseSchedule({ startedOn: '2026-03-01', today: '2025-11-03', earlier: null })).toBe('ecf-standard-april')
    expect(chooseSchedule({ startedOn: '2026-03-01', today: '2025-11-03', earlier: 'ecf-extended-september' })).toBe('ecf-extended-september')
  })
  it('D-37 rules 1 and 3: a D-38 reassignment beats an earlier identifier; a replacement mentor without one gets ecf-replacement-<month>', () => {
    expect(chooseSchedule({ startedOn: '2026-03-01', today: '2025-11-03', earlier: 'ecf-standard-january', reassigned: true })).toBe('ecf-extended-september')
    expect(chooseSchedule({ startedOn: '2025-09-01', today: '2025-11-03', earlier: null, replacement: true })).toBe('ecf-replacement-january')
    expect(chooseSchedule({ startedOn: '2025-09-01', today: '2025-09-01', earlier: 'ecf-standard-september', replacement: true })).toBe('ecf-standard-september')
  })
  it('D-38: a cohort payments-frozen today gives way to 2024 and is kept as the frozen year; not before, not 2024, not without 2024', () => {
    const frozen = cohorts.map((c) => (c.year <= 2024 ? { ...c, payments_frozen_on: '2025-07-01' } : c))
    expect(reassignFrozenCohort(2023, frozen, '2025-07-01')).toEqual({ year: 2024, frozenFrom: 2023 })
    expect(reassignFrozenCohort(2023, frozen, '2025-06-30')).toEqual({ year: 2023, frozenFrom: null })
    expect(reassignFrozenCohort(2024, frozen, '2025-07-01')).toEqual({ year: 2024, frozenFrom: null })
    expect(reassignFrozenCohort(2025, frozen, '2025-07-01')).toEqual({ year: 2025, frozenFrom: null })
    expect(reassignFrozenCohort(2023, frozen.filter((c) => c.year !== 2024), '2025-07-01')).toEqual({ year: 2023, frozenFrom: null })
  })
})
