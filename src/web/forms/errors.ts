// W-7: the error summary and inline errors of a page. A form module lists its fields in page
// order with their web texts; a command's problems ({attribute, detail}, STYLE) are placed under
// the field owning the attribute. C-77's generic texts (they name `'#/x'`) are always replaced by
// the field's own text; any other domain detail is already a sentence and is shown verbatim.
import type { Problem } from '../../errors.ts'
import type { DatePart } from './date-input.ts'

export type FieldSpec = {
  /** The input's id (a date input: its own id; the first part in error gets the summary link). */
  id: string
  /** The command attributes this field owns (default: its id). */
  attributes?: string[]
  /** The text for C-77's "Enter a …" (blank). */
  blank?: string
  /** The text for any other C-77 generic text (format, length, "is invalid"). */
  invalid?: string
  /** The text for C-77's "must be N characters or fewer", when it differs from `invalid`. */
  tooLong?: string
}

export type FieldError = { text: string; parts?: DatePart[] }

/** What the templates read: `errorSummary` for govukErrorSummary, `errors[id]` for each field. */
export type PageErrors = {
  list: { text: string; href: string }[]
  fields: Record<string, FieldError>
}

export const NO_ERRORS: PageErrors = { list: [], fields: {} }

const GENERIC = /'#\//

/** Collects a page's errors in page order, whatever order they were found in. */
export class ErrorCollector {
  readonly #fields: FieldSpec[]
  readonly #byField = new Map<string, FieldError>()
  readonly #summaryOnly: string[] = []

  constructor(fields: FieldSpec[]) {
    this.#fields = fields
  }

  /** A field's own error (its first wins). */
  add(id: string, text: string, parts?: DatePart[]): this {
    if (!this.#byField.has(id)) this.#byField.set(id, parts ? { text, parts } : { text })
    return this
  }

  has(id: string): boolean {
    return this.#byField.has(id)
  }

  /** A command's problems, placed as W-7 says. */
  addProblems(problems: readonly Problem[]): this {
    for (const problem of problems) {
      const spec = this.#fields.find((f) => (f.attributes ?? [f.id]).includes(problem.attribute))
      if (spec === undefined) {
        const text = humanise(problem.detail)
        if (!this.#summaryOnly.includes(text)) this.#summaryOnly.push(text)
      } else {
        this.add(spec.id, webText(spec, problem.detail))
      }
    }
    return this
  }

  get empty(): boolean {
    return this.#byField.size === 0 && this.#summaryOnly.length === 0
  }

  result(): PageErrors {
    const first = this.#fields[0]
    const list: PageErrors['list'] = []
    const fields: Record<string, FieldError> = {}
    for (const spec of this.#fields) {
      const error = this.#byField.get(spec.id)
      if (!error) continue
      fields[spec.id] = error
      list.push({ text: error.text, href: `#${anchorOf(spec.id, error)}` })
    }
    for (const text of this.#summaryOnly) list.push({ text, href: first ? `#${first.id}` : '#main-content' })
    return { list, fields }
  }
}

/** A date input's link goes to its first part in error (W-7). */
function anchorOf(id: string, error: FieldError): string {
  const part = error.parts?.[0]
  return part ? `${id}-${part}` : id
}

function webText(spec: FieldSpec, detail: string): string {
  if (!GENERIC.test(detail)) return detail
  if (/^Enter a /.test(detail) && spec.blank) return spec.blank
  if (/characters or fewer/.test(detail) && spec.tooLong) return spec.tooLong
  return spec.invalid ?? spec.blank ?? humanise(detail)
}

/** Last resort so no page ever shows `'#/` (W-7): `'#/started_on'` → "started on". */
export function humanise(detail: string): string {
  return detail.replace(/'#\/([a-z_]+)'/g, (_m, name: string) => name.replace(/_/g, ' '))
}
