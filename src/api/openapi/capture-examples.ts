// Runs the example cases (example-cases.ts) against a seed-1 sandbox and records the answers as
// the v3 document's examples (examples.json, written by `npm run openapi:examples`). The seeding
// date and every request's clock are fixed, and the ids of records the cases create are replaced
// by ids derived like the seed's, so the same code always writes the same file.
import type { App } from '../surface.ts'
import { seedId } from '../../sandbox/derive.ts'
import { EXAMPLE_CASES, EXAMPLE_SEED, exampleToken, type ExampleCase } from './example-cases.ts'

/** The seeding date and request clock of the recorded answers. */
export const EXAMPLE_SEEDING_DATE = '2026-11-23'
export const EXAMPLE_CLOCK = '2026-11-23T12:00:00Z'

type Json = Record<string, any>
export type Named = { summary: string; description?: string; value: unknown }
export type OperationExamples = {
  parameters: Record<string, unknown>
  requestBody: Record<string, Named>
  responses: Record<string, Record<string, Named>>
}
export type Examples = Record<string, OperationExamples>

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g

function operationsOf(document: Json): Map<string, { method: string; path: string }> {
  const out = new Map<string, { method: string; path: string }>()
  for (const [path, item] of Object.entries<Json>(document.paths)) {
    for (const [method, operation] of Object.entries<Json>(item)) out.set(operation.operationId, { method: method.toUpperCase(), path })
  }
  return out
}

/** Sends every case to `app` (seeded with seed 1 at EXAMPLE_SEEDING_DATE) and collects the answers. */
export async function captureExamples(app: App, cases: ExampleCase[] = EXAMPLE_CASES, clock = EXAMPLE_CLOCK): Promise<Examples> {
  const document = (await app.inject({ method: 'GET', url: '/api/v3/openapi.json' })).json() as Json
  const operations = operationsOf(document)
  const answers = new Map<string, Json>()
  const created = new Map<string, string>()
  const examples: Examples = {}
  for (const c of cases) {
    const operation = operations.get(c.operationId)
    if (operation === undefined) throw new Error(`no operation ${c.operationId}`)
    const path = Object.entries(c.path ?? {}).reduce((url, [name, value]) => url.replace(`{${name}}`, resolve(value, answers)), operation.path)
    const response = await app.inject({
      method: operation.method as 'GET',
      url: c.query ? `${path}?${c.query}` : path,
      headers: { authorization: `Bearer ${exampleToken()}`, 'x-with-server-date': clock, ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(c.body !== undefined ? { payload: JSON.stringify(c.body) } : {}),
    })
    const body = response.json() as Json
    answers.set(`${c.operationId}/${c.name}`, body)
    if (c.tryIt && response.statusCode !== 200) throw new Error(`${c.operationId} ${c.name}: Try-it-out answered ${response.statusCode} ${response.body}`)
    if (c.tryIt && Array.isArray(body.data) && body.data.length === 0) throw new Error(`${c.operationId} ${c.name}: Try-it-out found nothing`)
    // A record a case creates gets a random id: shown as an id derived from the case's name.
    if (['POST'].includes(operation.method) && response.statusCode === 200) created.set(body.data.id, seedId(EXAMPLE_SEED, `example:${c.operationId}:${c.name}`))
    const entry = (examples[c.operationId] ??= { parameters: {}, requestBody: {}, responses: {} })
    if (c.tryIt) {
      for (const [name, value] of Object.entries(c.path ?? {})) entry.parameters[name] = resolve(value, answers)
      if (c.tryIt.filter) entry.parameters.filter = c.tryIt.filter
    }
    // Only valid bodies are request examples; an error's request is told in its answer's description.
    if (c.tryIt && c.body !== undefined) entry.requestBody[c.name] = { summary: c.summary, value: c.body }
    const request = `${operation.method} ${c.query ? `${path}?${c.query}` : path}`
    const description = c.tryIt ? undefined : `The answer to \`${request}\`${c.body === undefined ? '' : ` with the body \`${JSON.stringify(c.body)}\``}.`
    ;(entry.responses[String(response.statusCode)] ??= {})[c.name] = { summary: c.summary, ...(description ? { description } : {}), value: body }
  }
  return JSON.parse(JSON.stringify(examples).replace(UUID, (id) => created.get(id) ?? id)) as Examples
}

function resolve(value: string, answers: Map<string, Json>): string {
  if (!value.startsWith('@')) return value
  const answer = answers.get(value.slice(1))
  const id = answer?.data?.[0]?.id
  if (typeof id !== 'string') throw new Error(`no record in the answer ${value}`)
  return id
}
