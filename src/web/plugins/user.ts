// W-20: the two kinds of user a session holds, the W-16 actor of their actions, and access
// control for an area (W-26).
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Selectable } from 'kysely'
import type { Db } from '../../db/connect.ts'
import type { SchoolsTable } from '../../db/schema.ts'
import { inTransaction, type Tx } from '../../db/transaction.ts'
import { actAs } from '../../domain/events.ts'
import { localPath } from '../forms/form.ts'
import { ABSOLUTE_TIMEOUT_MS, endSession, realNow, sessionEnded, type WebUser } from './session.ts'
import { WebNotFound } from './errors.ts'

/** Declared in session.ts, which holds it (W-12); this file reads it. */
export type { WebUser }

export type School = Selectable<SchoolsTable>

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in web user, or null (W-20). */
    webUser: WebUser | null
    /** The school user's school, loaded by the school area's access check. */
    school: School | null
  }
}

/** The home of each kind of user (W-4's service name link). */
export function homeOf(user: WebUser | null): string {
  if (user === null) return '/'
  return user.kind === 'school' ? '/school' : '/admin'
}

/** Reads the user from the session; a session past its 12 hours is ended (W-25). */
export async function resolveUser(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const session = request.session
  const user = session?.user ?? null
  if (user !== null && realNow() - (session.signedInAt ?? 0) > ABSOLUTE_TIMEOUT_MS) {
    await endSession(request, reply)
    request.webUser = null
    request.timedOut = true
    return
  }
  request.webUser = user
  request.timedOut = sessionEnded(request)
}

declare module 'fastify' {
  interface FastifyRequest {
    /** W-25: the browser's session has ended (idle or 12 hours); sign-in says so. */
    timedOut: boolean
  }
}

/** Signs a user in: a new session id (W-12), the travelled date kept (W-21, W-31). */
export async function signIn(request: FastifyRequest, user: WebUser): Promise<void> {
  const travel = request.session.travel
  const returnTo = request.session.returnTo
  await request.session.regenerate()
  if (travel !== undefined) request.session.travel = travel
  request.session.user = user
  request.session.signedInAt = realNow()
  request.webUser = user
  request.signInReturnTo = returnTo ?? null
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The path remembered before sign-in (W-26), read once by `signIn`. */
    signInReturnTo: string | null
  }
}

/** Where to go after signing in: the remembered path if it is the user's area, else home. */
export function afterSignIn(request: FastifyRequest, user: WebUser): string {
  const path = localPath(request.signInReturnTo)
  const area = homeOf(user)
  return path !== null && (path === area || path.startsWith(`${area}/`) || path.startsWith(`${area}?`)) ? path : area
}

/**
 * W-26: an area's onRequest check. Signed out: a GET answers 302 to /sign-in remembering the
 * path, a POST 303. The other kind of user gets the 404 page. A school user whose school is gone
 * is signed out (W-25).
 */
export function requireUser(db: Db, kind: WebUser['kind']) {
  return async function requireUserHook(request: FastifyRequest, reply: FastifyReply) {
    const user = request.webUser
    if (user === null) return toSignIn(request, reply)
    if (user.kind !== kind) throw new WebNotFound()
    if (user.kind === 'school') {
      const school = await db.selectFrom('schools').selectAll().where('id', '=', user.schoolId).executeTakeFirst()
      if (!school) {
        await endSession(request, reply)
        request.webUser = null
        return reply.redirect('/sign-in?timed_out=1', request.method === 'GET' ? 302 : 303)
      }
      request.school = school
    }
  }
}

async function toSignIn(request: FastifyRequest, reply: FastifyReply) {
  const query = request.timedOut ? '?timed_out=1' : ''
  if (request.method === 'GET' || request.method === 'HEAD') {
    const path = localPath(request.url)
    if (path !== null) request.session.returnTo = path
    return reply.redirect(`/sign-in${query}`, 302)
  }
  return reply.redirect(`/sign-in${query}`, 303)
}

/**
 * W-16, C-81: runs a web action's command in one transaction whose events name the user:
 * author `school` for a school user, `operator` for an admin, and the actor.
 */
export function asUser<T>(db: Db, request: FastifyRequest, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const user = request.webUser
  if (user === null) throw new Error('asUser needs a signed-in user')
  return inTransaction(db, (tx) => {
    actAs(tx, { author: user.kind === 'school' ? 'school' : 'operator', actor: user.actor })
    return fn(tx)
  })
}
