import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseSort } from '../../../../src/api/common/sort.ts'

const KEYS = ['created_at', 'updated_at', 'name'] as const

describe('parseSort (C-47 … C-49)', () => {
  it.each([
    ['created_at', [{ key: 'created_at', direction: 'asc' }]],
    ['-created_at', [{ key: 'created_at', direction: 'desc' }]],
    ['+name', [{ key: 'name', direction: 'asc' }]],
    [' name', [{ key: 'name', direction: 'asc' }]],
    ['-updated_at,name', [{ key: 'updated_at', direction: 'desc' }, { key: 'name', direction: 'asc' }]],
    ['colour,-name', [{ key: 'name', direction: 'desc' }]],
    ['name,-name', [{ key: 'name', direction: 'asc' }]],
    ['', []],
    ['--name', []],
    ['Name', []],
  ])('%j → %j', (text, keys) => {
    expect(parseSort(text, KEYS)).toEqual(keys)
  })

  it('absent or an object sorts by default; repeated, the last value wins', () => {
    expect(parseSort(undefined, KEYS)).toEqual([])
    expect(parseSort({ a: 'name' }, KEYS)).toEqual([])
    expect(parseSort(['name', '-created_at'], KEYS)).toEqual([{ key: 'created_at', direction: 'desc' }])
  })

  it('C-49: never throws, and only ever returns allowed keys, each once', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...KEYS, 'id', 'colour'), fc.string()).chain((k) => fc.constantFrom(k, `-${k}`, `+${k}`, ` ${k}`))), (items) => {
        const keys = parseSort(items.join(','), KEYS)
        expect(keys.every((k) => (KEYS as readonly string[]).includes(k.key))).toBe(true)
        expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length)
      }),
    )
  })
})
