import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../../../src/clock.ts'
import { monthName, payableProblems, standardCalendar } from '../../../../src/domain/statements/rules.ts'

describe('standardCalendar (D-83)', () => {
  it('D-83: November of the year, then January, April, August, November up to August four years on', () => {
    const calendar = standardCalendar(2025)
    expect(calendar).toHaveLength(16)
    expect(calendar[0]).toEqual({ year: 2025, month: 11, cut_off_date: '2025-10-31', payment_date: '2025-11-25' })
    expect(calendar[1]).toEqual({ year: 2026, month: 1, cut_off_date: '2025-12-31', payment_date: '2026-01-25' })
    expect(calendar.at(-1)).toEqual({ year: 2029, month: 8, cut_off_date: '2029-07-31', payment_date: '2029-08-25' })
  })

  it('D-83: every cut-off is the last day of the previous month and before its payment date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2021, max: 2095 }), (year) =>
        standardCalendar(year).every((s) => addDays(s.cut_off_date, 1).endsWith('-01') && s.cut_off_date < s.payment_date && s.year - year <= 4),
      ),
    )
  })
})

describe('statement texts (D-64, D-84)', () => {
  it('D-64: English month names', () => {
    expect([1, 4, 8, 11].map(monthName)).toEqual(['January', 'April', 'August', 'November'])
  })
  it('D-84: open and past its cut-off; both problems when neither holds', () => {
    expect(payableProblems({ status: 'open', cut_off_date: '2026-12-31' }, '2027-01-01')).toEqual([])
    expect(payableProblems({ status: 'paid', cut_off_date: '2026-12-31' }, '2026-12-31')).toEqual([
      ['status', 'Only an open statement can be marked payable.'],
      ['cut_off_date', 'The cut-off date 2026-12-31 has not passed yet.'],
    ])
  })
})
