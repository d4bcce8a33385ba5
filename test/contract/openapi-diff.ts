// Compares two OpenAPI 3.0 operations the way C-69 asks: operation presence, operationId, tags,
// parameters, and for every schema (request and response) attribute names, types, formats,
// enums and nullability, after resolving $refs and normalising how "may be null" is written.

export type Json = Record<string, any>

export const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const

/** Follows local `$ref`s (`#/components/...`) against the document they come from. */
export function resolve(document: Json, node: Json | undefined, depth = 0): Json | undefined {
  if (node === undefined || depth > 20) return node
  if (typeof node.$ref !== 'string') return node
  const path = (node.$ref as string).replace(/^#\//, '').split('/')
  let target: any = document
  for (const part of path) target = target?.[part]
  if (target === undefined) throw new Error(`unresolved $ref ${node.$ref}`)
  return resolve(document, target, depth + 1)
}

/** A schema reduced to what the contract compares. */
export type Shape = {
  type?: string
  format?: string
  enum?: string[]
  nullable: boolean
  properties?: Record<string, Shape>
  items?: Shape
}

const isNullSchema = (s: Json) => s.type === 'null' || (Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null)

/**
 * Normalises a schema: `$ref` resolved; `nullable: true`, `type: [t, 'null']` and a null member
 * of `anyOf`/`oneOf` all become `nullable`; `allOf` and the remaining `anyOf`/`oneOf` members
 * merge into one shape (the union of their attributes); a schema with `properties` is an object.
 */
export function shapeOf(document: Json, node: Json | undefined, depth = 0): Shape {
  const schema = resolve(document, node) ?? {}
  if (depth > 30) return { nullable: false }
  let nullable = schema.nullable === true
  let type: string | undefined
  if (Array.isArray(schema.type)) {
    nullable ||= schema.type.includes('null')
    type = schema.type.find((t: string) => t !== 'null')
  } else type = schema.type
  const members: Json[] = []
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    for (const member of (schema[key] ?? []) as Json[]) {
      const resolved = resolve(document, member)!
      if (isNullSchema(resolved)) nullable = true
      else members.push(resolved)
    }
  }
  let shape: Shape = { nullable }
  if (type !== undefined) shape.type = type
  // Upstream spells date-time `date_time` once (ParticipantIDChange.changed_at): the same format.
  if (typeof schema.format === 'string') shape.format = schema.format === 'date_time' ? 'date-time' : schema.format
  if (Array.isArray(schema.enum)) {
    if (schema.enum.includes(null)) shape.nullable = true
    shape.enum = schema.enum.filter((v: unknown) => v !== null).map(String).sort()
  }
  if (schema.properties) {
    shape.type ??= 'object'
    shape.properties = {}
    for (const [name, property] of Object.entries<Json>(schema.properties)) shape.properties[name] = shapeOf(document, property, depth + 1)
  }
  if (schema.items) {
    shape.type ??= 'array'
    shape.items = shapeOf(document, schema.items, depth + 1)
  }
  for (const member of members) shape = merge(shape, shapeOf(document, member, depth + 1))
  return shape
}

function merge(a: Shape, b: Shape): Shape {
  const out: Shape = { ...a, nullable: a.nullable || b.nullable }
  if (out.type === undefined && b.type !== undefined) out.type = b.type
  if (out.format === undefined && b.format !== undefined) out.format = b.format
  if (b.enum) out.enum = [...new Set([...(a.enum ?? []), ...b.enum])].sort()
  if (b.properties) {
    out.type ??= 'object'
    out.properties = { ...(a.properties ?? {}) }
    for (const [name, property] of Object.entries(b.properties)) {
      out.properties[name] = out.properties[name] ? merge(out.properties[name]!, property) : property
    }
  }
  if (b.items) out.items = a.items ? merge(a.items, b.items) : b.items
  return out
}

