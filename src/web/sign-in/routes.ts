// W-21 … W-26: signing in (sandbox personas or OIDC) and out.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { WebDeps } from '../deps.ts'
import { ErrorCollector } from '../forms/errors.ts'
import { field, queryValue } from '../forms/form.ts'
import { endSession } from '../plugins/session.ts'
import { afterSignIn, homeOf, signIn, type WebUser } from '../plugins/user.ts'
import { findPersonaSchools, findSchoolForPersona } from './personas.ts'
import { oidcSignIn } from './oidc.ts'

export async function signInRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { db, config } = deps
  const oidc = config.web.oidc === null ? null : oidcSignIn(app, deps)

  app.get('/sign-in', async (request, reply) => {
    if (oidc !== null) {
      // W-26: with OIDC, /sign-in when signed in goes home.
      if (request.webUser !== null) return reply.redirect(homeOf(request.webUser), 302)
      return reply.render('sign-in/oidc.njk', { title: 'Sign in', ...timedOutNotice(request, deps) })
    }
    if (config.mode === 'production') return signInOff(reply)
    return renderPersonas(request, reply, deps)
  })

  app.post('/sign-in/persona', async (request, reply) => {
    if (oidc !== null || config.mode === 'production') return signInOff(reply)
    const persona = field(request.body, 'persona')
    if (persona === 'admin') return finish(request, reply, { kind: 'admin', name: 'DfE admin', actor: 'sandbox:admin' })
    const urn = field(request.body, 'urn').trim()
    const school = /^\d{6}$/.test(urn) ? await findSchoolForPersona(db, urn) : undefined
    if (persona !== 'school' || !school) {
      const errors = new ErrorCollector([{ id: 'q' }]).add('q', persona === 'school' ? `No school has URN ${urn}` : 'Choose who to sign in as')
      return renderPersonas(request, reply, deps, errors.result(), 422)
    }
    return finish(request, reply, {
      kind: 'school',
      schoolId: school.id,
      urn: school.urn,
      name: `Induction tutor, ${school.name}`,
      actor: `sandbox:school:${school.urn}`,
    })
  })

  app.post('/sign-out', async (request, reply) => {
    const idToken = request.session.idToken
    await endSession(request, reply)
    const to = oidc === null ? null : await oidc.endSessionUrl(idToken)
    return reply.redirect(to ?? '/signed-out', 303)
  })

  if (oidc !== null) oidc.routes()
  else if (config.mode === 'production') app.post('/sign-in', async (_request, reply) => signInOff(reply))

  app.get('/signed-out', async (_request, reply) => reply.render('sign-in/signed-out.njk', { title: 'You have signed out' }))

}

async function finish(request: FastifyRequest, reply: FastifyReply, user: WebUser) {
  await signIn(request, user)
  return reply.redirect(afterSignIn(request, user), 303)
}

function signInOff(reply: FastifyReply) {
  return reply.render('error.njk', { title: 'Sorry, the service is unavailable', paragraphs: ['Signing in is not available.'] }, 503)
}

export function timedOutNotice(request: FastifyRequest, deps: WebDeps) {
  const minutes = deps.config.web.sessionIdleMinutes
  return queryValue(request.query, 'timed_out') === '1'
    ? { notice: `You were signed out because you had not used the service for ${minutes} minute${minutes === 1 ? '' : 's'}` }
    : {}
}

async function renderPersonas(request: FastifyRequest, reply: FastifyReply, deps: WebDeps, errors = undefined as ReturnType<ErrorCollector['result']> | undefined, status = 200) {
  const q = queryValue(request.query, 'q')
  const schools = await findPersonaSchools(deps.db, request.clock.today, q)
  return reply.render('sign-in/personas.njk', { title: 'Sign in to the sandbox', q, schools, ...(errors ? { errors } : {}), ...timedOutNotice(request, deps) }, status)
}
