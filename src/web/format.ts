// W-15: how values are shown on pages. Pure.
import { longDate } from '../clock.ts'

const londonTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
})

/** `2025-09-01` → `1 September 2025`. */
export function formatDate(date: string | null | undefined): string {
  return date ? longDate(date.slice(0, 10)) : ''
}

/** `2025-09-01` → `1 September 2025`, or null for the caller's `Not set`. */
export function displayDate(date: string | null | undefined): string | null {
  return date ? longDate(date.slice(0, 10)) : null
}

/** An instant → `1 September 2025 at 2:30pm` (Europe/London). */
export function formatInstant(instant: Date | string | null | undefined): string {
  if (instant === null || instant === undefined) return ''
  const parts = Object.fromEntries(londonTime.formatToParts(new Date(instant)).map((p) => [p.type, p.value]))
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}${String(parts.dayPeriod).toLowerCase()}`
}

export function yesNo(value: boolean | null | undefined): string {
  return value ? 'Yes' : 'No'
}

type Named = { first_name?: string | null; last_name?: string | null; trn?: string | null }

/** W-15: lists sort by last name, then first name, then TRN. */
export function byName(a: Named, b: Named): number {
  const compare = (x: string | null | undefined, y: string | null | undefined) =>
    (x ?? '').localeCompare(y ?? '', 'en-GB', { sensitivity: 'base' })
  return compare(a.last_name, b.last_name) || compare(a.first_name, b.first_name) || compare(a.trn, b.trn)
}
