// filter[...] (C-37 … C-46).
import { BadRequestError } from '../../errors.ts'
import { decodeComponent, type Query, type QueryValue } from './query-string.ts'
import { isUuid } from './ids.ts'

export type Filter = { [key: string]: QueryValue }

// Upstream says "must be a valid ISO 8601 date", which a date is; a date-time is needed (issue 18).
export const UPDATED_SINCE_MESSAGE = "The filter '#/updated_since' must be a valid ISO 8601 date-time, such as 2025-11-03T08:00:00Z"

/** The 400 for a date without a time, which names the date-time it needs. */
export function dateWithoutTime(date: string): string {
  return `The filter '#/updated_since' must be a valid ISO 8601 date-time, such as ${date}T00:00:00Z: a date alone is not enough`
}

/** C-37: `filter`, when present, is an object; on every v3 endpoint. */
export function filterOf(query: Query): Filter {
  const raw = query.filter
  if (raw === undefined) return {}
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new BadRequestError('Filter must be a hash', 'Bad parameter')
  return raw
}

function isBlank(value: string): boolean {
  return value.trim() === ''
}

/**
 * A list filter (C-40, C-42): null when not filtered (absent or blank), else its items — from a
 * comma-separated string or the repeated form. An object matches nothing (an empty list).
 */
export function listFilter(value: QueryValue | undefined): string[] | null {
  if (value === undefined) return null
  if (typeof value === 'string') return isBlank(value) ? null : value.split(',')
  if (Array.isArray(value)) {
    const items = value.flatMap((v) => (typeof v === 'string' ? v.split(',') : []))
    return items.every(isBlank) ? null : items
  }
  return []
}

/** C-41: cohort items are only digits; others match nothing. */
export function cohortItems(items: string[]): number[] {
  return items.filter((i) => /^\d+$/.test(i) && i.length <= 6).map(Number)
}

/** C-41: id items are well-formed UUIDs (C-16), compared in lower case. */
export function idItems(items: string[]): string[] {
  return items.filter(isUuid).map((i) => i.toLowerCase())
}

/** A scalar filter: the value, or null when absent or blank (C-38); the last repeat wins (C-42). */
export function scalarFilter(value: QueryValue | undefined): string | null | { malformed: true } {
  if (value === undefined) return null
  if (Array.isArray(value)) return value.length === 0 ? null : scalarFilter(value.at(-1))
  if (typeof value !== 'string') return { malformed: true }
  return isBlank(value) ? null : value
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/

/** C-43: the instant of `filter[updated_since]`, null when absent or blank; a 400 when malformed. */
export function updatedSince(filter: Filter): Date | null {
  const value = scalarFilter(filter.updated_since)
  if (value === null) return null
  if (typeof value !== 'string') throw new BadRequestError(UPDATED_SINCE_MESSAGE)
  let text = value
  if (/%[0-9a-fA-F]{2}/.test(text)) text = decodeComponent(text)
  // A raw `+01:00` arrives as a space where the sign belongs (C-43, decided).
  text = text.replace(/ (\d{2}(?::?\d{2})?)$/, '+$1')
  const m = ISO_DATE_TIME.exec(text)
  if (!m && /^\d{4}-\d{2}-\d{2}$/.test(text.trim())) throw new BadRequestError(dateWithoutTime(text.trim()))
  if (!m) throw new BadRequestError(UPDATED_SINCE_MESSAGE)
  const [, y, mo, d, hh, mi, ss, fraction = '', zone = 'Z'] = m
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) throw new BadRequestError(UPDATED_SINCE_MESSAGE)
  if (Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59) throw new BadRequestError(UPDATED_SINCE_MESSAGE)
  let offset = zone.toUpperCase()
  if (offset !== 'Z') {
    const digits = offset.slice(1).replace(':', '')
    offset = `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`
  }
  const ms = fraction === '' ? '' : fraction.slice(0, 4).padEnd(4, '0')
  const parsed = Date.parse(`${y}-${mo}-${d}T${hh}:${mi}:${ss}${ms}${offset}`)
  if (Number.isNaN(parsed)) throw new BadRequestError(UPDATED_SINCE_MESSAGE)
  const instant = new Date(parsed)
  // Reject impossible calendar days such as 2025-02-30, which Date.parse would roll over.
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)))
  if (check.getUTCDate() !== Number(d)) throw new BadRequestError(UPDATED_SINCE_MESSAGE)
  return instant
}
