// Path ids (C-16): 8-4-4-4-12 hexadecimal in any case; anything else is simply not found.
import { NotFoundError } from '../../errors.ts'

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value)
}

/** The lower-case id, or a NotFoundError for a malformed one. */
export function pathId(value: unknown): string {
  if (!isUuid(value)) throw new NotFoundError()
  return value.toLowerCase()
}

/** `{urn}` in an operator path is six digits; anything else is simply not found (C-78). */
export function pathUrn(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{6}$/.test(value)) throw new NotFoundError()
  return value
}
