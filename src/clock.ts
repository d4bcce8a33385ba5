// The one home of "now", "today" and calendar arithmetic (STYLE: where "today" comes from).
// A Clock is made once per request (api/plugins/clock.ts), per CLI command or per seed step,
// and passed down as an argument: nothing else reads the process clock for business values.

export type Clock = {
  /** The instant of the request (C-51). */
  readonly now: Date
  /** The Europe/London calendar date of `now`, `YYYY-MM-DD` (C-18). */
  readonly today: string
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** The last instant's parts, by its whole second: formatToParts is a few dozen microseconds, and every request asks for today. */
let lastParts: { second: number; parts: Record<string, number> } | null = null

function partsOf(instant: Date): Record<string, number> {
  const second = Math.floor(instant.getTime() / 1000)
  if (lastParts?.second === second) return lastParts.parts
  const out: Record<string, number> = {}
  for (const p of londonParts.formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value)
  }
  lastParts = { second, parts: out }
  return out
}

/** The Europe/London calendar date of an instant (C-18). */
export function londonDate(instant: Date): string {
  const p = partsOf(instant)
  return `${p.year}-${pad(p.month!)}-${pad(p.day!)}`
}

export function clockAt(instant: Date): Clock {
  const now = new Date(instant.getTime())
  return Object.freeze({ now, today: londonDate(now) })
}

/** The real time, read once: for a request, a CLI command or the statement sweep. */
export function systemClock(): Clock {
  return clockAt(new Date())
}

/** The UTC offset of Europe/London at an instant, in minutes. */
function londonOffsetMinutes(instant: Date): number {
  const p = partsOf(instant)
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!)
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000)
}

/** The instant of a Europe/London wall-clock time (C-53: a time without an offset). */
export function londonInstant(date: string, time = '00:00:00'): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [hh, mm, ssFrac] = time.split(':') as [string, string, string]
  const ss = Number(ssFrac)
  const wall = Date.UTC(y, m - 1, d, Number(hh), Number(mm), Math.floor(ss), Math.round((ss % 1) * 1000))
  // Try the offsets in force a few hours either side; the UK changes at most once in that span.
  // A wall time that happens twice (October) is its first occurrence; one that never happens
  // (March) is read with the offset before the change, i.e. an hour later — as Temporal's
  // "compatible" disambiguation does.
  const before = londonOffsetMinutes(new Date(wall - 3 * 3600_000))
  const after = londonOffsetMinutes(new Date(wall + 3 * 3600_000))
  const candidates = [wall - before * 60000, wall - after * 60000].filter(
    (instant) => instant + londonOffsetMinutes(new Date(instant)) * 60000 === wall,
  )
  return new Date(candidates.length > 0 ? Math.min(...candidates) : wall - before * 60000)
}

/** 00:00 Europe/London on a date, as an instant (C-58). */
export function londonMidnight(date: string): Date {
  return londonInstant(date)
}

export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10)
}

/** Calendar months later, clamped to the month's last day (31 October + 4 months = 28 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const first = new Date(Date.UTC(y, m - 1 + months, 1))
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay))).toISOString().slice(0, 10)
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** A date as messages write it: `2025-09-01` → `1 September 2025`. */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000)
}

/** A timestamp on the wire: UTC, whole seconds (truncated), `Z` (C-15). */
export function wireTimestamp(instant: Date): string {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

const SERVER_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/

/**
 * Reads an `X-With-Server-Date` value (C-53): a date (00:00 Europe/London) or a date-time with an
 * optional fraction and an optional `Z` or `±HH:MM` (none: Europe/London local time), years
 * 2000–2099. Returns null when the value is not one of those.
 */
export function parseServerDate(value: string): Date | null {
  const m = SERVER_DATE.exec(value)
  if (!m) return null
  const date = `${m[1]}-${m[2]}-${m[3]}`
  const year = Number(m[1])
  if (year < 2000 || year > 2099 || !isCalendarDate(date)) return null
  if (m[4] === undefined) return londonMidnight(date)
  const [hh, mm, ss] = [Number(m[4]), Number(m[5]), Number(m[6])]
  if (hh > 23 || mm > 59 || ss > 59) return null
  const fraction = m[7] ?? ''
  const offset = m[8]
  if (offset === undefined) return londonInstant(date, `${m[4]}:${m[5]}:${m[6]}${fraction}`)
  const parsed = Date.parse(`${date}T${m[4]}:${m[5]}:${m[6]}${fraction.slice(0, 4)}${offset}`)
  return Number.isNaN(parsed) ? null : new Date(parsed)
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
