// Bearer tokens → the caller (C-3 … C-10). Resolving runs at onRequest and never rejects, so the
// rate limit can key by token (C-10 row 2); the 401 comes after it, in `requireCaller`.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { sql } from 'kysely'
import type { Db } from '../../db/connect.ts'
import { UnauthorisedError } from '../../errors.ts'
import { isDatabaseUnavailable } from '../../db/faults.ts'
import type { Caller } from '../../domain/tokens/caller.ts'
import { digestOf, presentedToken, sameDigest, shouldRecordUse } from '../../domain/tokens/rules.ts'
import { findLiveLeadProviderToken, liveAdminTokens, recordTokenUse } from '../../domain/tokens/store.ts'
import { scopeStateColumns } from '../../read-models/page-copies.ts'

const lastUse = new WeakMap<FastifyRequest, Date | null>()

async function resolve(db: Db, request: FastifyRequest): Promise<Caller | null> {
  const { surface } = request.routeOptions.config
  const token = presentedToken(request.headers.authorization)
  if (token === null) return null
  const digest = digestOf(token)
  if (surface === 'v3') {
    // A list whose pages may be copies (page-copies.ts): its scope's state in the same statement,
    // the scope being the token's lead provider.
    const copies = request.method === 'GET' ? request.routeOptions.config.copiesChecked : undefined
    const beside = copies === undefined ? {} : scopeStateColumns(copies, sql.ref('lead_provider_tokens.lead_provider_id'))
    const row = await findLiveLeadProviderToken(db, digest, beside)
    if (!row) return null
    if (copies !== undefined) {
      request.scopeState = { table: copies.table, scope: row.lead_provider_id, changedBy: row.changed_by as string | null, pending: row.pending as boolean }
    }
    lastUse.set(request, row.last_used_at)
    return { kind: 'lead_provider', leadProviderId: row.lead_provider_id, tokenId: row.id }
  }
  // C-7: admin digests are compared in constant time, one by one.
  let found: string | null = null
  for (const candidate of await liveAdminTokens(db)) {
    if (sameDigest(candidate.digest, digest)) found = candidate.id
  }
  return found === null ? null : { kind: 'admin', tokenId: found }
}

export function needsToken(request: FastifyRequest): boolean {
  const { surface, open } = request.routeOptions.config
  return !request.is404 && !open && (surface === 'v3' || surface === 'admin')
}

export function registerAuth(app: FastifyInstance, db: Db): void {
  app.decorateRequest('caller', null)
  app.decorateRequest('scopeState', null)
  app.addHook('onRequest', async (request) => {
    if (needsToken(request)) request.caller = await resolve(db, request)
  })
}

/** C-8, C-9: the 401, after routing and the rate limit, before every other check. */
export async function requireCaller(request: FastifyRequest): Promise<void> {
  if (needsToken(request) && request.caller === null) throw new UnauthorisedError(refusalOf(request))
}

/** Why the token did not resolve, for the request log (never the body, C-8, nor the token, Q-22). */
function refusalOf(request: FastifyRequest): string {
  const header = request.headers.authorization
  if (header === undefined) return 'no Authorization header'
  if (presentedToken(header) === null) return "the Authorization header is not 'Bearer <token>'"
  const other = request.routeOptions.config.surface === 'v3' ? 'an admin token' : 'a lead provider token'
  return `the token is unknown, revoked or ${other}`
}

/** C-6: record the use with the request clock, at most once a minute; never fails the request. */
export async function noteTokenUse(db: Db, request: FastifyRequest): Promise<void> {
  const caller = request.caller
  if (caller?.kind !== 'lead_provider') return
  if (!shouldRecordUse(lastUse.get(request) ?? null, request.clock.now)) return
  try {
    await recordTokenUse(db, caller.tokenId, request.clock.now)
  } catch (error) {
    // A database that is gone fails the request now (503), not after one more wait in the
    // handler's own query (Q-12, C-68).
    if (isDatabaseUnavailable(error)) throw error
    request.log.warn({ err: error }, 'could not record token use')
  }
}
