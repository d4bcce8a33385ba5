import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseDate, partsOf } from '../../../src/web/forms/date-input.ts'

const texts = { blank: "Enter the ECT's date of birth", noun: 'Date of birth' }
const parse = (day: string, month: string, year: string) => parseDate({ day, month, year }, texts)

describe('W-8 GOV.UK date input', () => {
  it('W-8: a real date becomes YYYY-MM-DD; spaces and leading zeros are ignored', () => {
    expect(parse('1', '9', '2025')).toMatchObject({ ok: true, value: '2025-09-01' })
    expect(parse(' 01 ', ' 09 ', ' 2025 ')).toMatchObject({ ok: true, value: '2025-09-01' })
    expect(parse('29', '2', '2024')).toMatchObject({ ok: true, value: '2024-02-29' })
  })

  it('W-8 (decided): a month may be its English name or three-letter abbreviation, any case', () => {
    expect(parse('3', 'March', '2027')).toMatchObject({ ok: true, value: '2027-03-03' })
    expect(parse('3', 'mar', '2027')).toMatchObject({ ok: true, value: '2027-03-03' })
    expect(parse('3', 'SEPTEMBER', '2027')).toMatchObject({ ok: true, value: '2027-09-03' })
    expect(parse('3', 'sept', '2027')).toMatchObject({ ok: false, error: 'Date of birth must be a real date' })
  })

  it("W-8: all empty gives the field's own text, every part marked", () => {
    expect(parse('', ' ', '')).toEqual({ ok: false, error: "Enter the ECT's date of birth", parts: { day: '', month: ' ', year: '' }, partsInError: ['day', 'month', 'year'] })
  })

  it.each([
    ['', '9', '2025', 'Date of birth must include a day', ['day']],
    ['1', '', '2025', 'Date of birth must include a month', ['month']],
    ['1', '9', '', 'Date of birth must include a year', ['year']],
    ['', '', '2025', 'Date of birth must include a day and month', ['day', 'month']],
    ['', '9', '', 'Date of birth must include a day and year', ['day', 'year']],
    ['1', '', '', 'Date of birth must include a month and year', ['month', 'year']],
  ])('W-8: some parts empty (%j, %j, %j) → %s, only those parts marked', (day, month, year, error, parts) => {
    expect(parse(day, month, year)).toMatchObject({ ok: false, error, partsInError: parts })
  })

  it('W-8: a year that is not 4 digits, marked on the year only', () => {
    expect(parse('1', '9', '25')).toMatchObject({ ok: false, error: 'Year must include 4 numbers', partsInError: ['year'] })
    expect(parse('1', '9', '20255')).toMatchObject({ ok: false, error: 'Year must include 4 numbers', partsInError: ['year'] })
  })

  it.each([
    ['31', '2', '2025'],
    ['29', '2', '2025'],
    ['0', '1', '2025'],
    ['1', '13', '2025'],
    ['1.5', '1', '2025'],
    ['x', '1', '2025'],
    ['1', '-1', '2025'],
  ])('W-8: %s/%s/%s is not a real date, all three parts marked', (day, month, year) => {
    expect(parse(day, month, year)).toMatchObject({ ok: false, error: 'Date of birth must be a real date', partsInError: ['day', 'month', 'year'] })
  })

  it('W-8: the first failure wins (empty before year before real date)', () => {
    expect(parse('', 'x', '25')).toMatchObject({ error: 'Date of birth must include a day' })
    expect(parse('40', 'x', '25')).toMatchObject({ error: 'Year must include 4 numbers' })
  })

  it('W-8: every calendar date round-trips through its parts', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10)
        const parts = partsOf(iso)
        expect(parseDate(parts, texts)).toMatchObject({ ok: true, value: iso })
      }),
    )
  })

  it('W-8: any text never throws and either parses or names one of the texts', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (day, month, year) => {
        const r = parse(day, month, year)
        if (r.ok) expect(r.value).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        else expect(r.error).toMatch(/^(Enter the ECT's date of birth|Date of birth must include .+|Year must include 4 numbers|Date of birth must be a real date)$/)
      }),
    )
  })
})
