// Rate limits (C-63 … C-66): fixed 5-minute windows aligned to the Unix epoch, in real time, per
// lead provider token, or per client IP when no token resolves. Counters in memory or in Redis.
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Redis } from 'ioredis'
import { RateLimitedError } from './errors.ts'
import { needsToken } from './auth.ts'

export const WINDOW_MS = 300_000

type Count = { current: number; ttl: number }

export type CounterStore = { incr(key: string, nowMs: number): Promise<Count> }

function windowOf(nowMs: number): { start: number; end: number } {
  const start = Math.floor(nowMs / WINDOW_MS) * WINDOW_MS
  return { start, end: start + WINDOW_MS }
}

export function memoryCounters(): CounterStore {
  const counts = new Map<string, number>()
  let currentWindow = -1
  return {
    async incr(key, nowMs) {
      const { start, end } = windowOf(nowMs)
      if (start !== currentWindow) {
        counts.clear()
        currentWindow = start
      }
      const current = (counts.get(key) ?? 0) + 1
      counts.set(key, current)
      return { current, ttl: end - nowMs }
    },
  }
}

export function redisCounters(redis: Redis): CounterStore {
  return {
    async incr(key, nowMs) {
      const { start, end } = windowOf(nowMs)
      const name = `rect:rl:${start}:${key}`
      const [[, current], [, ok]] = (await redis.multi().incr(name).pexpireat(name, end + 1000).exec()) as [
        [unknown, number],
        [unknown, unknown],
      ]
      void ok
      return { current, ttl: end - nowMs }
    },
  }
}

export type RateLimitSettings = { perToken: number; perIp: number; counters: CounterStore }

function keyOf(request: FastifyRequest): string {
  const caller = request.caller
  return caller?.kind === 'lead_provider' ? `token:${caller.tokenId}` : `ip:${request.ip}`
}

export async function registerRateLimit(app: FastifyInstance, settings: RateLimitSettings): Promise<void> {
  const { counters } = settings
  class Store {
    incr(key: string, callback: (error: Error | null, result?: Count) => void): void {
      // C-63: rate-limit windows run on real time, never the request's X-With-Server-Date.
      // eslint-disable-next-line no-restricted-syntax
      counters.incr(key, Date.now()).then(
        (count) => callback(null, count),
        (error: Error) => callback(error),
      )
    }
    child() {
      return this
    }
  }
  const limitFor = (key: string) => (key.startsWith('token:') ? settings.perToken : settings.perIp)
  await app.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow: WINDOW_MS,
    store: Store as never,
    skipOnError: true,
    keyGenerator: keyOf,
    // C-64: admin-token requests and the documents, docs and health are never limited; 0 = off.
    allowList: (request, key) => !needsToken(request) || request.caller?.kind === 'admin' || limitFor(key) === 0,
    max: (_request, key) => limitFor(key),
    // Every limited answer says where its window stands (RateLimit-Limit, RateLimit-Remaining,
    // RateLimit-Reset in seconds, the IETF draft's names); a 429 adds Retry-After (C-65).
    enableDraftSpec: true,
    onExceeded: (request, key) => request.log.warn({ key: key.startsWith('ip:') ? key : 'token' }, 'rate limited'),
    errorResponseBuilder: () => new RateLimitedError('rate limited'),
  })
}
