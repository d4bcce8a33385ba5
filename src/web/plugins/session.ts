// W-12, W-25: one cookie, `rect_session`, holding the signed session id; the data lives in the
// web_sessions table. Idle and absolute timeouts are measured in real time, never the travelled
// clock (W-25), so this file reads the process clock on purpose.
import fastifyCookie from '@fastify/cookie'
import fastifySession from '@fastify/session'
import type { FastifyInstance, FastifyReply, FastifyRequest, Session } from 'fastify'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/connect.ts'

export const SESSION_COOKIE = 'rect_session'
/** W-25: 12 hours after sign-in, whatever the activity. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 3600_000
/** The idle deadline is pushed forward at most once a minute, not written on every request. */
const TOUCH_EVERY_MS = 60_000
/** W-12: expired rows are deleted at start-up and hourly. */
const SWEEP_EVERY_MS = 3600_000

/** W-25: sessions time out in real time, whatever the travelled clock says. */
export function realNow(): number {
  // eslint-disable-next-line no-restricted-syntax
  return Date.now()
}

/** W-20: the two kinds of user a session holds; `actor` is the W-16 name of their actions (user.ts). */
export type WebUser =
  | { kind: 'school'; schoolId: string; urn: string; name: string; actor: string }
  | { kind: 'admin'; name: string; actor: string }

/** What a session holds (W-12): the user, wizard answers, flash, travelled date, OIDC state. */
export type SessionData = {
  user?: WebUser
  /** Real time of sign-in, ms (W-25's 12 hours). */
  signedInAt?: number
  /** W-31: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:00`, Europe/London. */
  travel?: string
  /** W-26: the path asked for before signing in. */
  returnTo?: string
  /** W-9: a success banner shown once. */
  flash?: Flash
  /** W-10: each journey's answers, by journey key. */
  wizards?: Record<string, Record<string, unknown>>
  /** W-22: the sign-in in progress. */
  oidc?: { state: string; nonce: string; verifier: string }
  /** W-24: for the issuer's end-session endpoint. */
  idToken?: string
}

export type Flash = { heading?: string; text: string; data?: Record<string, unknown> }

declare module 'fastify' {
  interface Session extends SessionData {
    _csrf?: string
  }
}

type Callback = (error?: unknown) => void
type GetCallback = (error: unknown, session?: Session | null) => void

/** @fastify/session's store over web_sessions. */
export function sessionStore(db: Db, idleMinutes: number) {
  const idleMs = idleMinutes * 60_000
  return {
    set(id: string, session: object, callback: Callback) {
      const now = realNow()
      const data = JSON.stringify({ ...session, cookie: undefined })
      db.insertInto('web_sessions')
        .values({ id, data, expires_at: new Date(now + idleMs), created_at: new Date(now) })
        .onConflict((oc) => oc.column('id').doUpdateSet({ data, expires_at: new Date(now + idleMs) }))
        .execute()
        .then(() => callback(), callback)
    },
    get(id: string, callback: GetCallback) {
      const now = realNow()
      db.selectFrom('web_sessions')
        .select(['data', 'expires_at'])
        .where('id', '=', id)
        .where('expires_at', '>', new Date(now))
        .executeTakeFirst()
        .then(async (row) => {
          if (!row) return callback(null, null)
          if (new Date(row.expires_at).getTime() < now + idleMs - TOUCH_EVERY_MS) {
            await db.updateTable('web_sessions').set({ expires_at: new Date(now + idleMs) }).where('id', '=', id).execute()
          }
          callback(null, (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Session)
        }, callback)
    },
    destroy(id: string, callback: Callback) {
      db.deleteFrom('web_sessions').where('id', '=', id).execute().then(() => callback(), callback)
    },
  }
}

export async function deleteExpiredSessions(db: Db): Promise<number> {
  const result = await db.deleteFrom('web_sessions').where('expires_at', '<=', new Date(realNow())).executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function registerSessions(app: FastifyInstance, db: Db, config: Config): Promise<void> {
  // The same secret as the session's signer, so `sessionEnded` can read the cookie's signature.
  await app.register(fastifyCookie, { secret: config.web.sessionSecret })
  await app.register(fastifySession, {
    cookieName: SESSION_COOKIE,
    secret: config.web.sessionSecret,
    store: sessionStore(db, config.web.sessionIdleMinutes),
    // W-12: created only when something must be stored; saved only when changed.
    saveUninitialized: false,
    rolling: false,
    cookie: { httpOnly: true, sameSite: 'lax', path: '/', secure: config.mode === 'production' },
  })
  const sweep = () => deleteExpiredSessions(db).catch((error: unknown) => app.log.warn({ err: error }, 'could not delete expired web sessions'))
  let timer: NodeJS.Timeout | null = null
  app.addHook('onReady', async () => {
    await sweep()
    timer = setInterval(() => void sweep(), SWEEP_EVERY_MS)
    timer.unref()
  })
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer)
  })
}

/**
 * W-25: the browser sent a session cookie carrying a valid signature, but its session has ended
 * (idle, or deleted): the request is signed out and sign-in says why.
 */
export function sessionEnded(request: FastifyRequest): boolean {
  const raw = request.cookies[SESSION_COOKIE]
  if (!raw) return false
  const unsigned = request.unsignCookie(raw)
  return unsigned.valid && unsigned.value !== request.session.sessionId
}

/**
 * Ends the session (W-24, W-25): its row is deleted and the request goes on with a fresh, empty
 * session, which is stored only if something is put in it; otherwise the cookie is cleared.
 */
export async function endSession(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  await request.session.regenerate()
}
