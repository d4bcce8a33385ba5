// `rect check` validates every answer against rect's own v3 OpenAPI document (C-69), whatever
// deployment it talks to: the document is generated here from the route schemas, exactly as
// `GET /api/v3/openapi.json` serves it, and Ajv resolves its `$ref`s (components or inline).
import { createRequire } from 'node:module'
import type { ErrorObject, ValidateFunction } from 'ajv'
import type { Db } from '../db/connect.ts'
import { testConfig } from '../config.ts'

const require = createRequire(import.meta.url)
type AjvClass = typeof import('ajv').default
const Ajv = require('ajv') as AjvClass & { default?: AjvClass }
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default & { default?: typeof import('ajv-formats').default }

type Json = Record<string, any>

const DOCUMENT_ID = 'rect-v3.json'

/** The v3 document, built from the route schemas by an app that never touches a database. */
export async function v3Document(): Promise<Json> {
  const { buildApp } = await import('../app.ts')
  const noDatabase = new Proxy({}, { get: () => { throw new Error('rect check builds the OpenAPI document without a database') } }) as unknown as Db
  const app = await buildApp({ db: noDatabase, config: testConfig() })
  try {
    await app.ready()
    return structuredClone(app.swagger()) as Json
  } finally {
    await app.close()
  }
}

/**
 * OpenAPI 3.0 `nullable: true` admits null; a validator that also demands the value be in an
 * `enum` listing no null would refuse real answers, so null is added to such enums here.
 */
function admitNullInNullableEnums(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(admitNullInNullableEnums)
  if (node === null || typeof node !== 'object') return
  const schema = node as Json
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null]
  for (const value of Object.values(schema)) admitNullInNullableEnums(value)
}

const pointer = (...parts: string[]) => parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')

export type Validator = {
  /** Problems of one answer against the document: undocumented status, wrong type, schema errors. */
  problems: (answer: { method: string; template: string; status: number; contentType: string; body: unknown; text: string }) => string[]
}

export function validatorFor(document: Json): Validator {
  const copy = structuredClone(document)
  admitNullInNullableEnums(copy)
  const ajv = new (Ajv.default ?? Ajv)({ strict: false, allErrors: true, validateSchema: false, discriminator: false })
  ;(addFormats.default ?? addFormats)(ajv)
  ajv.addSchema(copy, DOCUMENT_ID)
  const compiled = new Map<string, ValidateFunction | null>()

  const validatorOf = (template: string, method: string, status: number): ValidateFunction | null | 'undocumented' => {
    const operation = copy.paths?.[template]?.[method.toLowerCase()] as Json | undefined
    if (!operation) return 'undocumented'
    const response = operation.responses?.[String(status)] ?? operation.responses?.default
    if (!response) return 'undocumented'
    const key = `${template} ${method} ${status}`
    if (!compiled.has(key)) {
      const code = operation.responses?.[String(status)] ? String(status) : 'default'
      const at = response.$ref ? String(response.$ref) : `#/${pointer('paths', template, method.toLowerCase(), 'responses', code)}`
      const hasSchema = (response.$ref ? resolveRef(copy, response.$ref) : response)?.content?.['application/json']?.schema !== undefined
      compiled.set(key, hasSchema ? ajv.compile({ $ref: `${DOCUMENT_ID}${at}/content/application~1json/schema` }) : null)
    }
    return compiled.get(key)!
  }

  return {
    problems(answer) {
      const where = `${answer.method} ${answer.template} → ${answer.status}`
      const found = validatorOf(answer.template, answer.method, answer.status)
      if (found === 'undocumented') return [`${where}: this status is not in the document`]
      const problems: string[] = []
      if (answer.status !== 204 && !/^application\/json(;|$)/i.test(answer.contentType)) problems.push(`${where}: Content-Type is '${answer.contentType}', not application/json`)
      if (found === null) return problems
      if (answer.body === undefined) return [...problems, `${where}: the body is not JSON: ${answer.text.slice(0, 120)}`]
      if (!found(answer.body)) problems.push(...(found.errors ?? []).slice(0, 5).map((e) => `${where}: ${describeError(e, answer.body)}`))
      return problems
    },
  }
}

function resolveRef(document: Json, ref: string): Json | undefined {
  return ref.replace(/^#\//, '').split('/').reduce<any>((node, part) => node?.[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')], document)
}

/** `/data/0/attributes/cohort must be string (got 2025)`. */
function describeError(error: ErrorObject, body: unknown): string {
  const path = error.instancePath || '(body)'
  const value = error.instancePath
    .split('/')
    .slice(1)
    .reduce<any>((node, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], body)
  const extra = error.keyword === 'additionalProperties' ? ` '${(error.params as { additionalProperty: string }).additionalProperty}'` : ''
  const got = error.keyword === 'required' || error.keyword === 'additionalProperties' ? '' : ` (got ${JSON.stringify(value)?.slice(0, 60)})`
  return `${path} ${error.message}${extra}${got}`
}
