// Reading an application/x-www-form-urlencoded body (W-6): a repeated field counts by its last
// value; anything missing is ''. Bodies are parsed in web/index.ts by @fastify/formbody.
import { parse } from 'node:querystring'

export type FormBody = Record<string, string>

/** The body parser: last value wins (W-6). */
export function parseForm(text: string): FormBody {
  const out: FormBody = {}
  for (const [key, value] of Object.entries(parse(text))) {
    out[key] = Array.isArray(value) ? (value.at(-1) ?? '') : (value ?? '')
  }
  return out
}

/** A field's value as typed ('' when absent or the body is not a form). */
export function field(body: unknown, name: string): string {
  if (body === null || typeof body !== 'object') return ''
  const value = (body as Record<string, unknown>)[name]
  return typeof value === 'string' ? value : ''
}

/** A query string value (GET forms), last value wins, '' when absent. */
export function queryValue(query: unknown, name: string): string {
  if (query === null || typeof query !== 'object') return ''
  const value = (query as Record<string, unknown>)[name]
  if (Array.isArray(value)) return typeof value.at(-1) === 'string' ? (value.at(-1) as string) : ''
  return typeof value === 'string' ? value : ''
}

/** W-26: a path to return to after a step: local only (starts with `/`, not `//` or `/\`). */
export function localPath(value: string | undefined | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null
  // eslint-disable-next-line no-control-regex -- control characters never belong in a path
  if (/[\u0000-\u001f\u007f]/.test(value) || value.length > 2000) return null
  return value
}
