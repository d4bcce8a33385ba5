// S-16: with REDIS_URL set, start-up must reach Redis or exit 3. This probe only checks; the
// rate-limit counters keep their own client (app.ts, C-66).
import { unavailable } from './errors.ts'

const PROBE_TIMEOUT_MS = 3000

export async function checkRedis(url: string): Promise<void> {
  // Loaded only when REDIS_URL is set: ioredis costs about 0.1 s of every start.
  const { Redis } = await import('ioredis')
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: PROBE_TIMEOUT_MS,
    retryStrategy: () => null,
  })
  redis.on('error', () => {})
  try {
    await redis.connect()
    await redis.ping()
  } catch {
    throw unavailable(`cannot reach Redis at ${withoutPassword(url)}`)
  } finally {
    redis.disconnect()
  }
}

function withoutPassword(url: string): string {
  try {
    const u = new URL(url)
    u.username = ''
    u.password = ''
    return u.toString().replace(/\/$/, '')
  } catch {
    return 'REDIS_URL'
  }
}
