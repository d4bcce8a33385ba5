import { describe, expect, it } from 'vitest'
import { inTransaction } from '../../../src/db/transaction.ts'
import type { Db } from '../../../src/db/connect.ts'

/** A stand-in for Kysely's transaction builder that fails the first `failures` runs with `code`. */
function flakyDb(failures: number, code: string) {
  let runs = 0
  const db = {
    transaction: () => ({
      execute: async <T>(fn: (tx: never) => Promise<T>) => {
        runs++
        if (runs <= failures) throw Object.assign(new Error('aborted'), { code })
        return fn({} as never)
      },
    }),
  } as unknown as Db
  return { db, runs: () => runs }
}

describe('inTransaction', () => {
  it('Q-10: a deadlock victim (40P01) or a serialization failure (40001) is run again', async () => {
    for (const code of ['40P01', '40001']) {
      const { db, runs } = flakyDb(2, code)
      await expect(inTransaction(db, async () => 'done')).resolves.toBe('done')
      expect(runs()).toBe(3)
    }
  })

  it('Q-10: gives up after three attempts, and never retries other errors', async () => {
    const deadlocked = flakyDb(5, '40P01')
    await expect(inTransaction(deadlocked.db, async () => 'done')).rejects.toMatchObject({ code: '40P01' })
    expect(deadlocked.runs()).toBe(3)
    const unique = flakyDb(1, '23505')
    await expect(inTransaction(unique.db, async () => 'done')).rejects.toMatchObject({ code: '23505' })
    expect(unique.runs()).toBe(1)
  })
})
