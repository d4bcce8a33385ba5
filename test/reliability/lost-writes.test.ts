// Q-11 (short version: a few seconds; `npm run faults` runs minutes, RECT_FAULTS_LOAD_SECONDS).
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import { onPostgres } from '../support/db.ts'
import { noLostWrites } from './load.ts'

const t = await setupTestApp({ rateLimitToken: 0, rateLimitIp: 0 })

describe('Q-11 no lost writes', () => {
  it('Q-11: under a mixed load every acknowledged write is present and whole, and no refused write left anything', async () => {
    const check = await noLostWrites(t, 3000, onPostgres ? 8 : 4, onPostgres ? 40 : 20)
    console.log(check.figure)
    expect(check.problems).toEqual([])
  }, 60_000)
})
