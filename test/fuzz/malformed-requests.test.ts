// Q-13 (short version; `npm run faults` runs 10,000): no malformed request gets a 5xx, and
// every error is in the documented format (C-8, C-25).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import * as f from '../support/factories.ts'
import { requestArbitrary, routesOf, send } from './malformed-requests.ts'

const RUNS = Number(process.env.RECT_FUZZ_RUNS ?? 400)

const t = await setupTestApp({ rateLimitToken: 0, rateLimitIp: 0 })
const lp = await f.leadProvider(t.db)
await f.cohort(t.db, 2025)
const routes = await routesOf(t.app)

describe('Q-13: malformed requests', () => {
  it('both documents list routes to fuzz', () => {
    expect(routes.length).toBeGreaterThan(5)
  })

  it(`Q-13, C-25, C-31: ${RUNS} generated malformed requests over every route → no 5xx, every error in the documented format`, async () => {
    const failures: string[] = []
    await fc.assert(
      fc.asyncProperty(requestArbitrary(routes, { leadProvider: lp.token, admin: t.adminToken }), async (r) => {
        const outcome = await send(t.app, r)
        if (!outcome.ok) failures.push(`${outcome.status} ${outcome.request}: ${outcome.why}`)
        return outcome.ok
      }),
      { numRuns: RUNS, seed: Number(process.env.RECT_FUZZ_SEED ?? 20261201), endOnFailure: true },
    )
    expect(failures).toEqual([])
  }, 300_000)
})
