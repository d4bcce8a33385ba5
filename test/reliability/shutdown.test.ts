// Q-14, S-12, S-21 (short versions; test/cli/serve-sandbox.test.ts covers one in-flight /healthcheck).
import { describe, expect, it } from 'vitest'
import { onPostgres, testDatabase } from '../support/db.ts'
import { gracefulShutdown, requestsJustBeforeSignal } from './shutdown.ts'

describe('Q-14 graceful shutdown of rect serve', () => {
  it('Q-14, S-12: SIGTERM with requests in flight → each finishes with 200, nothing new is served, exit 0 within 10 s', async () => {
    const database = onPostgres ? await testDatabase() : null
    try {
      const check = await gracefulShutdown({ signal: 'SIGTERM', inFlight: database ? 8 : 20, ...(database?.url ? { databaseUrl: database.url, delayMs: 150 } : {}) })
      console.log(check.figure)
      expect(check.problems).toEqual([])
    } finally {
      await database?.close()
    }
  }, 150_000)

  it('Q-14, S-12: SIGINT the same', async () => {
    const check = await gracefulShutdown({ signal: 'SIGINT', inFlight: 20 })
    console.log(check.figure)
    expect(check.problems).toEqual([])
  }, 150_000)

  it('Q-14, C-67: 20 requests sent 5 ms before SIGTERM on new connections all get their normal answers; /healthcheck says 503 meanwhile; nothing logged as an error; exit 0 within 10 s', async () => {
    const check = await requestsJustBeforeSignal({ inFlight: 20, leadMs: 5 })
    console.log(check.figure)
    expect(check.problems).toEqual([])
  }, 150_000)
})
