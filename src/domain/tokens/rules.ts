// Token values and digests (C-4, C-7, Q-17): 40 characters from a CSPRNG; only SHA-256 is kept.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
export const TOKEN_LENGTH = 40

export function generateToken(): string {
  let out = ''
  for (let i = 0; i < TOKEN_LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)]
  return out
}

/** Lower-case hex SHA-256 of the presented string, whatever its length (C-4). */
export function digestOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex')
  const y = Buffer.from(b, 'hex')
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * The token in an Authorization header (C-3): `Bearer <t>` with the scheme in any case, or
 * upstream's `Token <t>` and `Token token="<t>"`. Null when the header has none of those forms.
 */
export function presentedToken(header: string | undefined): string | null {
  if (header === undefined) return null
  const m = /^(bearer|token)[ ]+(\S.*)$/i.exec(header.trim())
  if (!m) return null
  let value = m[2]!.trim()
  if (m[1]!.toLowerCase() === 'token') {
    const quoted = /^token="([^"]*)"$/i.exec(value)
    if (quoted) value = quoted[1]!
  }
  return value === '' || /\s/.test(value) ? null : value
}

/** C-6: last_used_at is written at most once a minute per token. */
export function shouldRecordUse(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || Math.abs(now.getTime() - lastUsedAt.getTime()) >= 60_000
}
