// What a school form reads and how its problems are shown (W-7, W-8): errors carry the field they
// sit under (the id the summary links to) and the text; a date input also says which parts failed.
import { parseDate } from '../../forms/date-input.ts'
import type { Problem } from '../../../errors.ts'

export type FieldError = { field: string; text: string; parts?: ('day' | 'month' | 'year')[] }
export type FormBody = Record<string, unknown>

/** W-6: a repeated field counts by its last value; anything else is no text. */
export function textOf(body: FormBody, name: string): string {
  const value = body[name]
  const last = Array.isArray(value) ? value[value.length - 1] : value
  return typeof last === 'string' ? last : ''
}

export type DateRead = { ok: true; value: string } | { ok: false; error: FieldError }

/** W-8 (forms/date-input.ts) with the error placed under the field, the parts at fault marked. */
export function readDate(body: FormBody, id: string, texts: { noun: string; blank: string }): DateRead {
  const raw = { day: textOf(body, `${id}-day`), month: textOf(body, `${id}-month`), year: textOf(body, `${id}-year`) }
  const read = parseDate(raw, texts)
  return read.ok ? { ok: true, value: read.value } : { ok: false, error: { field: id, text: read.error, parts: read.partsInError } }
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
