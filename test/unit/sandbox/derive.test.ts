// S-30, S-34: ids, tokens and names are a pure function of the seed number.
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { base58, mulberry32, sandboxToken, seedId, slugOf } from '../../../src/sandbox/derive.ts'

describe('S-30 deterministic ids', () => {
  it('S-30: the first 16 bytes of SHA-256("rect-seed:" + N + ":" + key) with version 4 and variant 10', () => {
    const bytes = createHash('sha256').update('rect-seed:1:lead-provider:teach-first').digest()
    const hex = bytes.subarray(0, 16).toString('hex')
    const id = seedId(1, 'lead-provider:teach-first')
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const plain = id.replace(/-/g, '')
    expect(plain.slice(0, 12)).toBe(hex.slice(0, 12))
    expect(plain.slice(13, 16)).toBe(hex.slice(13, 16))
    expect(plain.slice(18)).toBe(hex.slice(18))
  })

  it('S-30: same N and key → same id; another N or key → another id', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2147483647 }), fc.string(), (n, key) => {
        expect(seedId(n, key)).toBe(seedId(n, key))
        expect(seedId(n, key)).not.toBe(seedId(n + 1, key))
        expect(seedId(n, key)).not.toBe(seedId(n, `${key}x`))
      }),
    )
  })
})

describe('S-34 sandbox tokens', () => {
  it('S-34: base58 uses the Bitcoin alphabet, leading zero bytes as 1', () => {
    expect(base58(Buffer.from('hello world'))).toBe('StV1DL6CwTryKyV')
    expect(base58(Uint8Array.from([0, 0, 1]))).toBe('112')
    expect(base58(Uint8Array.from([]))).toBe('')
  })

  it('S-34: "sbx_" + slug + "_" + the first 24 characters of base58(SHA-256("rect-sandbox-token:" + N + ":" + slug))', () => {
    const digest = createHash('sha256').update('rect-sandbox-token:1:teach-first').digest()
    expect(sandboxToken(1, 'teach-first')).toBe(`sbx_teach-first_${base58(digest).slice(0, 24)}`)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2147483647 }), (n) => {
        const token = sandboxToken(n, 'ucl-institute-of-education')
        expect(token).toMatch(/^sbx_ucl-institute-of-education_[1-9A-HJ-NP-Za-km-z]{24}$/)
        expect(sandboxToken(n, 'ucl-institute-of-education')).toBe(token)
      }),
    )
    expect(sandboxToken(1, 'teach-first')).not.toBe(sandboxToken(2, 'teach-first'))
  })

  it('S-34: the slug is the lower-case hyphenated name', () => {
    expect(slugOf('UCL Institute of Education')).toBe('ucl-institute-of-education')
    expect(slugOf('National Institute of Teaching')).toBe('national-institute-of-teaching')
  })
})

describe('S-30 the generator', () => {
  it('S-30: mulberry32 gives the same stream for the same seed, floats in [0, 1)', () => {
    const a = mulberry32(1)
    const b = mulberry32(1)
    const first = Array.from({ length: 5 }, () => a())
    expect(Array.from({ length: 5 }, () => b())).toEqual(first)
    // The published algorithm's first output for seed 1 (a regression guard for the data set).
    expect(first[0]).toBeCloseTo(0.6270739405881613, 15)
    for (const x of first) expect(x >= 0 && x < 1).toBe(true)
  })
})
