// The one place that picks an HTTP status and an error body (C-25 … C-31, STYLE).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { BAD_BODY, BadRequestError, InvalidError, NotFoundError, UnauthorisedError, UnavailableError } from '../../errors.ts'
import { isDatabaseUnavailable } from '../../db/faults.ts'
import { noteRefusal } from './request-log.ts'

export type ErrorItem = { title: string; detail: string }

export const NOT_FOUND: ErrorItem = { title: 'Resource not found', detail: 'Nothing could be found for the provided details' }
export const TOO_LARGE: ErrorItem = { title: 'Payload too large', detail: 'The request body must not be larger than 1 MB' }
export const TOO_MANY: ErrorItem = {
  title: 'Too many requests',
  detail: 'Rate limit exceeded. Retry after the number of seconds given in the Retry-After header',
}
export const INTERNAL: ErrorItem = { title: 'Internal server error', detail: 'Something went wrong. Try again later' }
export const UNAVAILABLE: ErrorItem = {
  title: 'Service unavailable',
  detail: 'The service is temporarily unavailable. Try again later',
}
export const UNAUTHORISED_BODY = { error: 'HTTP Token: Access denied' }

/** Thrown by the rate limiter (plugins/rate-limit.ts). */
export class RateLimitedError extends Error {
  readonly statusCode = 429
}

const BAD_BODY_CODES = new Set([
  'FST_ERR_CTP_INVALID_MEDIA_TYPE',
  'FST_ERR_CTP_EMPTY_JSON_BODY',
  'FST_ERR_CTP_INVALID_JSON_BODY',
  'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
  'FST_ERR_CTP_EMPTY_TYPE',
  'FST_ERR_CTP_INVALID_TYPE',
])

type Answer = { status: number; body: unknown }

/** C-30: one element per (title, detail), grouped by title in order of first failure. */
export function groupProblems(error: InvalidError): ErrorItem[] {
  const order: string[] = []
  const byTitle = new Map<string, string[]>()
  for (const { attribute, detail } of error.problems) {
    if (!byTitle.has(attribute)) {
      byTitle.set(attribute, [])
      order.push(attribute)
    }
    const details = byTitle.get(attribute)!
    if (!details.includes(detail)) details.push(detail)
  }
  return order.flatMap((title) => byTitle.get(title)!.map((detail) => ({ title, detail })))
}

export function answerFor(error: unknown): Answer {
  const errors = (...items: ErrorItem[]) => ({ errors: items })
  if (error instanceof InvalidError) return { status: 422, body: errors(...groupProblems(error)) }
  if (error instanceof NotFoundError) return { status: 404, body: errors(NOT_FOUND) }
  if (error instanceof BadRequestError) return { status: 400, body: errors({ title: error.title, detail: error.detail }) }
  if (error instanceof UnauthorisedError) return { status: 401, body: UNAUTHORISED_BODY }
  if (error instanceof RateLimitedError) return { status: 429, body: errors(TOO_MANY) }
  if (error instanceof UnavailableError || isDatabaseUnavailable(error)) return { status: 503, body: errors(UNAVAILABLE) }
  const code = (error as FastifyError | undefined)?.code
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, body: errors(TOO_LARGE) }
  if (code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return { status: 400, body: errors({ title: 'Bad request', detail: 'The request body does not have the length its Content-Length header gives.' }) }
  }
  if ((code !== undefined && BAD_BODY_CODES.has(code)) || error instanceof SyntaxError) {
    return { status: 400, body: errors({ title: 'Bad request', detail: BAD_BODY }) }
  }
  return { status: 500, body: errors(INTERNAL) }
}

/** The log's words for a refusal: the 401's reason, or the error details the body carries. */
function refusalOf(error: unknown, body: unknown): string {
  if (error instanceof UnauthorisedError) return error.reason
  const items = (body as { errors?: ErrorItem[] }).errors ?? []
  return items.map((item) => `${item.title}: ${item.detail}`).join('; ')
}

/** W-1: answers an unknown path with the web's HTML 404 page when that is wanted, else null. */
export type HtmlNotFound = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | null

export function registerErrorHandling(app: FastifyInstance, htmlNotFound?: HtmlNotFound): void {
  // Q-14, C-25: while the server stops, a request arriving on an open keep-alive connection is not
  // started: it gets the C-26 503 (Fastify's own would not be in the error format). Requests
  // already running finish, and every answer closes its connection, so no client's keep-alive
  // holds the stop up.
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
  })
  app.addHook('onRequest', async () => {
    if (closing) throw new UnavailableError()
  })
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close')
    return payload
  })
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    // C-10 row 1: an unknown route is the 404 even when its body is too large or malformed.
    const { status, body } = request.is404 ? { status: 404, body: { errors: [NOT_FOUND] } } : answerFor(error)
    if (status < 500) noteRefusal(request, request.is404 ? 'unknown route' : refusalOf(error, body))
    if (status >= 500) request.log.error({ err: error }, status === 503 ? 'database unavailable' : 'unexpected error')
    return reply.code(status).type('application/json; charset=utf-8').send(body)
  })
  // C-29: unknown paths and methods, whatever the token, before any other check.
  app.setNotFoundHandler((request, reply) => {
    noteRefusal(request, 'unknown route')
    const page = htmlNotFound?.(request, reply) ?? null
    if (page !== null) return page
    return reply.code(404).type('application/json; charset=utf-8').send({ errors: [NOT_FOUND] })
  })
}
