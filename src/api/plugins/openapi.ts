// The two OpenAPI documents, generated from the route schemas (C-69, C-70), and the docs UI with
// its assets served by rect itself (C-71).
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'

declare module 'fastify' {
  interface FastifyInstance {
    adminDocument: () => Record<string, unknown>
  }
}

const V3_PREFIX = '/api/v3/'
const ADMIN_PREFIX = '/api/admin/v1/'

function only(prefix: string) {
  return ({ schema, url }: { schema: Record<string, unknown>; url: string }) => ({
    schema: url.startsWith(prefix) ? schema : { ...schema, hide: true },
    url,
  })
}

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.1',
      info: {
        title: 'Lead Provider API',
        version: 'v3',
        description:
          'rect: the DfE Register early career teachers Lead Provider API v3. Authenticate with `Authorization: Bearer <token>`. ' +
          'In sandbox mode, send `X-With-Server-Date: 2027-01-10` (or a date-time) to make one request act on another date; ' +
          'records written that way keep the travelled timestamps.',
      },
      components: { securitySchemes: { api_key: { type: 'http', scheme: 'bearer', description: 'Bearer token' } } },
      security: [{ api_key: [] }],
    },
    decorator: 'swagger',
    transform: only(V3_PREFIX) as never,
  })
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.1',
      info: {
        title: 'rect operator API',
        version: 'v1',
        description: 'Reference data, tokens, DfE manual partnerships and school actions. Admin bearer token only.',
      },
      components: { securitySchemes: { admin_token: { type: 'http', scheme: 'bearer', description: 'Admin token' } } },
      security: [{ admin_token: [] }],
    },
    decorator: 'adminDocument',
    transform: only(ADMIN_PREFIX) as never,
  })

  const open = { open: true }
  app.get('/api/v3/openapi.json', { config: open, schema: { hide: true } }, async () => app.swagger())
  app.get('/api/admin/v1/openapi.json', { config: open, schema: { hide: true } }, async () => app.adminDocument())
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: {
      urls: [
        { url: '/api/v3/openapi.json', name: 'Lead provider API v3' },
        { url: '/api/admin/v1/openapi.json', name: 'Operator API v1' },
      ],
      deepLinking: true,
      tryItOutEnabled: true,
    },
    staticCSP: true,
  })
  app.get('/api/docs/v3', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/api/docs', 302))
}
