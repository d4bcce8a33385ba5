// W-10: a wizard step validates its fields with the command's own checks, given the earlier
// answers: the command runs on the body so far in a transaction that is always rolled back, and
// the step keeps the problems of its own attributes.
import type { Db } from '../../db/connect.ts'
import type { Tx } from '../../db/transaction.ts'
import { InvalidError, type Problem } from '../../errors.ts'

class RolledBack extends Error {}

export async function problemsOf(db: Db, command: (tx: Tx) => Promise<unknown>): Promise<Problem[]> {
  try {
    await db.transaction().execute(async (tx) => {
      await command(tx)
      throw new RolledBack()
    })
  } catch (error) {
    if (error instanceof RolledBack) return []
    if (error instanceof InvalidError) return error.problems
    throw error
  }
  return []
}
