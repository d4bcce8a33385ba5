// An in-memory seed-1 sandbox seeded on the examples' date, for capture-examples.ts.
import { buildApp, type App } from '../../app.ts'
import { testConfig } from '../../config.ts'
import { kyselyOverPGlite, openPGlite, type Connection } from '../../db/connect.ts'
import { migrate } from '../../db/migrate.ts'
import { inTransaction } from '../../db/transaction.ts'
import { seedDataSet } from '../../sandbox/seed.ts'
import { EXAMPLE_SEEDING_DATE } from './capture-examples.ts'
import { EXAMPLE_SEED } from './example-cases.ts'

export async function exampleSandbox(connection?: Connection, seedingDate = EXAMPLE_SEEDING_DATE): Promise<{ app: App; close: () => Promise<void> }> {
  const own = connection ?? kyselyOverPGlite(await openPGlite(null))
  if (connection === undefined) await migrate(own.db, new Date(`${seedingDate}T00:00:00Z`))
  await inTransaction(own.db, (tx) => seedDataSet(tx, { seed: EXAMPLE_SEED, seedingDate }))
  const app = await buildApp({ db: own.db, config: testConfig({ rateLimitToken: 0, rateLimitIp: 0 }) })
  return {
    app,
    close: async () => {
      await app.close()
      if (connection === undefined) await own.close()
    },
  }
}
