// buildApp({ db, config }) → a Fastify instance with every surface registered; it never listens.
import Fastify, { errorCodes, LogController } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { DestinationStream } from 'pino'
import type { Config } from './config.ts'
import type { Db } from './db/connect.ts'
import { parseQueryString } from './api/common/query-string.ts'
import { notJson, notJsonContentType } from './api/common/body-problems.ts'
import { BadRequestError } from './errors.ts'
import { acceptAllValidatorFactory, lazySerializerFactory } from './api/plugins/compilers.ts'
import { registerErrorHandling } from './api/plugins/errors.ts'
import { registerUnsafeStringCheck } from './api/plugins/unsafe-strings.ts'
import { noteTokenUse, registerAuth, requireCaller } from './api/plugins/auth.ts'
import { applyServerDate, registerClock } from './api/plugins/clock.ts'
import { memoryCounters, redisCounters, registerRateLimit, type CounterStore } from './api/plugins/rate-limit.ts'
import { registerRequestLog, requestIdFor } from './api/plugins/request-log.ts'
import { registerOpenApi } from './api/plugins/openapi.ts'
import { registerHealth } from './api/health.ts'
import { v3Routes } from './api/v3/index.ts'
import { adminRoutes } from './api/admin/v1/index.ts'
import type { Lifecycle, Surface } from './api/plugins/types.ts'
import type { App, SurfaceOptions } from './api/surface.ts'
import { loggerOptions } from './logger.ts'
import { createWeb } from './web/index.ts'

export type AppDeps = {
  db: Db
  config: Config
  /** Rate-limit counters; when absent, Redis if `config.redisUrl` is set, else in memory (C-66). */
  counters?: CounterStore
  /** Where the log lines go instead of stdout (tests read them, Q-22). */
  logStream?: DestinationStream
}

// The routes' types live in a leaf (api/surface.ts); exported here too for the app's users.
export type { App, SurfaceOptions }

export const BODY_LIMIT = 1_048_576

export async function buildApp({ db, config, counters, logStream }: AppDeps): Promise<App> {
  const app = Fastify({
    logger: logTo(config, logStream),
    bodyLimit: BODY_LIMIT,
    genReqId: requestIdFor,
    // One line per request, written in plugins/request-log.ts.
    logController: new LogController({ disableRequestLogging: true }),
    // Requests arriving while the server stops get the C-26 503 from plugins/errors.ts.
    return503OnClosing: false,
    routerOptions: { ignoreTrailingSlash: true, querystringParser: parseQueryString },
    // C-29: a method a path does not serve is a 404, HEAD included.
    exposeHeadRoutes: false,
    // serializers compiled at a route's first answer, Ajv never loaded (plugins/compilers.ts).
    schemaController: { compilersFactory: { buildValidator: acceptAllValidatorFactory, buildSerializer: lazySerializerFactory } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  // Request bodies and query strings are read by the endpoint's own parsers, which answer with
  // the exact 400 and 422 texts of the spec in the spec's order (C-10, C-21, C-76); their
  // schemas document the contract in OpenAPI. Responses are serialised by their schemas.
  app.setValidatorCompiler(() => () => true)

  const web = createWeb({ db, config })
  // set by server.ts when the stop signal comes; /healthcheck and every answer read it.
  const lifecycle: Lifecycle = { draining: false }
  app.decorate('lifecycle', lifecycle)
  registerBodyParsers(app)
  registerErrorHandling(app, lifecycle, web.notFound)
  registerRequestLog(app)
  registerClock(app)
  registerAuth(app, db)
  await registerRateLimit(app, {
    perToken: config.rateLimitToken,
    perIp: config.rateLimitIp,
    counters: counters ?? (await sharedCounters(app, config)),
  })
  // C-10 rows 3 and 4, before the body is read (row 5).
  app.addHook('preParsing', async (request, _reply, payload) => {
    await requireCaller(request)
    applyServerDate(request, config.mode)
    await noteTokenUse(db, request)
    // C-10 row 5: size before syntax or Content-Type, whatever the Content-Type (C-24).
    if (Number(request.headers['content-length']) > BODY_LIMIT) throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE()
    return payload
  })
  // After the body is read (C-10 row 5): text PostgreSQL cannot hold never reaches it.
  registerUnsafeStringCheck(app)

  await registerOpenApi(app, config.mode)
  registerHealth(app, db, lifecycle)
  await app.register(surface('v3', v3Routes), { prefix: '/api/v3', db, config })
  await app.register(surface('admin', adminRoutes), { prefix: '/api/admin/v1', db, config })
  await app.register(web.routes)
  return app
}

/** Marks every route of a surface, so auth, rate limit and clock know which rules apply. */
function surface(name: Surface, routes: (app: App, options: SurfaceOptions) => Promise<void>) {
  return async (app: App, options: SurfaceOptions) => {
    app.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), surface: name }
    })
    await routes(app, options)
  }
}

/**
 * C-23: JSON is the only body type; any other Content-Type (text/plain included, which Fastify
 * would otherwise accept) is the C-21 400. An empty JSON body is no body (C-21 in v3; `{}` on the
 * operator API, C-73).
 */
function registerBodyParsers(app: App): void {
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined)
    parseJson(request, body as string, (error, value) => (error ? done(new BadRequestError(notJson(body as string))) : done(null, value)))
  })
  // Every other Content-Type, or none with a body: the 400 says which was sent (issue 18).
  app.addContentTypeParser('*', (request, _payload, done) => done(new BadRequestError(notJsonContentType(request.headers['content-type'])), undefined))
}

/** C-66: counters shared through Redis when REDIS_URL is set, so several instances agree. */
async function sharedCounters(app: App, config: Config): Promise<CounterStore> {
  if (config.redisUrl === null) return memoryCounters()
  // Loaded only when REDIS_URL is set: ioredis costs about 0.1 s of every start.
  const { Redis } = await import('ioredis')
  // While Redis is unreachable a count fails at once (and the request is served, `skipOnError`)
  // rather than every request waiting for a reconnect.
  const redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 500 })
  redis.on('error', (error) => app.log.warn({ err: error }, 'redis unavailable'))
  // Start counting from the first request when Redis is there; start anyway when it is not.
  app.addHook('onReady', async () => {
    if (redis.status === 'ready') return
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2000)
      redis.once('ready', () => {
        clearTimeout(timer)
        resolve()
      })
    })
  })
  app.addHook('onClose', async () => {
    await redis.quit().catch(() => redis.disconnect())
  })
  return redisCounters(redis)
}

function logTo(config: Config, stream: DestinationStream | undefined) {
  const options = loggerOptions(config)
  if (stream === undefined || options === false || typeof options !== 'object') return options
  const { transport: _pretty, ...rest } = options as { transport?: unknown } & Record<string, unknown>
  return { ...rest, stream }
}
