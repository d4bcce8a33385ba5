// W-8: the GOV.UK date input (`<id>-day`, `<id>-month`, `<id>-year`) read into `YYYY-MM-DD`,
// with the service's texts. Pure: the journeys' form modules call it.
import type { FormBody } from './form.ts'
import { field } from './form.ts'

export type DatePart = 'day' | 'month' | 'year'

export type DateParts = { day: string; month: string; year: string }

export type DateResult =
  | { ok: true; value: string; parts: DateParts }
  /** `parts`: which inputs get the error style (W-8: only those at fault). */
  | { ok: false; error: string; parts: DateParts; partsInError: DatePart[] }

export type DateTexts = {
  /** The field's own text when every part is empty, e.g. "Enter the ECT's date of birth". */
  blank: string
  /** The noun in "<Noun> must include a day", e.g. "Date of birth". */
  noun: string
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/** The three raw parts as typed (for re-rendering), from a parsed form body. */
export function dateParts(body: FormBody, id: string): DateParts {
  return { day: field(body, `${id}-day`), month: field(body, `${id}-month`), year: field(body, `${id}-year`) }
}

/** A month as a number: digits, or an English name or three-letter abbreviation, any case (decided). */
function monthNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text)
  const lower = text.toLowerCase()
  const index = MONTHS.findIndex((m) => m === lower || (lower.length === 3 && m.startsWith(lower)))
  return index === -1 ? null : index + 1
}

const MISSING_TEXT: Record<string, string> = {
  day: 'a day',
  month: 'a month',
  year: 'a year',
  'day,month': 'a day and month',
  'day,year': 'a day and year',
  'month,year': 'a month and year',
}

export function parseDate(raw: DateParts, texts: DateTexts): DateResult {
  const parts: DateParts = { day: raw.day.trim(), month: raw.month.trim(), year: raw.year.trim() }
  const fail = (error: string, partsInError: DatePart[]): DateResult => ({ ok: false, error, parts: raw, partsInError })
  const empty = (['day', 'month', 'year'] as const).filter((p) => parts[p] === '')
  if (empty.length === 3) return fail(texts.blank, ['day', 'month', 'year'])
  if (empty.length > 0) return fail(`${texts.noun} must include ${MISSING_TEXT[empty.join(',')]}`, [...empty])
  if (!/^\d{4}$/.test(parts.year)) return fail('Year must include 4 numbers', ['year'])
  const month = monthNumber(parts.month)
  const real = fail(`${texts.noun} must be a real date`, ['day', 'month', 'year'])
  if (!/^\d+$/.test(parts.day) || month === null) return real
  const [y, m, d] = [Number(parts.year), month, Number(parts.day)]
  if (m < 1 || m > 12 || d < 1 || d > 31) return real
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return real
  const value = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  return { ok: true, value, parts: raw }
}

/** The parts of a stored `YYYY-MM-DD` for prefilling a date input. */
export function partsOf(date: string | null | undefined): DateParts {
  if (!date) return { day: '', month: '', year: '' }
  const [year, month, day] = date.split('-')
  return { day: String(Number(day)), month: String(Number(month)), year: year! }
}
