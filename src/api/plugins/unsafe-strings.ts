// Text PostgreSQL cannot hold (C-25, C-31): a NUL character (U+0000) is refused in text and jsonb,
// and an unpaired UTF-16 surrogate (U+D800 … U+DFFF alone, e.g. JSON's "\ud800") has no UTF-8
// form, so the drivers would silently store U+FFFD instead. Every string of a request's query,
// body and path is checked once it has been read (C-10 after row 5), before any handler runs: a
// bad query or body string answers the 400 naming its field, a bad path value the 404 (C-28),
// since it can match nothing.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { BadRequestError, NotFoundError } from '../../errors.ts'

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one
// (code units: no `u` flag).
const UNSAFE_TEXT = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

export function isUnsafeText(text: string): boolean {
  return UNSAFE_TEXT.test(text)
}

export function unsafeTextDetail(field: string): string {
  return `The '#/${field}' must not contain a NUL character (U+0000) or an unpaired UTF-16 surrogate`
}

/** The first string (value or key) in `value` that PostgreSQL cannot hold, as the path to it. */
export function firstUnsafeString(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return isUnsafeText(value) ? path : null
  if (value === null || typeof value !== 'object') return null
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)
  for (const [key, v] of entries) {
    if (isUnsafeText(key)) return [...path, escapeUnsafe(key)]
    const found = firstUnsafeString(v, [...path, key])
    if (found !== null) return found
  }
  return null
}

/** A key shown in a message: its bad characters as \uXXXX. */
function escapeUnsafe(text: string): string {
  return text.replace(new RegExp(UNSAFE_TEXT.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Query keys as sent: `filter[urn]`, `filter[cohort][0]` (C-37's bracket form). */
function queryField(path: string[]): string {
  const [head, ...rest] = path
  return `${head ?? ''}${rest.map((p) => `[${p}]`).join('')}`
}

/** Body fields by name: a v3 attribute as C-30 names it (`cohort`), an operator field as sent (C-76). */
function bodyField(path: string[]): string {
  const inner = path[0] === 'data' && path[1] === 'attributes' && path.length > 2 ? path.slice(2) : path[0] === 'data' && path.length > 1 ? path.slice(1) : path
  return inner.join('/')
}

export function registerUnsafeStringCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (firstUnsafeString(request.params) !== null) throw new NotFoundError()
    const inQuery = firstUnsafeString(request.query)
    if (inQuery !== null) throw new BadRequestError(unsafeTextDetail(queryField(inQuery)))
    const inBody = firstUnsafeString(request.body)
    if (inBody !== null) throw new BadRequestError(unsafeTextDetail(bodyField(inBody)))
  })
}
