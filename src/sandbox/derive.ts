// S-30, S-34: everything the seed derives from the seed number N alone. Ids come from SHA-256 of
// a stable entity key; seeded tokens from SHA-256 of the lead provider's slug; every other choice
// (names, local authorities, emails) from one mulberry32 generator seeded with N.
import { createHash } from 'node:crypto'

/** S-30: the first 16 bytes of SHA-256("rect-seed:" + N + ":" + key), as a version 4 UUID. */
export function seedId(seed: number, key: string): string {
  const bytes = createHash('sha256').update(`rect-seed:${seed}:${key}`, 'utf8').digest().subarray(0, 16)
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The lower-case hyphenated name (S-34): `UCL Institute of Education` → `ucl-institute-of-education`. */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

/** Base58 with the Bitcoin alphabet: the bytes as one big-endian number, leading zero bytes as '1'. */
export function base58(bytes: Uint8Array): string {
  let value = 0n
  for (const byte of bytes) value = (value << 8n) | BigInt(byte)
  let out = ''
  while (value > 0n) {
    out = BASE58[Number(value % 58n)]! + out
    value /= 58n
  }
  for (const byte of bytes) {
    if (byte !== 0) break
    out = '1' + out
  }
  return out
}

/** S-34: `sbx_<slug>_` + the first 24 characters of base58(SHA-256("rect-sandbox-token:" + N + ":" + slug)). */
export function sandboxToken(seed: number, slug: string): string {
  const digest = createHash('sha256').update(`rect-sandbox-token:${seed}:${slug}`, 'utf8').digest()
  return `sbx_${slug}_${base58(digest).slice(0, 24)}`
}

/** mulberry32 (Tommy Ettinger's 32-bit generator): floats in [0, 1), one stream per seed. */
export function mulberry32(seed: number): () => number {
  let a = seed | 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Random = {
  /** A whole number in [0, n). */
  below: (n: number) => number
  pick: <T>(items: readonly T[]) => T
  /** A new array in a random order (Fisher–Yates). */
  shuffle: <T>(items: readonly T[]) => T[]
}

export function randomFor(seed: number): Random {
  const next = mulberry32(seed)
  const below = (n: number) => Math.floor(next() * n)
  return {
    below,
    pick: (items) => items[below(items.length)]!,
    shuffle: (items) => {
      const out = [...items]
      for (let i = out.length - 1; i > 0; i--) {
        const j = below(i + 1)
        ;[out[i], out[j]] = [out[j]!, out[i]!]
      }
      return out
    },
  }
}
