import { describe, expect, it } from 'vitest'
import { Redis } from 'ioredis'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import { redisCounters, WINDOW_MS } from '../../../src/api/plugins/rate-limit.ts'

// C-66: with REDIS_URL set, the counters live in Redis (127.0.0.1:6379 here), so instances share them.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const first = await setupTestApp({ redisUrl: REDIS_URL, rateLimitToken: 3, rateLimitIp: 2 })
const second = await setupTestApp({ redisUrl: REDIS_URL, rateLimitToken: 3, rateLimitIp: 2 }, { database: first.database })
const noRedis = await setupTestApp({ redisUrl: 'redis://127.0.0.1:1', rateLimitToken: 1, rateLimitIp: 1 }, { database: first.database })

/** Waits out the last seconds of a window so a test's requests all fall in one. */
async function awayFromWindowEnd() {
  const left = WINDOW_MS - (Date.now() % WINDOW_MS)
  if (left < 3000) await new Promise((resolve) => setTimeout(resolve, left + 50))
}

const get = (app: typeof first, url: string, token?: string, ip = '10.1.2.3') =>
  app.app.inject({ method: 'GET', url, remoteAddress: ip, headers: token ? { authorization: `Bearer ${token}` } : {} })

describe('C-66 Redis-backed counters', () => {
  it('C-63, C-66, Q-20: two instances share one token count', async () => {
    await awayFromWindowEnd()
    const lp = await f.leadProvider(first.db)
    expect((await get(first, '/api/v3/delivery-partners', lp.token)).statusCode).toBe(200)
    expect((await get(second, '/api/v3/delivery-partners', lp.token)).statusCode).toBe(200)
    expect((await get(first, '/api/v3/delivery-partners', lp.token)).statusCode).toBe(200)
    const throttled = await get(second, '/api/v3/delivery-partners', lp.token)
    expect(throttled.statusCode).toBe(429)
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    expect(Number(throttled.headers['retry-after'])).toBeLessThanOrEqual(300)
    expect((await get(first, '/api/v3/delivery-partners', lp.token)).statusCode).toBe(429)
  })

  it('C-64, C-66: and one IP count', async () => {
    await awayFromWindowEnd()
    const ip = `10.200.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}:${Date.now()}`
    expect((await get(first, '/api/v3/delivery-partners', undefined, ip)).statusCode).toBe(401)
    expect((await get(second, '/api/v3/delivery-partners', undefined, ip)).statusCode).toBe(401)
    expect((await get(first, '/api/v3/delivery-partners', undefined, ip)).statusCode).toBe(429)
  })

  it('C-63: keys are per window, aligned to multiples of 300 s, and expire after it', async () => {
    const redis = new Redis(REDIS_URL)
    try {
      const counters = redisCounters(redis)
      const start = Math.floor(Date.UTC(2031, 0, 1) / WINDOW_MS) * WINDOW_MS
      const key = `test:${Math.random()}`
      expect(await counters.incr(key, start + 299_999)).toEqual({ current: 1, ttl: 1 })
      expect(await counters.incr(key, start + 100)).toEqual({ current: 2, ttl: 299_900 })
      expect(await counters.incr(key, start + WINDOW_MS)).toEqual({ current: 1, ttl: WINDOW_MS })
      await redis.del(`rect:rl:${start}:${key}`, `rect:rl:${start + WINDOW_MS}:${key}`)
      const now = Date.now()
      await counters.incr(key, now)
      const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS
      const expiresAt = await redis.pexpiretime(`rect:rl:${windowStart}:${key}`)
      expect(expiresAt).toBe(windowStart + WINDOW_MS + 1000)
    } finally {
      redis.disconnect()
    }
  })

  it('C-66: when Redis cannot be reached, requests are served rather than refused', async () => {
    const lp = await f.leadProvider(first.db)
    const started = Date.now()
    for (let i = 0; i < 3; i++) expect((await get(noRedis, '/api/v3/delivery-partners', lp.token)).statusCode).toBe(200)
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
