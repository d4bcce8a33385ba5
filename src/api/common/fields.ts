// Operator API bodies (C-73, C-76, C-77): flat JSON objects read field by field against the
// endpoint's request table. Each field kind gives the wire check and the OpenAPI schema, so the
// table is written once.
import { Type, type TSchema } from 'typebox'
import { isCalendarDate } from '../../clock.ts'
import { BadRequestError } from '../../errors.ts'
import { operatorBodyShape } from './body-problems.ts'
import { Problems, say } from '../../domain/problems.ts'
import { isUuid } from './ids.ts'
import { Nullable } from './schemas.ts'

type Read<T> = { ok: true; value: T } | { ok: false; detail: string }

export type FieldKind<T> = {
  schema: TSchema
  read: (value: unknown, name: string) => Read<T>
}

const ok = <T>(value: T): Read<T> => ({ ok: true, value })
const bad = (detail: string): Read<never> => ({ ok: false, detail })

/** Trimmed, inner whitespace collapsed (names, P-14). */
export function tidy(text: string): string {
  return text.trim().replace(/\s+/g, ' ')
}

export const kinds = {
  string(options: { max?: number; tidy?: boolean } = {}): FieldKind<string> {
    const max = options.max ?? 255
    return {
      schema: Type.String({ maxLength: max }),
      read(value, name) {
        if (typeof value !== 'string') return bad(say.mustBe(name, 'a string'))
        const text = options.tidy ? tidy(value) : value
        if (text.trim() === '') return bad(say.enter(name))
        if (text.length > max) return bad(say.tooLong(name, max))
        return ok(text)
      },
    }
  },
  boolean(): FieldKind<boolean> {
    return {
      schema: Type.Boolean(),
      read: (value, name) => (typeof value === 'boolean' ? ok(value) : bad(say.mustBe(name, 'true or false'))),
    }
  },
  date(): FieldKind<string> {
    return {
      schema: Type.String({ format: 'date', example: '2025-09-01' }),
      read: (value, name) =>
        typeof value === 'string' && isCalendarDate(value) ? ok(value) : bad(say.mustBe(name, 'a date in YYYY-MM-DD format')),
    }
  },
  uuid(): FieldKind<string> {
    return {
      schema: Type.String({ format: 'uuid' }),
      read: (value, name) => (isUuid(value) ? ok(value.toLowerCase()) : bad(say.mustBe(name, 'a UUID'))),
    }
  },
  /** `"2025"` or `2025` (C-15); the range check belongs to the endpoint. */
  year(): FieldKind<number> {
    return {
      schema: Type.String({ pattern: '^[0-9]{4}$', example: '2025' }),
      read(value, name) {
        const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value
        return typeof text === 'string' && /^\d{4}$/.test(text) ? ok(Number(text)) : bad(say.mustBe(name, 'a year such as "2025"'))
      },
    }
  },
  /** `"142857"` or `142857`. */
  urn(): FieldKind<string> {
    return {
      schema: Type.String({ pattern: '^[0-9]{6}$', example: '142857' }),
      read(value, name) {
        const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value
        return typeof text === 'string' && /^\d{6}$/.test(text) ? ok(text) : bad(say.mustBe(name, 'a 6-digit URN'))
      },
    }
  },
  email(): FieldKind<string> {
    return {
      schema: Type.String({ format: 'email', maxLength: 255 }),
      read(value, name) {
        if (typeof value !== 'string') return bad(say.mustBe(name, 'an email address'))
        if (value.trim() === '') return bad(say.enter(name))
        if (value.length > 255) return bad(say.tooLong(name, 255))
        return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? ok(value.trim()) : bad(say.mustBe(name, 'an email address'))
      },
    }
  },
  oneOf<V extends string>(values: readonly V[]): FieldKind<V> {
    return {
      schema: Type.String({ enum: [...values] }),
      read: (value, name) =>
        typeof value === 'string' && (values as readonly string[]).includes(value)
          ? ok(value as V)
          : bad(say.mustBe(name, `one of: ${values.join(', ')}`)),
    }
  },
}

export type FieldDef<T = unknown> = {
  kind: FieldKind<T>
  required?: boolean
  /** `null` is accepted and means "no value" (C-79: PATCH clears it). */
  nullable?: boolean
  description?: string
  example?: unknown
}

export type FieldTable = Record<string, FieldDef<any>>

type ValueOf<D> = D extends FieldDef<infer T> ? (D extends { nullable: true } ? T | null : T) : never
export type Values<F extends FieldTable> = { [K in keyof F]?: ValueOf<F[K]> }

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

/** C-73: the body must be a JSON object; no body counts as `{}`. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined) return {}
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new BadRequestError(operatorBodyShape(body))
  return body as Record<string, unknown>
}

/**
 * Reads a body against a request table. `partial` (PATCH, C-79) skips the required checks for
 * absent fields. Returns the values read and the problems found, for the command to add its own.
 */
export function readFields<F extends FieldTable>(
  body: unknown,
  table: F,
  options: { partial?: boolean; fixed?: readonly string[] } = {},
): { values: Values<F>; present: Set<string>; problems: Problems } {
  const input = bodyObject(body)
  const problems = new Problems(Object.keys(table))
  const values: Record<string, unknown> = {}
  const present = new Set<string>()
  for (const [name, def] of Object.entries(table)) {
    const has = Object.hasOwn(input, name)
    const value = input[name]
    if (has) present.add(name)
    if (!has && options.partial) continue
    if (!has) {
      if (def.required && !options.partial) problems.add(name, say.enter(name))
      continue
    }
    if (isBlank(value)) {
      // C-77: a blank required field is "Enter"; a blank nullable one clears it; otherwise the
      // value is simply of the wrong kind.
      if (def.required) problems.add(name, say.enter(name))
      else if (def.nullable) values[name] = null
      else problems.add(name, (def.kind.read(value, name) as { detail: string }).detail)
      continue
    }
    const read = def.kind.read(value, name)
    if (read.ok) values[name] = read.value
    else problems.add(name, read.detail)
  }
  for (const name of Object.keys(input)) {
    if (!Object.hasOwn(table, name)) problems.add(name, say.unrecognised(name))
  }
  return { values: values as Values<F>, present, problems }
}

/** The OpenAPI schema of a request table (C-70). */
export function tableSchema(table: FieldTable, options: { partial?: boolean; example?: unknown } = {}) {
  const properties: Record<string, TSchema> = {}
  const required: string[] = []
  for (const [name, def] of Object.entries(table)) {
    const base = { ...def.kind.schema, ...(def.description ? { description: def.description } : {}), ...(def.example !== undefined ? { example: def.example } : {}) }
    properties[name] = def.nullable ? Nullable(base as TSchema) : (base as TSchema)
    if (def.required && !options.partial) required.push(name)
  }
  return Type.Unsafe({
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
    ...(options.example !== undefined ? { examples: [options.example] } : {}),
  })
}
