// The two OpenAPI documents, generated from the route schemas (C-69, C-70), and the docs UI with
// its assets served by rect itself (C-71). Each document takes the routes under its prefix; the
// same finishing pass applies to both, so operator routes need nothing beyond their schemas.
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Mode } from '../../config.ts'
import { finishDocument, METHODS, type FinishOptions } from '../openapi/finish.ts'
import { ADMIN_GUIDE, V3_GUIDE } from '../openapi/guide.ts'
import type { Examples } from '../openapi/capture-examples.ts'
import v3Examples from '../openapi/examples.json' with { type: 'json' }

declare module 'fastify' {
  interface FastifyInstance {
    adminDocument: () => Record<string, unknown>
  }
}

type Document = {
  prefix: string
  /** The instance method @fastify/swagger adds for this document. */
  decorator: 'swagger' | 'adminDocument'
  name: string
  info: { title: string; version: string; description: string; license?: { name: string; url: string } }
  scheme: { name: string; description: string }
  limited: FinishOptions['limited']
  examples?: FinishOptions['examples']
}

export const DOCUMENTS: Document[] = [
  {
    prefix: '/api/v3',
    decorator: 'swagger',
    name: 'Lead provider API v3',
    info: {
      title: 'Lead Provider API',
      version: 'v3',
      description: V3_GUIDE,
    },
    // Upstream's scheme name, so generated clients keep working (C-69).
    scheme: { name: 'api_key', description: 'Bearer token' },
    limited: 'always',
    examples: v3Examples as Examples,
  },
  {
    prefix: '/api/admin/v1',
    decorator: 'adminDocument',
    name: 'Operator API v1',
    info: {
      title: 'rect operator API',
      version: 'v1',
      description: ADMIN_GUIDE,
    },
    scheme: { name: 'admin_token', description: 'Admin token' },
    limited: 'unauthenticated',
  },
]

export const documentUrl = (document: Document) => `${document.prefix}/openapi.json`

type Json = Record<string, any>

/**
 * `servers` names the address the document was fetched from, so the docs UI's Try-it-out and a
 * generated client call the server the reader reached, whatever address it listens on. Without a
 * Host header, the address the connection arrived at.
 */
export function withServers(document: Json, request: FastifyRequest): Json {
  const host = request.headers.host
  const forwarded = String(request.headers['x-forwarded-proto'] ?? '').split(',')[0]!.trim()
  const scheme = forwarded === 'https' || forwarded === 'http' ? forwarded : request.protocol
  const local = request.socket.localAddress
  const address = host !== undefined && /^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(host)
    ? host
    : local === undefined ? null : `${local.includes(':') ? `[${local}]` : local}:${request.socket.localPort}`
  const { openapi, info, ...rest } = document
  return { openapi, info, servers: [{ url: address === null ? '/' : `${scheme}://${address}`, description: 'This rect server' }], ...rest }
}

/**
 * C-73: an operator API body is optional when it requires no field (no body counts as `{}`), so
 * a plain `POST /sandbox/reset` is documented as the valid request it is. @fastify/swagger marks
 * every body required.
 */
export function markOptionalBodies(document: Json): Json {
  for (const item of Object.values<Json>(document.paths ?? {})) {
    for (const method of METHODS) {
      const body = (item[method] as Json | undefined)?.requestBody as Json | undefined
      if (!body) continue
      const schemas = Object.values<Json>(body.content ?? {}).map((media) => resolved(document, media.schema as Json | undefined))
      if (schemas.every((schema) => !schema?.required || schema.required.length === 0)) body.required = false
    }
  }
  return document
}

/** A schema, or the component its `$ref` names. */
function resolved(document: Json, schema: Json | undefined): Json | undefined {
  const ref = schema?.$ref as string | undefined
  if (ref === undefined || !ref.startsWith('#/components/schemas/')) return schema
  return (document.components?.schemas ?? {})[ref.slice('#/components/schemas/'.length)] as Json | undefined
}

function only(prefix: string) {
  return ({ schema, url }: { schema: Record<string, unknown>; url: string }) => ({
    schema: url.startsWith(`${prefix}/`) ? schema : { ...schema, hide: true },
    url,
  })
}

export async function registerOpenApi(app: FastifyInstance, mode: Mode): Promise<void> {
  for (const document of DOCUMENTS) {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.1',
        info: { ...document.info, license: { name: 'MIT (rect)', url: 'https://opensource.org/license/mit' } },
        components: { securitySchemes: { [document.scheme.name]: { type: 'http', scheme: 'bearer', description: document.scheme.description } } },
        security: [{ [document.scheme.name]: [] }],
      },
      decorator: document.decorator,
      transform: only(document.prefix) as never,
      transformObject: ({ openapiObject }: { openapiObject: Json }) => {
        const finished = finishDocument(openapiObject, { scheme: document.scheme.name, limited: document.limited, mode, ...(document.examples ? { examples: document.examples } : {}) })
        return document.prefix === '/api/admin/v1' ? markOptionalBodies(finished) : finished
      },
    } as never)
  }

  // C-69, C-70: no authentication, no clock header; the documents never depend on the request.
  const open = { open: true }
  for (const document of DOCUMENTS) {
    app.get(documentUrl(document), { config: open, schema: { hide: true } }, async (request) => withServers(app[document.decorator](), request))
  }
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: {
      urls: DOCUMENTS.map((document) => ({ url: documentUrl(document), name: document.name })),
      'urls.primaryName': DOCUMENTS[0]!.name,
      deepLinking: true,
      tryItOutEnabled: true,
      validatorUrl: null,
    } as never,
    staticCSP: true,
    // A sandbox is reached over plain http, often at an address that is not localhost: asking the
    // browser to upgrade the assets to https would leave the docs page blank (issue 18).
    ...(mode === 'sandbox' ? { transformStaticCSP: (header: string) => header.replace(/\s*upgrade-insecure-requests;?/, '') } : {}),
  })
  // Upstream's docs address (C-71).
  app.get('/api/docs/v3', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/api/docs', 302))
}
