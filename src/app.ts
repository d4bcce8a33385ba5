// buildApp({ db, config }) → a Fastify instance with every surface registered; it never listens.
import Fastify, { LogController, type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Config } from './config.ts'
import type { Db } from './db/connect.ts'
import { parseQueryString } from './api/common/query-string.ts'
import { registerErrorHandling } from './api/plugins/errors.ts'
import { noteTokenUse, registerAuth, requireCaller } from './api/plugins/auth.ts'
import { applyServerDate, registerClock } from './api/plugins/clock.ts'
import { memoryCounters, registerRateLimit, type CounterStore } from './api/plugins/rate-limit.ts'
import { registerRequestLog, requestIdFor } from './api/plugins/request-log.ts'
import { registerOpenApi } from './api/plugins/openapi.ts'
import { registerHealth } from './api/health.ts'
import { v3Routes } from './api/v3/index.ts'
import { adminRoutes } from './api/admin/v1/index.ts'
import type { Surface } from './api/plugins/types.ts'
import { loggerOptions } from './logger.ts'

export type AppDeps = {
  db: Db
  config: Config
  /** Shared rate-limit counters (Redis for several instances); in memory when absent. */
  counters?: CounterStore
}

export const BODY_LIMIT = 1_048_576

export type App = FastifyInstance

export async function buildApp({ db, config, counters }: AppDeps): Promise<App> {
  const app = Fastify({
    logger: loggerOptions(config),
    bodyLimit: BODY_LIMIT,
    genReqId: requestIdFor,
    // One line per request, written in plugins/request-log.ts.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, querystringParser: parseQueryString },
  }).withTypeProvider<TypeBoxTypeProvider>()

  // Request bodies and query strings are read by the endpoint's own parsers, which answer with
  // the exact 400 and 422 texts of the spec in the spec's order (C-10, C-21, C-76); their
  // schemas document the contract in OpenAPI. Responses are serialised by their schemas.
  app.setValidatorCompiler(() => () => true)

  registerErrorHandling(app)
  registerRequestLog(app)
  registerClock(app)
  registerAuth(app, db)
  await registerRateLimit(app, {
    perToken: config.rateLimitToken,
    perIp: config.rateLimitIp,
    counters: counters ?? memoryCounters(),
  })
  // C-10 rows 3 and 4, before the body is read (row 5).
  app.addHook('preParsing', async (request, _reply, payload) => {
    await requireCaller(request)
    applyServerDate(request, config.mode)
    await noteTokenUse(db, request)
    return payload
  })

  await registerOpenApi(app)
  registerHealth(app, db)
  await app.register(surface('v3', v3Routes), { prefix: '/api/v3', db, config })
  await app.register(surface('admin', adminRoutes), { prefix: '/api/admin/v1', db, config })
  return app
}

export type SurfaceOptions = { db: Db; config: Config }

/** Marks every route of a surface, so auth, rate limit and clock know which rules apply. */
function surface(name: Surface, routes: (app: App, options: SurfaceOptions) => Promise<void>) {
  return async (app: App, options: SurfaceOptions) => {
    app.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), surface: name }
    })
    await routes(app, options)
  }
}