/** Differences between upstream's shape and ours, as readable lines prefixed by `where`. */
export function compareShapes(where: string, upstream: Shape, ours: Shape, out: string[] = []): string[] {
  if (upstream.type !== undefined && ours.type !== upstream.type) out.push(`${where}: type ${ours.type} (upstream ${upstream.type})`)
  if (upstream.format !== undefined && ours.format !== upstream.format) {
    out.push(`${where}: format ${ours.format} (upstream ${upstream.format})`)
  }
  if (ours.nullable !== upstream.nullable) out.push(`${where}: nullable ${ours.nullable} (upstream ${upstream.nullable})`)
  const upEnum = JSON.stringify(upstream.enum ?? null)
  const ourEnum = JSON.stringify(ours.enum ?? null)
  if (upEnum !== ourEnum) out.push(`${where}: enum ${ourEnum} (upstream ${upEnum})`)
  if (upstream.properties || ours.properties) {
    const up = upstream.properties ?? {}
    const mine = ours.properties ?? {}
    for (const name of Object.keys(up)) {
      if (!(name in mine)) out.push(`${where}.${name}: missing (upstream has it)`)
      else compareShapes(`${where}.${name}`, up[name]!, mine[name]!, out)
    }
    for (const name of Object.keys(mine)) if (!(name in up)) out.push(`${where}.${name}: extra (upstream lacks it)`)
  }
  if (upstream.items && ours.items) compareShapes(`${where}[]`, upstream.items, ours.items, out)
  return out
}

function jsonSchemaOf(document: Json, holder: Json | undefined): Json | undefined {
  const resolved = resolve(document, holder)
  return resolved?.content?.['application/json']?.schema
}

type Parameter = { name: string; in: string; required: boolean; style: string; schema: Json | undefined }

function parametersOf(document: Json, operation: Json): Parameter[] {
  return ((operation.parameters ?? []) as Json[]).map((p) => {
    const parameter = resolve(document, p)!
    return {
      name: parameter.name,
      in: parameter.in,
      required: parameter.required === true,
      // OpenAPI's default style: form in the query, simple in the path.
      style: parameter.style ?? (parameter.in === 'query' ? 'form' : 'simple'),
      schema: parameter.schema,
    }
  })
}

/** Every difference between upstream's operation and ours at one path and method. */
export function compareOperation(label: string, upDoc: Json, up: Json, ourDoc: Json, ours: Json, extraStatuses: readonly string[]): string[] {
  const out: string[] = []
  if (ours.operationId !== up.operationId) out.push(`${label}: operationId ${ours.operationId} (upstream ${up.operationId})`)
  if (JSON.stringify(ours.tags ?? []) !== JSON.stringify(up.tags ?? [])) {
    out.push(`${label}: tags ${JSON.stringify(ours.tags)} (upstream ${JSON.stringify(up.tags)})`)
  }

  const upParams = parametersOf(upDoc, up)
  const ourParams = parametersOf(ourDoc, ours)
  for (const p of upParams) {
    const mine = ourParams.find((q) => q.name === p.name && q.in === p.in)
    const where = `${label} parameter ${p.in}.${p.name}`
    if (!mine) {
      out.push(`${where}: missing`)
      continue
    }
    if (mine.required !== p.required) out.push(`${where}: required ${mine.required} (upstream ${p.required})`)
    if (mine.style !== p.style) out.push(`${where}: style ${mine.style} (upstream ${p.style})`)
    compareShapes(where, shapeOf(upDoc, p.schema), shapeOf(ourDoc, mine.schema), out)
  }
  for (const q of ourParams) {
    if (!upParams.some((p) => p.name === q.name && p.in === q.in)) out.push(`${label} parameter ${q.in}.${q.name}: extra`)
  }

  const upBody = jsonSchemaOf(upDoc, up.requestBody)
  const ourBody = jsonSchemaOf(ourDoc, ours.requestBody)
  if (upBody !== undefined || ourBody !== undefined) {
    if (upBody === undefined) out.push(`${label} request body: extra`)
    else if (ourBody === undefined) out.push(`${label} request body: missing`)
    else compareShapes(`${label} request body`, shapeOf(upDoc, upBody), shapeOf(ourDoc, ourBody), out)
  }

  const upResponses = (up.responses ?? {}) as Json
  const ourResponses = (ours.responses ?? {}) as Json
  for (const status of Object.keys(upResponses)) {
    const where = `${label} ${status}`
    if (!(status in ourResponses)) {
      out.push(`${where}: missing`)
      continue
    }
    const upSchema = jsonSchemaOf(upDoc, upResponses[status])
    const ourSchema = jsonSchemaOf(ourDoc, ourResponses[status])
    if (upSchema === undefined) continue
    if (ourSchema === undefined) out.push(`${where}: no JSON schema`)
    else compareShapes(where, shapeOf(upDoc, upSchema), shapeOf(ourDoc, ourSchema), out)
  }
  for (const status of Object.keys(ourResponses)) {
    if (!(status in upResponses) && !extraStatuses.includes(status)) out.push(`${label} ${status}: extra response`)
  }
  return out
}
