// The web interface (spec/08): GOV.UK pages for school induction tutors and DfE admins on the same
// domain commands as the operator API. `createWeb` sets up the pieces every page needs; AREAS is
// the route map at a glance: add a page to an area's index, or an area here.
import { randomBytes } from 'node:crypto'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyFormbody from '@fastify/formbody'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../config.ts'
import { adminRoutes } from './admin/index.ts'
import type { WebDeps } from './deps.ts'
import { parseForm } from './forms/form.ts'
import { pageRoutes } from './pages/routes.ts'
import { registerAssets } from './plugins/assets.ts'
import { registerWebClock } from './plugins/clock.ts'
import { errorPageFor, NOT_FOUND_PAGE, sendErrorPage, wantsHtml, WebNotFound } from './plugins/errors.ts'
import { contentSecurityPolicy, registerSecurityHeaders } from './plugins/security.ts'
import { registerSessions } from './plugins/session.ts'
import { requireUser, resolveUser, type WebUser } from './plugins/user.ts'
import { createEnvironment, registerViews, SERVICE_NAME } from './plugins/views.ts'
import { phaseBanner } from './plugins/phase-banner.ts'
import { schoolRoutes } from './school/index.ts'
import { signInRoutes } from './sign-in/routes.ts'
import { timeTravelRoutes } from './time-travel/routes.ts'

type Area = {
  prefix: string
  routes: (app: FastifyInstance, deps: WebDeps) => Promise<void>
  /** Only this kind of user (W-26); the area's unknown paths get the 404 page in the template. */
  user?: WebUser['kind']
}

const AREAS: Area[] = [
  { prefix: '', routes: pageRoutes },
  { prefix: '', routes: signInRoutes },
  { prefix: '', routes: timeTravelRoutes },
  { prefix: '/school', routes: schoolRoutes, user: 'school' },
  { prefix: '/admin', routes: adminRoutes, user: 'admin' },
]

/** W-6: form bodies over 100 KB answer the 413 page. */
export const WEB_BODY_LIMIT = 102_400

export type Web = {
  routes: (app: FastifyInstance) => Promise<void>
  /** W-1: the HTML 404 page for an unknown path outside the web's areas, when HTML is wanted. */
  notFound: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | null
}

export function createWeb(deps: WebDeps): Web {
  const env = createEnvironment()
  return {
    routes: async (app) => {
      // W-6: form bodies only; any other Content-Type is the 400 page.
      app.removeAllContentTypeParsers()
      await app.register(fastifyFormbody, { bodyLimit: WEB_BODY_LIMIT, parser: parseForm })
      await registerSessions(app, deps.db, deps.config)
      await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session', logLevel: 'info' })
      app.decorateRequest('webUser', null)
      app.decorateRequest('school', null)
      app.decorateRequest('timedOut', false)
      app.decorateRequest('signInReturnTo', null)
      app.addHook('onRequest', resolveUser)
      registerWebClock(app, deps.config.mode)
      await registerSecurityHeaders(app, deps.config)
      await registerViews(app, deps.config)
      // W-11: every POST's _csrf, before any other check.
      app.addHook('preHandler', (request, reply, done) => {
        if (request.method !== 'POST') return done()
        app.csrfProtection(request, reply, done)
      })
      app.setErrorHandler(async (error: FastifyError, request, reply) => {
        const page = errorPageFor(error, request)
        if (page.status >= 500) request.log.error({ err: error }, page.status === 503 ? 'database unavailable' : 'unexpected error')
        return sendErrorPage(request, reply, page)
      })
      await registerAssets(app)
      for (const area of AREAS) await app.register(areaPlugin(area, deps), { prefix: area.prefix })
    },
    notFound: (request, reply) => {
      if (!wantsHtml(request) || /^\/(api|healthcheck)(\/|$|\?)/.test(request.url)) return null
      const nonce = randomNonce()
      const html = env.render('error.njk', {
        title: NOT_FOUND_PAGE.title,
        paragraphs: NOT_FOUND_PAGE.paragraphs,
        serviceName: SERVICE_NAME,
        serviceUrl: '/',
        navigation: [],
        phaseBanner: phaseBanner(request, deps.config.mode),
        cspNonce: nonce,
        csrfToken: () => '',
        errors: { list: [], fields: {} },
      })
      return reply
        .code(404)
        .headers(pageHeaders(nonce, deps.config))
        .type('text/html; charset=utf-8')
        .send(html)
    },
  }
}

function areaPlugin(area: Area, deps: WebDeps) {
  return async (app: FastifyInstance) => {
    if (area.user !== undefined) {
      app.addHook('preHandler', requireUser(deps.db, area.user))
      app.setNotFoundHandler(async (request, reply) => {
        if (!wantsHtml(request)) return reply.code(404).type('application/json; charset=utf-8').send(JSON_NOT_FOUND)
        throw new WebNotFound()
      })
    }
    await area.routes(app, deps)
  }
}

const JSON_NOT_FOUND = { errors: [{ title: 'Resource not found', detail: 'Nothing could be found for the provided details' }] }

function randomNonce(): string {
  return randomBytes(16).toString('base64')
}

/** W-13's headers for a page rendered outside the web's own context (the root 404). */
function pageHeaders(nonce: string, config: Config): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(nonce, config.web.oidc ? new URL(config.web.oidc.issuer).origin : null),
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...(config.mode === 'production' ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  }
}
