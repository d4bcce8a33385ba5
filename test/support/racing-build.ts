// A write racing a document build (Q-4, src/read-models/documents.ts): a database handle whose
// queries run as usual, except that right after the build has picked its stale documents (the
// first result with a `version` column) `write` starts on another transaction, and it has
// committed before the build stores (awaited when the first result with the `awaitOn` column
// comes back; on PGlite's one connection it has run by then already).
import type { Db } from '../../src/db/connect.ts'

export function racingBuild(db: Db, write: () => Promise<unknown>, awaitOn: string): { db: Db; wrote: () => boolean } {
  let running: Promise<unknown> | null = null
  const racing = db.withPlugin({
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      const first = args.result.rows[0] as Record<string, unknown> | undefined
      if (running === null && first?.version !== undefined) running = write()
      if (running !== null && first?.[awaitOn] !== undefined) await running
      return args.result
    },
  })
  return { db: racing, wrote: () => running !== null }
}
