// Q-20, C-63 … C-66 at the default figures (test/api/conventions/rate-limit*.test.ts prove the
// rules with small limits): 1,000 requests of one token in a window are served, the 1,001st is the
// 429 with Retry-After, on one instance in memory or across instances sharing Redis.
import { WINDOW_MS } from '../../src/api/plugins/rate-limit.ts'
import * as f from '../support/factories.ts'
import { sleep, tally, type Check, type Client } from './harness.ts'

const TOO_MANY = '{"errors":[{"title":"Too many requests","detail":"Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"}]}'

/** Waits for the next window when fewer than `needMs` are left in this one. */
async function roomInWindow(needMs: number): Promise<void> {
  const left = WINDOW_MS - (Date.now() % WINDOW_MS)
  if (left < needMs) await sleep(left + 100)
}

export async function tokenLimit(instances: Client[], limit: number, label: string): Promise<Check> {
  const problems: string[] = []
  const lp = await f.leadProvider(instances[0]!.db)
  await roomInWindow(90_000)
  const started = Date.now()
  const statuses: number[] = []
  for (let sent = 0; sent < limit; sent += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, limit - sent) }, (_, i) =>
      instances[(sent + i) % instances.length]!.request('GET', '/api/v3/delivery-partners', { token: lp.token })))
    statuses.push(...batch.map((r) => r.status))
  }
  const over = await Promise.all(instances.map((c) => c.request('GET', '/api/v3/delivery-partners', { token: lp.token })))
  if (Math.floor(started / WINDOW_MS) !== Math.floor(Date.now() / WINDOW_MS)) problems.push('the run crossed a window boundary; run again')
  if (statuses.some((s) => s !== 200)) problems.push(`within the limit: ${tally(statuses)}`)
  for (const res of over) {
    const after = Number(res.headers['retry-after'])
    if (res.status !== 429 || res.text !== TOO_MANY || !(Number.isInteger(after) && after >= 1 && after <= 300)) problems.push(`request ${limit + 1}: ${res.status} Retry-After ${res.headers['retry-after']}`)
  }
  return {
    bar: 'Q-20',
    figure: `${label}: ${limit} requests of one token → ${tally(statuses)}; the next on each instance → ${tally(over.map((r) => r.status))} with Retry-After ${over[0]?.headers['retry-after']} s`,
    problems,
  }
}
