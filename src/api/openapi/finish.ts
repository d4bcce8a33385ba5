// The finishing pass over a generated document (C-69, C-70): what a client generator and the docs
// UI need beyond the route schemas. It runs once per document, when the document is first built.
import type { Mode } from '../../config.ts'
import type { Examples, OperationExamples } from './capture-examples.ts'
import { extractComponents } from './components.ts'

type Json = Record<string, any>

export const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace']

export type FinishOptions = {
  /** The bearer scheme every operation names. */
  scheme: string
  /** v3 answers are rate limited per token; operator answers only when the token does not resolve (C-63, C-64). */
  limited: 'always' | 'unauthenticated'
  mode: Mode
  /** Recorded answers by operationId (examples.json), shown in place of the schemas' examples. */
  examples?: Examples
}

const REQUIRED_KEYS = 'x-rect-required'

/** The required keys of an object parameter in the query string, such as `filter[cohort]`. */
export const requiredKeys = (...keys: string[]) => ({ [REQUIRED_KEYS]: keys })

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` })

const ERROR_ITEM = {
  type: 'object',
  required: ['title', 'detail'],
  properties: {
    title: { type: 'string', description: 'What the error is about: an attribute name for a 422, else a short heading', example: 'Bad request' },
    detail: { type: 'string', description: 'What is wrong, in a sentence', example: 'Correct json data structure required. See API docs for reference.' },
  },
}

const SCHEMAS = {
  Error: {
    type: 'object',
    description: 'Every error answer except 401: one element per problem (C-25).',
    required: ['errors'],
    properties: { errors: { type: 'array', items: ERROR_ITEM } },
  },
  UnauthorisedError: {
    type: 'object',
    description: 'The 401 answer: the token is missing, unknown, revoked or of the wrong kind.',
    required: ['error'],
    properties: { error: { type: 'string', example: 'HTTP Token: Access denied' } },
  },
}

const integerHeader = (description: string, example: number) => ({ description, schema: { type: 'integer', minimum: 0, example } })

const HEADERS = {
  'RateLimit-Limit': integerHeader('Requests allowed in the current 5-minute window (1000 per lead provider token by default).', 1000),
  'RateLimit-Remaining': integerHeader('Requests left in the current window.', 998),
  'RateLimit-Reset': integerHeader('Seconds until the current window ends; windows start at multiples of 300 seconds since the Unix epoch, in real time.', 137),
  'Retry-After': integerHeader('Seconds to wait before the next request will be answered (at least 1).', 137),
  'X-Request-Id': { description: 'The request id: the one the client sent (up to 128 visible ASCII characters) or a new UUID. Quote it when reporting a problem.', schema: { type: 'string', example: '1f0c3a52-2b0e-4c47-9d36-0c7a9b2e4f11' } },
}

const SERVER_DATE = {
  name: 'X-With-Server-Date',
  in: 'header',
  required: false,
  description:
    'Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), ' +
    'years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. ' +
    'Other requests are not affected. An invalid value answers 400.',
  // No `example`: the docs UI would send it with every Try-it-out request.
  schema: { type: 'string' },
}

export function finishDocument(document: Json, options: FinishOptions): Json {
  for (const item of Object.values<Json>(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined
      if (!operation) continue
      operation.security ??= [{ [options.scheme]: [] }]
      for (const parameter of (operation.parameters ?? []) as Json[]) {
        // `filter`, `page` and any other object in the query string are bracket-keyed (C-37, C-32).
        if (parameter.in === 'query' && isObjectSchema(parameter.schema)) parameter.style ??= 'deepObject'
        // The plugin drops `required` inside a query object; `requiredKeys()` keeps it (P-44).
        const keys = parameter.schema?.[REQUIRED_KEYS]
        if (keys !== undefined) {
          delete parameter.schema[REQUIRED_KEYS]
          parameter.schema = { ...parameter.schema, required: keys }
        }
      }
      if (options.mode === 'sandbox') operation.parameters = [...(operation.parameters ?? []), ref('parameters', 'XWithServerDate')]
      const recorded = options.examples?.[operation.operationId]
      if (recorded) showExamples(operation, recorded)
      for (const [status, response] of Object.entries<Json>(operation.responses ?? {})) finishResponse(Number(status), response, options)
    }
  }
  extractComponents(document)
  document.components.schemas = { ...document.components.schemas, ...SCHEMAS }
  document.components.headers = HEADERS
  if (options.mode === 'sandbox') document.components.parameters = { XWithServerDate: SERVER_DATE }
  return document
}

/**
 * The recorded answers replace the schemas' illustrative examples: the parameters and the first
 * request body are what Try-it-out sends; each status shows every recorded answer of it.
 */
function showExamples(operation: Json, recorded: OperationExamples): void {
  for (const parameter of (operation.parameters ?? []) as Json[]) {
    if (parameter.name in recorded.parameters) parameter.example = recorded.parameters[parameter.name]
  }
  const body = operation.requestBody?.content?.['application/json'] as Json | undefined
  if (body && Object.keys(recorded.requestBody).length > 0) {
    delete body.example
    body.examples = recorded.requestBody
  }
  for (const [status, examples] of Object.entries(recorded.responses)) {
    const response = (operation.responses[status] ??= { description: 'See the examples', content: { 'application/json': {} } })
    const media = response.content['application/json'] as Json
    delete media.example
    media.examples = examples
  }
}

function finishResponse(status: number, response: Json, options: FinishOptions): void {
  const media = response.content?.['application/json'] as Json | undefined
  if (media && status >= 400) media.schema = ref('schemas', status === 401 ? 'UnauthorisedError' : 'Error')
  const headers: Json = { 'X-Request-Id': ref('headers', 'X-Request-Id') }
  if (options.limited === 'always' || status === 401 || status === 429) {
    for (const name of ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset']) headers[name] = ref('headers', name)
  }
  if (status === 429) headers['Retry-After'] = ref('headers', 'Retry-After')
  response.headers = { ...headers, ...(response.headers ?? {}) }
}

function isObjectSchema(schema: Json | undefined): boolean {
  return schema !== undefined && (schema.type === 'object' || schema.properties !== undefined)
}
