import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { cohortItems, filterOf, idItems, listFilter, scalarFilter, updatedSince, UPDATED_SINCE_MESSAGE, dateWithoutTime } from '../../../../src/api/common/filters.ts'
import { BadRequestError } from '../../../../src/errors.ts'

describe('filterOf (C-37)', () => {
  it('absent is {}; an object is itself; a string or an array is 400 Bad parameter', () => {
    expect(filterOf({})).toEqual({})
    expect(filterOf({ filter: { cohort: '2025' } })).toEqual({ cohort: '2025' })
    for (const filter of ['x', '', ['x']]) {
      expect(() => filterOf({ filter })).toThrow(BadRequestError)
      try {
        filterOf({ filter })
      } catch (error) {
        expect(error).toMatchObject({ title: 'Bad parameter', detail: 'Filter must be a hash' })
      }
    }
  })
})

describe('listFilter (C-40 … C-42)', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['  ', null],
    [[''], null],
    [['', ' '], null],
    [[], null],
    ['2024,2025', ['2024', '2025']],
    [['2024', '2025,2026'], ['2024', '2025', '2026']],
    [' 2025', [' 2025']],
    ['2025,', ['2025', '']],
    [{ x: '1' }, []],
    [[{ x: '1' }, '2025'], ['2025']],
  ])('%j → %j', (value, items) => {
    expect(listFilter(value as never)).toEqual(items)
  })

  it('C-41: cohorts are digits only, ids are UUIDs (lower-cased)', () => {
    expect(cohortItems(['2025', ' 2025', '20A1', '', '-1', '2025.0', '99999999999'])).toEqual([2025])
    expect(idItems(['D0B4A32E-A272-489E-B30A-CB17131457FC', '{d0b4a32e-a272-489e-b30a-cb17131457fc}', 'd0b4a32ea272489eb30acb17131457fc'])).toEqual([
      'd0b4a32e-a272-489e-b30a-cb17131457fc',
    ])
  })

  it('the comma form and the repeated form name the same items', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[0-9A-Za-z-]{1,8}$/), { minLength: 1 }), (items) => {
        expect(listFilter(items.join(','))).toEqual(listFilter(items))
      }),
    )
  })
})

describe('scalarFilter and updatedSince (C-38, C-42, C-43)', () => {
  it('blank is absent; the last repeat wins; an object is malformed', () => {
    expect(scalarFilter(' ')).toBeNull()
    expect(scalarFilter(['a', 'b'])).toBe('b')
    expect(scalarFilter({ a: '1' })).toEqual({ malformed: true })
  })

  const since = (value: unknown) => updatedSince({ updated_since: value as never })?.toISOString() ?? null

  it.each([
    ['2025-11-03T08:00:00Z', '2025-11-03T08:00:00.000Z'],
    ['2025-11-03T09:00:00+01:00', '2025-11-03T08:00:00.000Z'],
    ['2025-11-03T09:00:00 01:00', '2025-11-03T08:00:00.000Z'],
    ['2025-11-03T09:00:00 0100', '2025-11-03T08:00:00.000Z'],
    ['2025-11-03T09:00:00 01', '2025-11-03T08:00:00.000Z'],
    ['2025-11-03T09%3A00%3A00%2B01%3A00', '2025-11-03T08:00:00.000Z'],
    ['2025-11-03T08:00:00.999999', '2025-11-03T08:00:00.999Z'],
    ['2025-11-03T08:00:00-0530', '2025-11-03T13:30:00.000Z'],
    ['', null],
  ])('%j → %s', (value, instant) => {
    expect(since(value)).toBe(instant)
  })

  it('C-43, issue 18: a date alone is the 400 naming the date-time it needs', () => {
    expect(() => since('2026-12-01')).toThrow(new BadRequestError(dateWithoutTime('2026-12-01')))
    expect(dateWithoutTime('2026-12-01')).toBe("The filter '#/updated_since' must be a valid ISO 8601 date-time, such as 2026-12-01T00:00:00Z: a date alone is not enough")
  })

  it.each(['2025-11-03T08:00', '2025-02-29T00:00:00Z', '2025-11-03T08:00:00+1', '2025-11-03 08:00:00Z', 'now', { a: '1' }])('%j is the 400', (value) => {
    expect(() => since(value)).toThrow(new BadRequestError(UPDATED_SINCE_MESSAGE))
  })

  it('never throws anything but the 400, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (value) => {
      try {
        since(value)
      } catch (error) {
        expect(error).toBeInstanceOf(BadRequestError)
      }
    }))
  })

  it('C-15: any instant, written as upstream shows it or with an offset, reads back as itself', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }), fc.integer({ min: -14 * 60, max: 14 * 60 }), (d, offsetMinutes) => {
        expect(since(d.toISOString())).toBe(d.toISOString())
        const local = new Date(d.getTime() + offsetMinutes * 60000).toISOString().slice(0, 23)
        const sign = offsetMinutes < 0 ? '-' : '+'
        const abs = Math.abs(offsetMinutes)
        const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
        expect(since(`${local}${offset}`)).toBe(d.toISOString())
      }),
    )
  })
})
