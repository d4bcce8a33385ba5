// S-31, S-33: the seeding date decides the cohorts, C, P, S_C and S_P.
import { describe, expect, it } from 'vitest'
import { seedDates, SEEDING_DATE_TOO_EARLY } from '../../../src/sandbox/dates.ts'

describe('S-31 seeding date and cohorts C and P', () => {
  it('S-31: the worked example T = 2026-11-23', () => {
    const d = seedDates('2026-11-23')
    expect([d.current, d.previous, d.currentStart, d.previousStart]).toEqual([2026, 2025, '2026-09-01', '2025-09-01'])
    expect(d.cohorts.map((c) => c.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026])
  })

  it.each([
    ['2026-08-01', 2026, '2026-07-02'],
    ['2027-07-30', 2026, '2026-09-01'],
    ['2027-07-31', 2027, '2027-07-01'],
    ['2027-09-15', 2027, '2027-08-16'],
  ])('S-31: T = %s gives C = %i and S_C = %s', (t, c, sc) => {
    const d = seedDates(t)
    expect(d.current).toBe(c)
    expect(d.currentStart).toBe(sc)
  })

  it('S-33: from 2027-06-01 every later cohort up to the one containing T, open, not frozen', () => {
    expect(seedDates('2027-05-31').cohorts.map((c) => c.year).at(-1)).toBe(2026)
    const later = seedDates('2028-06-01').cohorts.slice(6)
    expect(later).toEqual([
      { year: 2027, starts_on: '2027-06-01', partnerships_open: true, payments_frozen_on: null },
      { year: 2028, starts_on: '2028-06-01', partnerships_open: true, payments_frozen_on: null },
    ])
  })

  it('S-33: 2021 and 2022 closed and payments-frozen', () => {
    const [a, b] = seedDates('2026-11-23').cohorts
    expect([a, b]).toEqual([
      { year: 2021, starts_on: '2021-06-01', partnerships_open: false, payments_frozen_on: '2024-06-18' },
      { year: 2022, starts_on: '2022-06-01', partnerships_open: false, payments_frozen_on: '2025-06-16' },
    ])
  })

  it('S-31: a seeding date before 2026-08-01 is refused', () => {
    expect(() => seedDates('2026-07-31')).toThrow(SEEDING_DATE_TOO_EARLY)
  })
})
