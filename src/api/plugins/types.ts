// What the plugins attach to a request, and the per-route settings they read.
import type { Clock } from '../../clock.ts'
import type { Caller } from '../../domain/tokens/caller.ts'
import type { DocumentTable } from '../../read-models/build.ts'
import type { ScopeState } from '../../read-models/page-copies.ts'

/** Which API a route belongs to: decides the token kind, the rate limit and the clock header. */
export type Surface = 'v3' | 'admin' | 'public'

/** Where the server is in its life: draining from the stop signal on (Q-14, server.ts). */
export type Lifecycle = { draining: boolean }

declare module 'fastify' {
  interface FastifyInstance {
    lifecycle: Lifecycle
  }
  interface FastifyRequest {
    /** The token's owner, once authentication has run (C-9); null before or without one. */
    caller: Caller | null
    /** The request clock (C-51): real time, or X-With-Server-Date in sandbox mode. */
    clock: Clock
    /** True when X-With-Server-Date set the clock (logged as server_date, S-65). */
    travelled: boolean
    /** A `copiesChecked` route's caller's scope, read with the token (auth.ts); null otherwise. */
    scopeState: ScopeState | null
  }
  interface FastifyContextConfig {
    surface?: Surface
    /** The two OpenAPI documents: no authentication, no clock header (C-52, C-69). */
    open?: boolean
    /**
     * A list served from a document table scoped by the caller's lead provider: the state of that
     * scope (page-copies.ts) is read in the token's lookup, so a page answered from its copy takes
     * one statement, not two.
     */
    copiesChecked?: DocumentTable<string>
  }
}
