// The school user's pages (spec/08 section 4), under /school: one route module per page or
// journey, registered here. Every route sees `request.school` (the signed-in school, W-26).
import type { FastifyInstance } from 'fastify'
import type { WebDeps } from '../index.ts'

export async function schoolRoutes(app: FastifyInstance, _deps: WebDeps): Promise<void> {
  // Replaced by the real home page (W-40).
  app.get('/', async (request, reply) =>
    reply.render('pages/placeholder.njk', { title: request.school!.name, caption: `URN ${request.school!.urn}` }),
  )
}
