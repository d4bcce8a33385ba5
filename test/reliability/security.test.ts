// Q-22 (short versions; `npm run faults` generates and sends more).
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { setupTestApp } from '../support/app.ts'
import { V3_PROBE, probeRoutes } from '../support/probe-routes.ts'
import * as f from '../support/factories.ts'
import { dynamicSqlUses, injectionFuzz, leaks, tokenChecks, tokenKinds } from './security.ts'

const t = await setupTestApp({ rateLimitToken: 0, rateLimitIp: 0 }, { routes: probeRoutes })

describe('Q-17 tokens', () => {
  it('Q-17: tokens are ≥ 32 random characters from node:crypto, stored only as a SHA-256 digest, shown once, and refused at once when revoked', async () => {
    const check = await tokenChecks(t, 2000)
    expect(check.problems).toEqual([])
  })
})

describe('Q-19 token kinds', () => {
  it('Q-19, C-8: every operator route answers 401 to a lead provider token, every v3 route to the admin token', async () => {
    const check = await tokenKinds(t)
    expect(check.problems).toEqual([])
  })
})

describe('Q-20 rate limit defaults', () => {
  it('Q-20, C-66: the defaults are 1000 per token and 1500 per IP; REDIS_URL selects the shared store', () => {
    const defaults = loadConfig({}, {})
    expect(defaults.ok && [defaults.config.rateLimitToken, defaults.config.rateLimitIp, defaults.config.redisUrl]).toEqual([1000, 1500, null])
    const shared = loadConfig({}, { REDIS_URL: 'redis://127.0.0.1:6379' })
    expect(shared.ok && shared.config.redisUrl).toBe('redis://127.0.0.1:6379')
  })
})

describe('Q-21 parameterised SQL', () => {
  it('Q-21: every sql.raw / sql.lit / sql.id / sql.ref / sql.table in src with a non-literal argument is listed with the reason it cannot carry request data', async () => {
    const { uses, unexplained } = await dynamicSqlUses()
    expect(uses.length).toBeGreaterThan(0)
    expect(unexplained).toEqual([])
  })

  it('Q-21, Q-22: SQL-looking values in every path, filter, sort and body attribute of the v3 routes → no 5xx, no pg_sleep, no SQL or stack in any answer, tables untouched', async () => {
    const check = await injectionFuzz(t, 1)
    expect(check.problems).toEqual([])
  }, 120_000)
})

describe('Q-22 responses', () => {
  it('Q-22, C-31: an unexpected error answers the generic 500 with no stack, SQL or path', async () => {
    const lp = await f.leadProvider(t.db)
    const res = await t.request('GET', `${V3_PROBE}/boom`, { token: lp.token })
    expect(res.status).toBe(500)
    expect(res.text).toBe('{"errors":[{"title":"Internal server error","detail":"Something went wrong. Try again later"}]}')
    expect(leaks(res.text)).toBeNull()
  })

  it('Q-22: the leak detector recognises a stack, SQL and a PostgreSQL message', () => {
    expect(leaks('Error: x\n    at handler (/srv/src/app.ts:12:3)')).toBe('a stack trace')
    expect(leaks('SELECT id FROM partnerships WHERE id = $1')).toBe('SQL')
    expect(leaks('duplicate key value violates unique constraint "x"')).toBe('a PostgreSQL message')
    expect(leaks('{"errors":[{"title":"cohort","detail":"Select a cohort from the list"}]}')).toBeNull()
  })
})
