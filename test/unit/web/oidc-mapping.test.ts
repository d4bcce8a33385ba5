import { describe, expect, it } from 'vitest'
import { claimAt, mapUser, urnOf } from '../../../src/web/sign-in/oidc-mapping.ts'

const config = { adminEmailDomains: ['education.gov.uk'], adminClaim: { path: 'realm.roles', value: 'rect-admin' }, urnClaim: 'organisation.urn' }
const known = (urn: string) => urn === '140001'

describe('W-23 mapping OIDC users', () => {
  it('W-23 (1): an admin by a verified email in an admin domain', () => {
    expect(mapUser({ sub: 'a', email: 'Ann@Education.gov.uk', email_verified: true }, config, known)).toEqual({ kind: 'admin' })
  })

  it('W-23 (1): an unverified email, a look-alike domain or a subdomain is not an admin', () => {
    for (const claims of [
      { sub: 'a', email: 'ann@education.gov.uk', email_verified: false },
      { sub: 'a', email: 'ann@education.gov.uk' },
      { sub: 'a', email: 'ann@noteducation.gov.uk', email_verified: true },
      { sub: 'a', email: 'ann@education.gov.uk.evil.com', email_verified: true },
      { sub: 'a', email: 'education.gov.uk', email_verified: true },
    ]) {
      expect(mapUser(claims, config, known), JSON.stringify(claims)).toEqual({ kind: 'none', urn: null })
    }
  })

  it('W-23 (1): an admin by the claim at a dotted path: a string equal to the value or an array containing it', () => {
    expect(mapUser({ sub: 'a', realm: { roles: 'rect-admin' } }, config, known)).toEqual({ kind: 'admin' })
    expect(mapUser({ sub: 'a', realm: { roles: ['reader', 'rect-admin'] } }, config, known)).toEqual({ kind: 'admin' })
    expect(mapUser({ sub: 'a', realm: { roles: ['rect-admin-not'] } }, config, known)).toEqual({ kind: 'none', urn: null })
    expect(mapUser({ sub: 'a', 'realm.roles': 'rect-admin' }, config, known)).toEqual({ kind: 'none', urn: null })
  })

  it('W-23: first match wins: an admin with a URN is an admin', () => {
    expect(mapUser({ sub: 'a', email: 'ann@education.gov.uk', email_verified: true, organisation: { urn: '140001' } }, config, known)).toEqual({ kind: 'admin' })
  })

  it('W-23 (2): a school user by a 6-digit URN, string or number, of a school in rect', () => {
    expect(mapUser({ sub: 's', organisation: { urn: '140001' } }, config, known)).toEqual({ kind: 'school', urn: '140001' })
    expect(mapUser({ sub: 's', organisation: { urn: 140001 } }, config, known)).toEqual({ kind: 'school', urn: '140001' })
  })

  it('W-23 (3): a URN naming no school, or no URN at all', () => {
    expect(mapUser({ sub: 's', organisation: { urn: '999999' } }, config, known)).toEqual({ kind: 'none', urn: '999999' })
    for (const urn of ['14001', '1400011', 'abcdef', 140001.5, null, ['140001']]) {
      expect(mapUser({ sub: 's', organisation: { urn } }, config, known), JSON.stringify(urn)).toEqual({ kind: 'none', urn: null })
    }
  })

  it('W-23: claimAt walks objects only; urnOf accepts 6 digits only', () => {
    expect(claimAt({ a: { b: { c: 1 } } }, 'a.b.c')).toBe(1)
    expect(claimAt({ a: [{ b: 1 }] }, 'a.0.b')).toBeUndefined()
    expect(urnOf(' 140001 ')).toBe('140001')
    expect(urnOf(-14000)).toBeNull()
  })
})
