// W-7 for admin forms: a command's problems become the page's errors. C-77's generic texts (every
// one quotes `'#/field'`) are replaced by the field's web text; any other detail is a sentence
// already and is shown verbatim, under the field owning its attribute. A problem whose attribute
// has no field on the page goes to the summary only, linking to the page's first field.
import type { Problem } from '../../errors.ts'

export type FieldError = {
  /** The id of the element the summary links to (a date input's first part). */
  href: string
  /** The attribute's field on the page, or null for a summary-only problem. */
  field: string | null
  text: string
}

export type FieldTexts = {
  /** The field's element id (`#<id>`). */
  id: string
  /** Blank, or a blank required choice (`Select …`). */
  enter?: string
  /** Too long. */
  tooLong?: string
  /** Wrong format, not one of the choices, or naming nothing. */
  invalid?: string
}

export type FormTexts = Record<string, FieldTexts>

function genericKind(detail: string): 'enter' | 'tooLong' | 'invalid' {
  if (/^Enter a '#\//.test(detail)) return 'enter'
  if (/characters or fewer\.$/.test(detail)) return 'tooLong'
  return 'invalid'
}

/** The page's text for a problem on this field. */
export function webText(detail: string, texts: FieldTexts | undefined): string {
  if (!detail.includes("'#/")) return detail
  if (!texts) return 'There is a problem with this form'
  const kind = genericKind(detail)
  return texts[kind] ?? texts.invalid ?? texts.enter ?? 'There is a problem with this form'
}

/**
 * Problems in page order (the order of `texts`), then summary-only ones. `firstField` is the
 * element the summary-only problems link to.
 */
export function formErrors(problems: readonly Problem[], texts: FormTexts, firstField: string): FieldError[] {
  const order = Object.keys(texts)
  const onPage = problems.filter((p) => texts[p.attribute] !== undefined)
  onPage.sort((a, b) => order.indexOf(a.attribute) - order.indexOf(b.attribute))
  const errors: FieldError[] = []
  const seen = new Set<string>()
  for (const p of onPage) {
    if (seen.has(p.attribute)) continue
    seen.add(p.attribute)
    errors.push({ href: texts[p.attribute]!.id, field: p.attribute, text: webText(p.detail, texts[p.attribute]) })
  }
  for (const p of problems) {
    if (texts[p.attribute] !== undefined) continue
    errors.push({ href: firstField, field: null, text: webText(p.detail, undefined) })
  }
  return errors
}

/** The error of one field, for its inline message. */
export function errorOf(errors: readonly FieldError[], field: string): string | null {
  return errors.find((e) => e.field === field)?.text ?? null
}

/** A form field's value: the last when repeated (W-6), '' when absent. */
export function formValue(body: unknown, name: string): string {
  if (body === null || typeof body !== 'object') return ''
  const value = (body as Record<string, unknown>)[name]
  if (Array.isArray(value)) return typeof value.at(-1) === 'string' ? (value.at(-1) as string) : ''
  return typeof value === 'string' ? value : ''
}
