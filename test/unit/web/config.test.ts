import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../src/config.ts'

const OIDC = {
  RECT_OIDC_ISSUER: 'https://login.example.gov.uk',
  RECT_OIDC_CLIENT_ID: 'rect',
  RECT_OIDC_CLIENT_SECRET: 'a-secret',
  RECT_PUBLIC_URL: 'https://rect.example.gov.uk/',
}
const PROD = { RECT_MODE: 'production', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' }
const SECRET = 'x'.repeat(32)

function problems(env: Record<string, string>) {
  const result = loadConfig({}, env)
  return result.ok ? [] : result.problems
}

describe('W-27 web configuration', () => {
  it('W-27: the defaults: personas in the sandbox, a random session secret per start, 60 idle minutes', () => {
    const a = loadConfig({}, {})
    const b = loadConfig({}, {})
    if (!a.ok || !b.ok) throw new Error('expected a config')
    expect(a.config.web.oidc).toBeNull()
    expect(a.config.web.sessionIdleMinutes).toBe(60)
    expect(a.config.web.sessionSecret.length).toBeGreaterThanOrEqual(32)
    expect(a.config.web.sessionSecret).not.toBe(b.config.web.sessionSecret)
  })

  it('W-27: an issuer with its settings; scopes and the URN claim default; lists and the admin claim parsed', () => {
    const result = loadConfig({}, { ...OIDC, RECT_OIDC_ADMIN_EMAIL_DOMAINS: 'education.gov.uk, @Digital.Education.gov.uk', RECT_OIDC_ADMIN_CLAIM: 'roles=rect-admin' })
    if (!result.ok) throw new Error(result.problems.join())
    expect(result.config.web).toMatchObject({
      publicUrl: 'https://rect.example.gov.uk',
      oidc: {
        issuer: 'https://login.example.gov.uk',
        clientId: 'rect',
        clientSecret: 'a-secret',
        scopes: 'openid email profile',
        urnClaim: 'organisation.urn',
        adminEmailDomains: ['education.gov.uk', 'digital.education.gov.uk'],
        adminClaim: { path: 'roles', value: 'rect-admin' },
      },
    })
  })

  it.each([
    ['the issuer without client or public URL', { RECT_OIDC_ISSUER: 'https://login.example.gov.uk' }, ['RECT_OIDC_ISSUER needs RECT_OIDC_CLIENT_ID, RECT_OIDC_CLIENT_SECRET and RECT_PUBLIC_URL']],
    ['an http issuer not on loopback', { ...OIDC, RECT_OIDC_ISSUER: 'http://login.example.gov.uk' }, ['RECT_OIDC_ISSUER must be an https URL (http only for 127.0.0.1, ::1 or localhost)']],
    ['an issuer that is not a URL', { ...OIDC, RECT_OIDC_ISSUER: 'login' }, ['RECT_OIDC_ISSUER must be an https URL (http only for 127.0.0.1, ::1 or localhost)']],
    ['a short session secret', { RECT_SESSION_SECRET: 'short' }, ['RECT_SESSION_SECRET must be at least 32 characters long']],
    ['production with an issuer and no session secret', { ...PROD, ...OIDC }, ['RECT_SESSION_SECRET must be at least 32 characters long']],
    ['idle minutes out of range', { RECT_SESSION_IDLE_MINUTES: '1441' }, ["RECT_SESSION_IDLE_MINUTES must be a whole number from 1 to 1440 (got '1441')"]],
    ['idle minutes of 0', { RECT_SESSION_IDLE_MINUTES: '0' }, ["RECT_SESSION_IDLE_MINUTES must be a whole number from 1 to 1440 (got '0')"]],
    ['an admin claim without a value', { ...OIDC, RECT_OIDC_ADMIN_CLAIM: 'roles' }, ["RECT_OIDC_ADMIN_CLAIM must be path=value, like roles=rect-admin (got 'roles')"]],
  ])('W-27: %s is a problem (exit 2)', (_name, env, expected) => {
    expect(problems(env as Record<string, string>)).toEqual(expected)
  })

  it.each(['http://127.0.0.1:4000', 'http://localhost:4000/realm', 'http://[::1]:4000'])('W-27: %s is allowed (loopback)', (issuer) => {
    expect(problems({ ...OIDC, RECT_OIDC_ISSUER: issuer })).toEqual([])
  })

  it('W-27: production with an issuer and a long enough secret is fine; production without an issuer starts', () => {
    expect(problems({ ...PROD, ...OIDC, RECT_SESSION_SECRET: SECRET })).toEqual([])
    expect(problems(PROD)).toEqual([])
  })
})
