// W-8 for the admin forms' optional dates: all three parts empty means "not given".
import type { Problems } from '../../domain/problems.ts'
import { dateParts, parseDate, type DatePart, type DateParts } from '../forms/date-input.ts'
import type { FormBody } from '../forms/form.ts'

export type OptionalDate = { value?: string; parts: DateParts; error?: { text: string; parts: DatePart[] } }

export function optionalDate(body: FormBody, id: string, noun: string): OptionalDate {
  const parts = dateParts(body, id)
  if (parts.day.trim() === '' && parts.month.trim() === '' && parts.year.trim() === '') return { parts }
  const read = parseDate(parts, { blank: `Enter the ${noun.toLowerCase()}`, noun })
  return read.ok ? { value: read.value, parts } : { parts, error: { text: read.error, parts: read.partsInError } }
}

/** A date the form could not read stops the command as its own problem (W-7: every error at once). */
export function addDateProblems(problems: Problems, dates: Record<string, OptionalDate>): void {
  for (const [attribute, date] of Object.entries(dates)) if (date.error) problems.add(attribute, date.error.text)
}
