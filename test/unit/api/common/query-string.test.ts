import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeComponent, parseQueryString } from '../../../../src/api/common/query-string.ts'

describe('parseQueryString', () => {
  it('reads bracket keys as Rails does', () => {
    expect(parseQueryString('filter[cohort]=2025&page[per_page]=10&sort=-name')).toEqual({ filter: { cohort: '2025' }, page: { per_page: '10' }, sort: '-name' })
    expect(parseQueryString('filter[cohort][]=2024&filter[cohort][]=2025')).toEqual({ filter: { cohort: ['2024', '2025'] } })
    expect(parseQueryString('filter[]=x')).toEqual({ filter: ['x'] })
    expect(parseQueryString('a[b][c]=1')).toEqual({ a: { b: { c: '1' } } })
  })

  it('C-42: the last value of a repeated scalar wins', () => {
    expect(parseQueryString('sort=a&sort=b')).toEqual({ sort: 'b' })
  })

  it('decodes + as a space and %XX escapes, in keys too', () => {
    expect(parseQueryString('filter%5Bupdated_since%5D=2025-01-01T00%3A00%3A00+01%3A00')).toEqual({ filter: { updated_since: '2025-01-01T00:00:00 01:00' } })
  })

  it('C-45: an escape that cannot be decoded stays literal text', () => {
    expect(parseQueryString('a=100%&b=%E2%82&c=%41%zz')).toEqual({ a: '100%', b: '%E2%82', c: 'A%zz' })
    expect(decodeComponent('%E2%82%AC')).toBe('€')
  })

  it('a key without a value is an empty string; empty pairs are skipped', () => {
    expect(parseQueryString('page&&filter=')).toEqual({ page: '', filter: '' })
    expect(parseQueryString('')).toEqual({})
  })

  it('never builds on the prototype', () => {
    const q = parseQueryString('__proto__[admin]=1&a[__proto__][x]=1&constructor[prototype][y]=1&filter[constructor][prototype][z]=1&filter[toString][]=1')
    const plain = {} as Record<string, unknown>
    expect([plain.admin, plain.x, plain.y, plain.z]).toEqual([undefined, undefined, undefined, undefined])
    expect(typeof plain.toString).toBe('function')
    expect(Object.getPrototypeOf(q)).toBeNull()
    expect(Object.hasOwn(q, '__proto__')).toBe(false)
    expect(JSON.stringify(q)).toBe('{"constructor":{"prototype":{"y":"1"}},"filter":{"constructor":{"prototype":{"z":"1"}},"toString":["1"]}}')
  })

  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      parseQueryString(text)
    }))
    fc.assert(fc.property(fc.array(fc.constantFrom('a', '[', ']', '=', '&', '%', '2', 'F', '+', '__proto__', 'filter')).map((p) => p.join('')), (text) => {
      parseQueryString(text)
    }))
  })

  it('round trip: encoded plain keys and values read back as themselves (the last wins)', () => {
    const name = fc.string({ minLength: 1 }).filter((s) => !/[[\]]/.test(s) && s !== '__proto__')
    fc.assert(
      fc.property(fc.dictionary(name, fc.string({ unit: 'binary' })), (pairs) => {
        const text = Object.entries(pairs).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
        expect({ ...parseQueryString(text) }).toEqual({ ...pairs })
      }),
    )
  })

  it('round trip: filter[name]=value pairs read back as the filter object', () => {
    const name = fc.stringMatching(/^[a-z_]{1,12}$/).filter((s) => s !== '__proto__')
    fc.assert(
      fc.property(fc.dictionary(name, fc.string()), (filter) => {
        const text = Object.entries(filter).map(([k, v]) => `filter[${k}]=${encodeURIComponent(v)}`).join('&')
        const parsed = parseQueryString(text)
        if (Object.keys(filter).length === 0) expect(parsed.filter).toBeUndefined()
        else expect({ ...(parsed.filter as object) }).toEqual({ ...filter })
      }),
    )
  })
})
