// The two OpenAPI documents, generated from the route schemas (C-69, C-70), and the docs UI with
// its assets served by rect itself (C-71). Each document takes the routes under its prefix; the
// same finishing pass applies to both, so operator routes need nothing beyond their schemas.
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'

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
  info: { title: string; version: string; description: string }
  scheme: { name: string; description: string }
}

export const DOCUMENTS: Document[] = [
  {
    prefix: '/api/v3',
    decorator: 'swagger',
    name: 'Lead provider API v3',
    info: {
      title: 'Lead Provider API',
      version: 'v3',
      description:
        'rect: the DfE Register early career teachers Lead Provider API v3. Authenticate with `Authorization: Bearer <token>`. ' +
        'In sandbox mode, send `X-With-Server-Date: 2027-01-10` (or a date-time) to make one request act on another date; ' +
        'records written that way keep the travelled timestamps.',
    },
    // Upstream's scheme name, so generated clients keep working (C-69).
    scheme: { name: 'api_key', description: 'Bearer token' },
  },
  {
    prefix: '/api/admin/v1',
    decorator: 'adminDocument',
    name: 'Operator API v1',
    info: {
      title: 'rect operator API',
      version: 'v1',
      description: 'Reference data, tokens, DfE manual partnerships and school actions. Admin bearer token only.',
    },
    scheme: { name: 'admin_token', description: 'Admin token' },
  },
]

export const documentUrl = (document: Document) => `${document.prefix}/openapi.json`

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace']

type Json = Record<string, any>

/**
 * The finishing pass over a generated document:
 * - `filter`, `page` and any other object in the query string are bracket-keyed (C-37, C-32),
 *   which OpenAPI calls `style: deepObject`;
 * - every operation names the bearer scheme, as upstream's do.
 */
export function finishDocument(document: Json, scheme: string): Json {
  for (const item of Object.values<Json>(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined
      if (!operation) continue
      operation.security ??= [{ [scheme]: [] }]
      for (const parameter of (operation.parameters ?? []) as Json[]) {
        if (parameter.in === 'query' && isObjectSchema(parameter.schema)) parameter.style ??= 'deepObject'
      }
    }
  }
  return document
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
      const schemas = Object.values<Json>(body.content ?? {}).map((media) => media.schema as Json | undefined)
      if (schemas.every((schema) => !schema?.required || schema.required.length === 0)) body.required = false
    }
  }
  return document
}

function isObjectSchema(schema: Json | undefined): boolean {
  return schema !== undefined && (schema.type === 'object' || schema.properties !== undefined)
}

function only(prefix: string) {
  return ({ schema, url }: { schema: Record<string, unknown>; url: string }) => ({
    schema: url.startsWith(`${prefix}/`) ? schema : { ...schema, hide: true },
    url,
  })
}

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  for (const document of DOCUMENTS) {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.1',
        info: document.info,
        components: { securitySchemes: { [document.scheme.name]: { type: 'http', scheme: 'bearer', description: document.scheme.description } } },
        security: [{ [document.scheme.name]: [] }],
      },
      decorator: document.decorator,
      transform: only(document.prefix) as never,
      transformObject: ({ openapiObject }: { openapiObject: Json }) => {
        const finished = finishDocument(openapiObject, document.scheme.name)
        return document.prefix === '/api/admin/v1' ? markOptionalBodies(finished) : finished
      },
    } as never)
  }

  // C-69, C-70: no authentication, no clock header; the documents never depend on the request.
  const open = { open: true }
  for (const document of DOCUMENTS) {
    app.get(documentUrl(document), { config: open, schema: { hide: true } }, async () => app[document.decorator]())
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
  })
  // Upstream's docs address (C-71).
  app.get('/api/docs/v3', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/api/docs', 302))
}
