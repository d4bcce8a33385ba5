// Named schemas (C-69, C-70): a schema marked with `named()` in a resource's schemas.ts is written
// once under `components.schemas` and referenced by `$ref` wherever a route uses it, so a client
// generator gives it a name (`Participant`, `PartnershipCreateRequest`, …). The route schemas stay
// whole for serialisation; only the generated document is rewritten.
import type { TSchema } from 'typebox'

type Json = Record<string, any>

const MARK = 'x-rect-component'

/** Marks `schema` as the component `name`; returns the same schema. */
export function named<T extends TSchema>(name: string, schema: T): T {
  ;(schema as Json)[MARK] = name
  return schema
}

/** A copy of `schema` that is not a component itself (used when a named schema is wrapped). */
export function unnamed<T extends Json>(schema: T): T {
  const { [MARK]: _name, ...rest } = schema
  return rest as T
}

/**
 * Moves every marked schema of `document` into `components.schemas`, innermost first, and puts a
 * `$ref` in its place. Two uses of one name must describe the same schema: a difference is a
 * programming error, found when the document is first built.
 */
export function extractComponents(document: Json): Json {
  const schemas: Json = (document.components ??= {}).schemas ??= {}
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit)
    if (node === null || typeof node !== 'object') return node
    const out: Json = {}
    for (const [key, value] of Object.entries(node as Json)) out[key] = key === 'example' || key === 'examples' ? value : visit(value)
    const name = out[MARK] as string | undefined
    if (name === undefined) return out
    delete out[MARK]
    if (schemas[name] === undefined) schemas[name] = out
    else if (JSON.stringify(schemas[name]) !== JSON.stringify(out)) throw new Error(`OpenAPI component ${name} is used with two different schemas`)
    return { $ref: `#/components/schemas/${name}` }
  }
  document.paths = visit(document.paths)
  document.components.schemas = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)))
  return document
}
