// Q-12 (short versions on PostgreSQL; `npm run faults` loads longer and with more workers).
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import { onPostgres } from '../support/db.ts'
import { databaseFault, statementTimeout } from './db-faults.ts'

describe.runIf(onPostgres)('Q-12 database faults on PostgreSQL', async () => {
  const t = await setupTestApp()
  const url = t.database.url!

  it('Q-12, C-68, C-67: PostgreSQL stopped mid-load → 503 in the error format within the statement timeout, /healthcheck 503, recovery without restart, no lost write', async () => {
    const check = await databaseFault({ url, db: t.db, statementTimeoutMs: 1500, workers: 6, phasesMs: [1500, 3000, 1500], mode: 'stop' })
    console.log(check.figure)
    expect(check.problems).toEqual([])
  }, 60_000)

  it('Q-12, C-68: a database that stops answering mid-load → 503 within the statement timeout, then recovery', async () => {
    const check = await databaseFault({ url, db: t.db, statementTimeoutMs: 1500, workers: 6, phasesMs: [1000, 4000, 1500], mode: 'silence' })
    console.log(check.figure)
    expect(check.problems).toEqual([])
  }, 60_000)

  it('Q-12, C-68: a query longer than the statement timeout answers the 503 quickly; the default timeout is 5 s', async () => {
    const check = await statementTimeout(url, 800)
    console.log(check.figure)
    expect(check.problems).toEqual([])
  })
})
