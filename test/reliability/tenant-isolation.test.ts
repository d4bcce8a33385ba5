// Q-18 (short version; `npm run faults` runs more scenes and more requests per scene).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import { crossTenantTrials, ownedRecords, shapeArbitrary, trialArbitrary } from './tenant-isolation.ts'

const RUNS = Number(process.env.RECT_ISOLATION_RUNS ?? 4)
const t = await setupTestApp({ rateLimitToken: 0, rateLimitIp: 0 })

describe('Q-18 tenant isolation', () => {
  it(`Q-18, C-28: ${RUNS} random scenes of two lead providers: neither can read or change the other's partnerships, participants, transfers, declarations or statements (404, never 403), and lists show only their own`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(shapeArbitrary, shapeArbitrary), fc.array(trialArbitrary, { minLength: 10, maxLength: 25 }), async ([a, b], trials) => {
        const providers = [await ownedRecords(t, a), await ownedRecords(t, b)] as const
        const { problems } = await crossTenantTrials(t, [...providers], trials)
        expect(problems).toEqual([])
      }),
      { numRuns: RUNS, seed: Number(process.env.RECT_ISOLATION_SEED ?? 20261118), endOnFailure: true },
    )
  }, 120_000)
})
