import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { leadingInteger, parsePage, PAGE_MESSAGE } from '../../../../src/api/common/paging.ts'
import { BadRequestError } from '../../../../src/errors.ts'

describe('leadingInteger (C-33)', () => {
  it.each([
    ['2abc', 2],
    ['1.5', 1],
    ['  7', 7],
    ['+3', 3],
    ['-4', -4],
    ['abc', 0],
    ['', 0],
    ['0.8', 0],
    ['- 1', 0],
    ['1e3', 1],
  ])('%j → %i', (text, n) => {
    expect(leadingInteger(text)).toBe(n)
  })

  it('reads back any integer, whatever follows it', () => {
    fc.assert(
      fc.property(fc.integer(), fc.stringMatching(/^([^0-9].*)?$/), (n, rest) => {
        expect(leadingInteger(`${n}${rest}`)).toBe(n)
      }),
    )
  })

  it('is 0 for any text that does not start with an integer', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/^\s*[+-]?\d/.test(s)), (text) => {
        expect(leadingInteger(text)).toBe(0)
      }),
    )
  })
})

describe('parsePage (C-32 … C-35)', () => {
  const bad = (query: object) => {
    try {
      parsePage(query as never)
    } catch (error) {
      return error instanceof BadRequestError && error.detail === PAGE_MESSAGE && error.title === 'Bad request'
    }
    return false
  }

  it('defaults to page 1 of 100', () => {
    expect(parsePage({})).toEqual({ page: 1, perPage: 100, offset: 0, beyondEnd: false })
    expect(parsePage({ page: {} })).toEqual({ page: 1, perPage: 100, offset: 0, beyondEnd: false })
  })

  it('C-32: per_page is capped at 3000', () => {
    expect(parsePage({ page: { per_page: '3001', page: '3' } })).toEqual({ page: 3, perPage: 3000, offset: 6000, beyondEnd: false })
  })

  it('C-33, C-34: values below 1, and page that is not an object, are the 400', () => {
    expect(bad({ page: { page: '0' } })).toBe(true)
    expect(bad({ page: { per_page: 'abc' } })).toBe(true)
    expect(bad({ page: { page: ['1'] } })).toBe(true)
    expect(bad({ page: '2' })).toBe(true)
    expect(bad({ page: ['2'] })).toBe(true)
  })

  it('C-35: any page and per_page of at least 1 give an offset the database can take, or beyondEnd', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 30n }), (page, perPage) => {
        const p = parsePage({ page: { page: String(page), per_page: String(perPage) } })
        const limited = perPage > 3000n ? 3000n : perPage
        const offset = (page - 1n) * limited
        expect(p.perPage).toBe(Number(limited))
        if (offset <= BigInt(Number.MAX_SAFE_INTEGER)) expect(p).toEqual({ page: Number(page), perPage: Number(limited), offset: Number(offset), beyondEnd: false })
        else expect(p.beyondEnd).toBe(true)
        expect(Number.isSafeInteger(p.offset)).toBe(true)
      }),
    )
  })
})
