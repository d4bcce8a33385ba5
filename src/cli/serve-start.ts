// `rect serve` start-up (S-17): validate, open, check the mode, migrate, seed, admin token,
// listen, print (S-18, S-19); then serve until SIGTERM or SIGINT.
import { buildApp } from '../app.ts'
import { systemClock, type Clock } from '../clock.ts'
import type { Config } from '../config.ts'
import { inTransaction } from '../db/transaction.ts'
import { setUpStartupAdminToken } from '../domain/tokens/admin-tokens.ts'
import { InvalidError } from '../errors.ts'
import { holdsDomainData, seedDataSet } from '../sandbox/seed.ts'
import { sandboxTokens } from '../sandbox/sandbox-tokens.ts'
import { listen, stopOnSignal } from '../server.ts'
import { applyMigrations, openDatabase, type OpenedDatabase } from './database.ts'
import { usageError } from './errors.ts'
import type { Io } from './program.ts'
import { checkRedis } from './redis.ts'
import { checkModeMarker, readSettings, recordProductionMarker } from './settings.ts'
import { baseUrlOf, productionStartLine, sandboxStartText } from './startup-output.ts'
import { VERSION } from './version.ts'

/** `config` has passed S-17 step 1 (serve.ts). */
export async function serve(config: Config, io: Io): Promise<void> {
  const clock = systemClock()
  const database = await openDatabase(config.database, config.statementTimeoutMs) // step 2
  let running: { stopped: Promise<void> }
  try {
    if (config.redisUrl !== null) await checkRedis(config.redisUrl) // S-16
    running = await start(config, database, clock, io)
  } catch (error) {
    await database.close().catch(() => {})
    throw error
  }
  await running.stopped
}

async function start(config: Config, database: OpenedDatabase, clock: Clock, io: Io): Promise<{ stopped: Promise<void> }> {
  const { db } = database
  const before = await readSettings(db)
  checkModeMarker(before, config.mode) // step 3
  const applied = await applyMigrations(db, clock.now) // step 4
  if (config.mode === 'production') await recordProductionMarker(db)

  if (config.mode === 'sandbox') {
    await db.updateTable('settings').set({ no_seed: !config.seed }).execute()
    if (config.seed && !(await holdsDomainData(db))) {
      // Step 5: seed number 1, small scale, T = today; the whole data set or nothing.
      try {
        await inTransaction(db, (tx) => seedDataSet(tx, { seed: 1, seedingDate: clock.today }))
      } catch (error) {
        if (error instanceof InvalidError) throw usageError(...error.problems.map((p) => p.detail))
        throw error
      }
    }
  }
  const admin = await inTransaction(db, (tx) => setUpStartupAdminToken(tx, clock, config.adminToken, config.mode)) // step 6
  // Step 7, the statement sweep (S-7), joins in issue 7.

  const app = await buildApp({ db, config })
  let address
  try {
    address = await listen(app, config.host, config.port) // step 8
  } catch (error) {
    await app.close().catch(() => {})
    throw error
  }
  const stopped = stopOnSignal(app, database.close)

  if (config.mode === 'production') {
    if (admin.live === 0) app.log.warn("no admin token: set RECT_ADMIN_TOKEN or run 'rect admin-token'")
    const host = config.host.includes(':') ? `[${config.host}]` : config.host
    io.out(productionStartLine({ url: `http://${host}:${address.port}`, migrationsApplied: applied.length, adminTokens: admin.live }))
    return { stopped }
  }
  const settings = await readSettings(db)
  const seeding = settings?.seeded && settings.seed_number !== null && settings.seeding_date !== null
    ? { seed: settings.seed_number, seeding_date: settings.seeding_date }
    : null
  io.out(
    sandboxStartText({
      version: VERSION,
      database: database.label,
      isNew: before === null,
      seeding,
      noSeed: !config.seed,
      baseUrl: baseUrlOf(config.host, address.port),
      admin,
      leadProviders: await sandboxTokens(db, seeding?.seed ?? null),
      today: clock.today,
    }),
  )
  return { stopped }
}
