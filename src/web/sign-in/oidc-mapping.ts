// W-23: who an OIDC user is, from their claims. Pure: the school lookup is passed in.
import type { OidcConfig } from '../../config.ts'

export type Claims = Record<string, unknown>

export type Mapping =
  | { kind: 'admin' }
  | { kind: 'school'; urn: string }
  /** (3): no match; `urn` when a URN was found that names no school in rect. */
  | { kind: 'none'; urn: string | null }

/** The value at a dotted path (`organisation.urn`), or undefined. */
export function claimAt(claims: Claims, path: string): unknown {
  let value: unknown = claims
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

/** A 6-digit URN from a string or a number claim, or null. */
export function urnOf(value: unknown): string | null {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : null
  return text !== null && /^\d{6}$/.test(text) ? text : null
}

export function isAdmin(claims: Claims, config: Pick<OidcConfig, 'adminEmailDomains' | 'adminClaim'>): boolean {
  const email = claims.email
  if (claims.email_verified === true && typeof email === 'string') {
    const domain = email.toLowerCase().split('@').at(-1)
    if (email.includes('@') && domain !== undefined && config.adminEmailDomains.includes(domain)) return true
  }
  if (config.adminClaim !== null) {
    const value = claimAt(claims, config.adminClaim.path)
    if (value === config.adminClaim.value) return true
    if (Array.isArray(value) && value.includes(config.adminClaim.value)) return true
  }
  return false
}

/** First match wins: admin, then a school rect knows, else none. */
export function mapUser(claims: Claims, config: Pick<OidcConfig, 'adminEmailDomains' | 'adminClaim' | 'urnClaim'>, schoolExists: (urn: string) => boolean): Mapping {
  if (isAdmin(claims, config)) return { kind: 'admin' }
  const urn = urnOf(claimAt(claims, config.urnClaim))
  if (urn !== null && schoolExists(urn)) return { kind: 'school', urn }
  return { kind: 'none', urn }
}
