import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays, addYears, clockAt, daysBetween, isCalendarDate, londonDate, londonInstant, londonMidnight, parseServerDate, wireTimestamp } from '../../src/clock.ts'

describe('London dates (C-18)', () => {
  it('C-18: a request at 2025-08-31T23:30:00Z has today 2025-09-01 (BST)', () => {
    expect(clockAt(new Date('2025-08-31T23:30:00Z')).today).toBe('2025-09-01')
  })

  it.each([
    ['2025-01-31T23:59:59Z', '2025-01-31'],
    ['2025-03-30T00:59:59Z', '2025-03-30'],
    ['2025-03-29T23:59:59Z', '2025-03-29'],
    ['2025-03-30T23:00:00Z', '2025-03-31'],
    ['2025-10-25T22:59:59Z', '2025-10-25'],
    ['2025-10-25T23:00:00Z', '2025-10-26'],
    ['2025-10-26T23:00:00Z', '2025-10-26'],
    ['2025-10-27T00:00:00Z', '2025-10-27'],
  ])('C-18: %s is %s in London, across the DST changes', (instant, date) => {
    expect(londonDate(new Date(instant))).toBe(date)
  })

  it('a clock is frozen and keeps its own copy of the instant', () => {
    const instant = new Date('2025-06-01T12:00:00Z')
    const clock = clockAt(instant)
    instant.setTime(0)
    expect(clock.now.toISOString()).toBe('2025-06-01T12:00:00.000Z')
    expect(Object.isFrozen(clock)).toBe(true)
  })
})

describe('calendar stamps (C-58)', () => {
  it.each([
    ['2025-09-01', '2025-08-31T23:00:00.000Z'],
    ['2025-12-01', '2025-12-01T00:00:00.000Z'],
    ['2025-03-30', '2025-03-30T00:00:00.000Z'],
    ['2025-03-31', '2025-03-30T23:00:00.000Z'],
    ['2025-10-26', '2025-10-25T23:00:00.000Z'],
    ['2025-10-27', '2025-10-27T00:00:00.000Z'],
  ])('C-58: 00:00 London on %s is %s', (date, instant) => {
    expect(londonMidnight(date).toISOString()).toBe(instant)
  })

  it('C-58: midnight of any day is that day in London, and the day before is an earlier instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 100 }), (n) => {
        const date = addDays('2000-01-01', n)
        const midnight = londonMidnight(date)
        expect(londonDate(midnight)).toBe(date)
        expect(londonDate(new Date(midnight.getTime() - 1))).toBe(addDays(date, -1))
      }),
    )
  })
})

describe('London wall times (C-53)', () => {
  it.each([
    ['2025-07-01', '10:00:00', '2025-07-01T09:00:00.000Z'],
    ['2025-01-15', '10:00:00', '2025-01-15T10:00:00.000Z'],
    ['2025-07-01', '10:00:00.250', '2025-07-01T09:00:00.250Z'],
    // 01:30 happens twice on 2025-10-26: the first occurrence (BST).
    ['2025-10-26', '01:30:00', '2025-10-26T00:30:00.000Z'],
    ['2025-10-26', '02:30:00', '2025-10-26T02:30:00.000Z'],
    // 01:30 never happens on 2025-03-30: read an hour later, 02:30 BST.
    ['2025-03-30', '01:30:00', '2025-03-30T01:30:00.000Z'],
    ['2025-03-30', '02:30:00', '2025-03-30T01:30:00.000Z'],
  ])('%s %s London is %s', (date, time, instant) => {
    expect(londonInstant(date, time).toISOString()).toBe(instant)
  })

  it('a wall time that exists reads back as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 946_684_800, max: 4_102_444_799 }), (seconds) => {
        const instant = new Date(seconds * 1000)
        const wall = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'medium' }).format(instant)
        const [date, time] = wall.split(' ') as [string, string]
        const back = londonInstant(date, time)
        // In the repeated October hour both readings are that wall time; we pick the first.
        expect(back.getTime() === instant.getTime() || back.getTime() === instant.getTime() - 3_600_000).toBe(true)
      }),
    )
  })
})

describe('parseServerDate (C-53)', () => {
  it.each([
    ['2027-01-10T10:42:00Z', '2027-01-10T10:42:00.000Z'],
    ['2025-12-31', '2025-12-31T00:00:00.000Z'],
    ['2025-07-01', '2025-06-30T23:00:00.000Z'],
    ['2025-07-01T10:00:00', '2025-07-01T09:00:00.000Z'],
    ['2025-07-01T10:00:00.123456', '2025-07-01T09:00:00.123Z'],
    ['2025-07-01T10:00:00+01:00', '2025-07-01T09:00:00.000Z'],
    ['2000-01-01', '2000-01-01T00:00:00.000Z'],
    ['2099-12-31', '2099-12-31T00:00:00.000Z'],
  ])('%s is %s', (value, instant) => {
    expect(parseServerDate(value)?.toISOString()).toBe(instant)
  })

  it.each(['', '1999-12-31', '2100-01-01', '2025-02-29', '2024-02-30', '2025-00-10', '2025-01-01T23:59:60Z', '2025-01-01T10:00', '2025-01-01T10:00:00+01', '2025-01-01t10:00:00z', ' 2025-01-01'])(
    '%j is not a server date',
    (value) => {
      expect(parseServerDate(value)).toBeNull()
    },
  )

  it('2024-02-29 is (a leap day)', () => {
    expect(parseServerDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z')
  })

  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string(), (value) => {
      const parsed = parseServerDate(value)
      expect(parsed === null || !Number.isNaN(parsed.getTime())).toBe(true)
    }))
  })

  it('any Z date-time in range reads back as itself', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        expect(parseServerDate(d.toISOString())?.getTime()).toBe(d.getTime())
      }),
    )
  })
})

describe('date arithmetic and wire forms', () => {
  it('C-15: timestamps are UTC whole seconds, truncated', () => {
    expect(wireTimestamp(new Date('2025-06-20T09:14:03.999Z'))).toBe('2025-06-20T09:14:03Z')
    expect(wireTimestamp(new Date('2025-06-20T09:14:03Z'))).toBe('2025-06-20T09:14:03Z')
  })

  it('calendar dates are real days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2025-02-29')).toBe(false)
    expect(isCalendarDate('2025-2-1')).toBe(false)
  })

  it('addDays and daysBetween agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36_500 }), fc.integer({ min: -2000, max: 2000 }), (n, k) => {
        const a = addDays('2000-01-01', n)
        expect(daysBetween(a, addDays(a, k))).toBe(k)
      }),
    )
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01')
  })
})
