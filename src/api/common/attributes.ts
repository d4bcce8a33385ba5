// v3 write bodies (C-19 … C-22): `{"data":{"type":…,"attributes":{…}}}`, `type` never read.
import { BadRequestError } from '../../errors.ts'
import { v3BodyShape } from './body-problems.ts'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value)

/** C-22: the text of an attribute, or null when blank. Numbers in decimal, `true` as "true", not trimmed. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (value === true) return 'true'
  return null
}

/**
 * The allowed attributes as C-22 text (null when blank); other names are dropped and an array or
 * object counts as absent (C-20). Throws the C-21 400 when the shape is wrong or none is present.
 */
export function readAttributes<N extends string>(body: unknown, allowed: readonly N[]): Record<N, string | null> {
  const data = isObject(body) ? body.data : undefined
  const attributes = isObject(data) ? data.attributes : undefined
  const present = isObject(attributes) ? allowed.filter((name) => Object.hasOwn(attributes, name) && !Array.isArray(attributes[name]) && !isObject(attributes[name])) : []
  if (!isObject(attributes) || present.length === 0) throw new BadRequestError(v3BodyShape(body, allowed))
  return Object.fromEntries(allowed.map((name) => [name, textOf(attributes[name])])) as Record<N, string | null>
}
