// W-1, W-4, W-26: the start page and the footer's pages, open to everyone.
import type { FastifyInstance } from 'fastify'
import type { WebDeps } from '../deps.ts'
import { homeOf } from '../plugins/user.ts'
import { SERVICE_NAME } from '../plugins/views.ts'

export async function pageRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  app.get('/', async (request, reply) => {
    if (request.webUser !== null) return reply.redirect(homeOf(request.webUser), 302)
    return reply.render('pages/start.njk', { title: SERVICE_NAME })
  })
  app.get('/accessibility', async (_request, reply) => reply.render('pages/accessibility.njk', { title: 'Accessibility statement' }))
  app.get('/cookies', async (_request, reply) =>
    reply.render('pages/cookies.njk', { title: 'Cookies', idleMinutes: deps.config.web.sessionIdleMinutes }),
  )
}
