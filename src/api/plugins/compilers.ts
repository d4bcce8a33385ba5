// the schema compilers Fastify is given. Response serializers are compiled by Fastify's own
// compiler (fast-json-stringify, the one Fastify would load itself), but each at its route's first
// answer instead of while the app starts: compiling the API's response schemas cost 0.15-0.3 s of
// every start, and loading fast-json-stringify and Ajv for them 0.1 s more. Requests are never
// validated by schema (app.ts: the endpoints' own parsers give the spec's 400 and 422 texts), so
// Fastify's Ajv compiler is not loaded at all.
import { createRequire } from 'node:module'
import type { FastifyServerOptions } from 'fastify'

type RouteSchema = { schema: unknown; method: string; url: string; httpStatus?: string }
type Serialize = (data: unknown) => string
type SerializerFactory = (externalSchemas: unknown, options: unknown) => (route: RouteSchema) => Serialize

/** Resolved from Fastify's own directory: the compiler (and version) Fastify itself would use. */
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'))

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>

export const lazySerializerFactory = lazySerializers as unknown as NonNullable<CompilersFactory['buildSerializer']>

/** Every request passes schema validation; the routes' own parsers check it. */
export const acceptAllValidatorFactory = (() => () => () => true) as unknown as NonNullable<CompilersFactory['buildValidator']>

function lazySerializers(externalSchemas: unknown, options: unknown): (route: RouteSchema) => Serialize {
  let compile: ((route: RouteSchema) => Serialize) | undefined
  return (route) => {
    let serialize: Serialize | undefined
    return (data) => {
      if (serialize === undefined) {
        compile ??= (fromFastify('@fastify/fast-json-stringify-compiler') as () => SerializerFactory)()(externalSchemas, options)
        serialize = compile(route)
      }
      return serialize(data)
    }
  }
}

