// Reading admin form fields (W-6: a repeated field counts by its last value).
export type { FieldSpec } from '../forms/errors.ts'

/** A form field's value: the last when repeated, '' when absent. */
export function formValue(body: unknown, name: string): string {
  if (body === null || typeof body !== 'object') return ''
  const value = (body as Record<string, unknown>)[name]
  if (Array.isArray(value)) return typeof value.at(-1) === 'string' ? (value.at(-1) as string) : ''
  return typeof value === 'string' ? value : ''
}
