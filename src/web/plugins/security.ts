// W-13: security headers on web pages only (never /api/…): helmet's, our Content-Security-Policy
// with a nonce per response for the template's inline script, and no caching (assets: W-3).
import { randomBytes } from 'node:crypto'
import fastifyHelmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'

export function contentSecurityPolicy(nonce: string, issuerOrigin: string | null): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    `form-action 'self'${issuerOrigin ? ` ${issuerOrigin}` : ''}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ')
}

export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    hsts: config.mode === 'production' ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  })
  const issuerOrigin = config.web.oidc ? new URL(config.web.oidc.issuer).origin : null
  app.decorateReply('pageNonce', '')
  app.addHook('onRequest', async (_request, reply) => {
    reply.pageNonce = randomBytes(16).toString('base64')
    reply.header('content-security-policy', contentSecurityPolicy(reply.pageNonce, issuerOrigin))
  })
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
    return payload
  })
}
