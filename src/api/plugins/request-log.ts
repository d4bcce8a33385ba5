// X-Request-Id (C-83), Cache-Control (C-84) and one log line per request (Q-26, W-118).
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'

const VISIBLE_ASCII = /^[\x21-\x7e]{1,128}$/

export function requestIdFor(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id']
  const value = Array.isArray(given) ? given.at(-1) : given
  return value !== undefined && VISIBLE_ASCII.test(value) ? value : randomUUID()
}

const refusals = new WeakMap<FastifyRequest, string>()

/** Why a request was refused (4xx), for its log line; set by the error mapper. */
export function noteRefusal(request: FastifyRequest, reason: string): void {
  refusals.set(request, reason.length > 300 ? `${reason.slice(0, 299)}…` : reason)
}

export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id)
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) reply.header('cache-control', 'no-store')
    return payload
  })
  app.addHook('onResponse', async (request: FastifyRequest, reply) => {
    const caller = request.caller
    // W-118: a web request names the user's kind and school, never the session, cookie or tokens.
    const webUser = request.webUser ?? null
    request.log.info(
      {
        method: request.method,
        path: request.url.split('?')[0],
        status: reply.statusCode,
        duration_ms: Math.round(reply.elapsedTime * 10) / 10,
        ...(caller?.kind === 'lead_provider' ? { lead_provider_id: caller.leadProviderId } : {}),
        ...(caller?.kind === 'admin' ? { admin: true } : {}),
        ...(webUser !== null ? { web_user: webUser.kind, ...(webUser.kind === 'school' ? { urn: webUser.urn } : {}) } : {}),
        ...(request.travelled ? { server_date: request.clock.now.toISOString() } : {}),
        ...(refusals.has(request) ? { refused: refusals.get(request) } : {}),
      },
      'request',
    )
  })
}
