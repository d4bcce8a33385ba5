// W-22 … W-24 with OpenID Connect (openid-client 6.x): the authorization code flow with PKCE
// (S256), state and nonce kept in the session; ID token and userinfo claims mapped by W-23.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import * as client from 'openid-client'
import type { OidcConfig } from '../../config.ts'
import type { WebDeps } from '../deps.ts'
import { queryValue } from '../forms/form.ts'
import { realNow } from '../plugins/session.ts'
import { afterSignIn, signIn, type WebUser } from '../plugins/user.ts'
import { findSchoolForPersona } from './personas.ts'
import { claimAt, mapUser, urnOf, type Claims } from './oidc-mapping.ts'

/** W-22: the issuer's metadata is discovered once an hour (real time). */
const DISCOVERY_TTL_MS = 3600_000

/** The issuer could not be reached (W-22's 503). */
export class IssuerUnavailable extends Error {}

export type OidcSignIn = {
  routes: () => void
  /** W-24: the issuer's end-session URL, or null when it has none (or cannot be reached). */
  endSessionUrl: (idToken: string | undefined) => Promise<string | null>
}

export function oidcSignIn(app: FastifyInstance, deps: WebDeps): OidcSignIn {
  const oidc = deps.config.web.oidc as OidcConfig
  const publicUrl = deps.config.web.publicUrl!
  const redirectUri = `${publicUrl}/auth/callback`
  let cached: { at: number; config: client.Configuration } | null = null

  async function issuer(): Promise<client.Configuration> {
    if (cached !== null && realNow() - cached.at < DISCOVERY_TTL_MS) return cached.config
    try {
      const secure = new URL(oidc.issuer).protocol === 'https:'
      // http:// issuers pass config validation only on loopback (W-22, W-27).
      const config = await client.discovery(new URL(oidc.issuer), oidc.clientId, oidc.clientSecret, client.ClientSecretBasic(oidc.clientSecret), {
        ...(secure ? {} : { execute: [client.allowInsecureRequests] }),
        timeout: 10,
      })
      cached = { at: realNow(), config }
      return config
    } catch (error) {
      throw new IssuerUnavailable('the OIDC issuer could not be reached', { cause: error })
    }
  }

  const failed = (reply: FastifyReply) =>
    reply.render('sign-in/failed.njk', { title: 'Sign-in failed' }, 400)
  const unavailable = (reply: FastifyReply) =>
    reply.render('error.njk', { title: 'Sorry, the service is unavailable', paragraphs: ['Signing in is not available at the moment. Try again later.'] }, 503)

  return {
    routes: () => {
      app.post('/sign-in', async (request, reply) => {
        let config: client.Configuration
        try {
          config = await issuer()
        } catch {
          return unavailable(reply)
        }
        const verifier = client.randomPKCECodeVerifier()
        const state = client.randomState()
        const nonce = client.randomNonce()
        request.session.oidc = { state, nonce, verifier }
        const url = client.buildAuthorizationUrl(config, {
          redirect_uri: redirectUri,
          scope: oidc.scopes,
          response_type: 'code',
          code_challenge: await client.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
          state,
          nonce,
        })
        return reply.redirect(url.href, 303)
      })

      app.get('/auth/callback', async (request, reply) => {
        const pending = request.session.oidc
        delete request.session.oidc
        const state = queryValue(request.query, 'state')
        if (pending === undefined || queryValue(request.query, 'error') !== '' || state !== pending.state) return failed(reply)
        let config: client.Configuration
        try {
          config = await issuer()
        } catch {
          return unavailable(reply)
        }
        let claims: Claims
        let idToken: string | undefined
        try {
          const tokens = await client.authorizationCodeGrant(config, new URL(request.url, publicUrl), {
            pkceCodeVerifier: pending.verifier,
            expectedState: pending.state,
            expectedNonce: pending.nonce,
            idTokenExpected: true,
          })
          const idClaims: Claims = tokens.claims() ?? {}
          idToken = tokens.id_token
          const info = await client.fetchUserInfo(config, tokens.access_token, String(idClaims.sub))
          claims = { ...idClaims, ...info }
        } catch (error) {
          if (isNetworkError(error)) return unavailable(reply)
          request.log.info({ reason: error instanceof Error ? error.name : 'unknown' }, 'oidc sign-in failed')
          return failed(reply)
        }
        return finish(request, reply, deps, oidc, claims, idToken)
      })
    },

    endSessionUrl: async (idToken) => {
      let config: client.Configuration
      try {
        config = await issuer()
      } catch {
        return null
      }
      if (!config.serverMetadata().end_session_endpoint) return null
      return client.buildEndSessionUrl(config, {
        ...(idToken ? { id_token_hint: idToken } : {}),
        post_logout_redirect_uri: `${publicUrl}/signed-out`,
      }).href
    },
  }
}

async function finish(request: FastifyRequest, reply: FastifyReply, deps: WebDeps, oidc: OidcConfig, claims: Claims, idToken: string | undefined) {
  const schools = new Map<string, { id: string; urn: string; name: string }>()
  const candidate = urnOf(claimAt(claims, oidc.urnClaim))
  if (candidate !== null) {
    const school = await findSchoolForPersona(deps.db, candidate)
    if (school) schools.set(school.urn, school)
  }
  const mapping = mapUser(claims, oidc, (urn) => schools.has(urn))
  const sub = String(claims.sub)
  const display = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name : typeof claims.email === 'string' ? claims.email : sub
  let user: WebUser
  if (mapping.kind === 'admin') user = { kind: 'admin', name: display, actor: `oidc:${sub}` }
  else if (mapping.kind === 'school') {
    const school = schools.get(mapping.urn)!
    user = { kind: 'school', schoolId: school.id, urn: school.urn, name: display, actor: `oidc:${sub}` }
  } else {
    // W-23 (3): no user; the sign-out button ends the issuer's session too.
    if (idToken !== undefined) request.session.idToken = idToken
    return reply.render('sign-in/cannot-use.njk', {
      title: 'You cannot use this service',
      urnNotFound: mapping.urn,
    }, 403)
  }
  await signIn(request, user)
  if (idToken !== undefined) request.session.idToken = idToken
  return reply.redirect(afterSignIn(request, user), 303)
}

function isNetworkError(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof TypeError && /fetch failed/i.test(e.message)) return true
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|UND_ERR_)/.test(code)) return true
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return true
  }
  return false
}
