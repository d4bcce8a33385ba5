// What a school form reads and how its problems are shown (W-7, W-8): errors carry the field they
// sit under (the id the summary links to) and the text; a date input also says which parts failed.
import { isCalendarDate } from '../../../clock.ts'
import type { Problem } from '../../../errors.ts'

export type FieldError = { field: string; text: string; parts?: ('day' | 'month' | 'year')[] }
export type FormBody = Record<string, unknown>

/** W-6: a repeated field counts by its last value; anything else is no text. */
export function textOf(body: FormBody, name: string): string {
  const value = body[name]
  const last = Array.isArray(value) ? value[value.length - 1] : value
  return typeof last === 'string' ? last : ''
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

function monthNumber(text: string): string {
  const lower = text.toLowerCase()
  const index = MONTHS.findIndex((m) => m === lower || m.slice(0, 3) === lower)
  return index >= 0 ? String(index + 1) : text
}

export type DateRead = { ok: true; value: string; parts: Record<'day' | 'month' | 'year', string> } | { ok: false; error: FieldError; parts: Record<'day' | 'month' | 'year', string> }

/**
 * W-8: `<id>-day`, `<id>-month`, `<id>-year`; spaces and leading zeros ignored, a month may be its
 * name or three-letter abbreviation; first failure wins.
 */
export function readDate(body: FormBody, id: string, texts: { noun: string; blank: string }): DateRead {
  const parts = { day: textOf(body, `${id}-day`).trim(), month: textOf(body, `${id}-month`).trim(), year: textOf(body, `${id}-year`).trim() }
  const fail = (text: string, failing: ('day' | 'month' | 'year')[]): DateRead => ({ ok: false, error: { field: id, text, parts: failing }, parts })
  const empty = (['day', 'month', 'year'] as const).filter((p) => parts[p] === '')
  if (empty.length === 3) return fail(texts.blank, ['day', 'month', 'year'])
  if (empty.length > 0) return fail(`${texts.noun} must include a ${empty.join(' and ')}`, [...empty])
  if (!/^\d{4}$/.test(parts.year)) return fail('Year must include 4 numbers', ['year'])
  const month = monthNumber(parts.month)
  if (!/^\d+$/.test(parts.day) || !/^\d+$/.test(month)) return fail(`${texts.noun} must be a real date`, ['day', 'month', 'year'])
  const value = `${parts.year}-${String(Number(month)).padStart(2, '0')}-${String(Number(parts.day)).padStart(2, '0')}`
  if (Number(month) > 12 || Number(parts.day) > 31 || !isCalendarDate(value)) return fail(`${texts.noun} must be a real date`, ['day', 'month', 'year'])
  return { ok: true, value, parts }
}

/** The day, month and year boxes of a stored date, to prefill a date input. */
export function dateParts(value: string | undefined): Record<'day' | 'month' | 'year', string> {
  if (!value) return { day: '', month: '', year: '' }
  const [year, month, day] = value.split('-')
  return { day: String(Number(day)), month: String(Number(month)), year: year! }
}

/** GOV.UK Notify's rules as R-20 reads them, for the web's own format check. */
export const EMAIL_FORMAT = 'Enter an email address in the correct format, like name@example.com'

/**
 * W-7: a command's problems under the fields owning their attributes. C-77's generic texts (they
 * hold `'#/`) become the field's web text; any other detail is shown verbatim. An attribute with
 * no field on the page goes to the summary only (field `null`).
 */
export function showProblems(
  problems: readonly Problem[],
  fieldOf: (attribute: string) => string | null,
  webText: (attribute: string, detail: string) => string,
): { field: string | null; text: string }[] {
  return problems.map(({ attribute, detail }) => ({
    field: fieldOf(attribute),
    text: detail.includes("'#/") ? webText(attribute, detail) : detail,
  }))
}
