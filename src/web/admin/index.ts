// The DfE admin's pages (spec/08 section 5), under /admin: one route module per page or journey,
// registered here.
import type { FastifyInstance } from 'fastify'
import type { WebDeps } from '../index.ts'

export async function adminRoutes(app: FastifyInstance, _deps: WebDeps): Promise<void> {
  // Replaced by the real home page (W-80).
  app.get('/', async (_request, reply) => reply.render('pages/placeholder.njk', { title: 'DfE admin' }))
}
