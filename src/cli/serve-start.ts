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
import { runStatementSweep } from '../domain/statements/run-statement-sweep.ts'
import { limitHeapGrowth, listen, runDailyAt, stopOnSignal } from '../server.ts'
import { warmDocumentsInBackground } from '../read-models/warm-up.ts'
import { applyMigrations, isNewDataDir, openDatabase, type OpenedDatabase } from './database.ts'
import { usageError } from './errors.ts'
import type { Io } from './io.ts'
import { checkRedis } from './redis.ts'
import { currentSeededTemplate } from './seeded-template.ts'
import { checkModeMarker, readSettings, recordProductionMarker } from './settings.ts'
import { baseUrlOf, productionStartLine, sandboxStartText } from './startup-output.ts'
import { VERSION } from './version.ts'

const WARM_EVERY_MS = 60_000

/** `config` has passed S-17 step 1 (serve.ts). */
export async function serve(config: Config, io: Io): Promise<void> {
  const clock = systemClock()
  const stages = new Stages()
  const isNew = isNewDataDir(config.database)
  // a new data directory to be seeded starts as the stored seeded cluster, when there is one
  // for today (seeded-template.ts); step 5 then finds its data in place.
  const seeded = isNew && config.mode === 'sandbox' && config.seed && config.database.kind === 'pglite' && config.database.dataDir !== null
    ? await currentSeededTemplate(clock.today)
    : null
  const database = await stages.time(seeded === null ? 'open' : 'open (seeded copy)', () => openDatabase(config.database, config.statementTimeoutMs, seeded)) // step 2
  let running: { stopped: Promise<void> }
  try {
    if (config.redisUrl !== null) await checkRedis(config.redisUrl) // S-16
    running = await start(config, database, clock, io, stages, isNew)
  } catch (error) {
    await database.close().catch(() => {})
    throw error
  }
  await running.stopped
}

async function start(config: Config, database: OpenedDatabase, clock: Clock, io: Io, stages: Stages, isNew: boolean): Promise<{ stopped: Promise<void> }> {
  const { db } = database
  const before = await readSettings(db)
  checkModeMarker(before, config.mode) // step 3
  const { applied } = await stages.time('migrate', () => applyMigrations(db, clock.now)) // step 4
  if (config.mode === 'production') await recordProductionMarker(db)

  if (config.mode === 'sandbox') {
    // Written only when it changes: a write at every start cost a cold table's pages.
    await db.updateTable('settings').set({ no_seed: !config.seed }).where('no_seed', '=', config.seed).execute()
    if (config.seed && !(await holdsDomainData(db))) {
      // Step 5: seed number 1, small scale, T = today; the whole data set or nothing.
      try {
        await stages.time('seed', () => inTransaction(db, (tx) => seedDataSet(tx, { seed: 1, seedingDate: clock.today })))
      } catch (error) {
        if (error instanceof InvalidError) throw usageError(...error.problems.map((p) => p.detail))
        throw error
      }
    }
  }
  const admin = await inTransaction(db, (tx) => setUpStartupAdminToken(tx, clock, config.adminToken, config.mode)) // step 6
  // Step 7 (S-7): the sweep on the real clock, now and daily at 00:05 Europe/London.
  const sweep = () => inTransaction(db, (tx) => runStatementSweep(tx, systemClock()))
  await stages.time('sweep', sweep)

  const app = await stages.time('build', () => buildApp({ db, config }))
  runDailyAt(app, '00:05:00', sweep)
  // Q-4 … Q-6: the participant, partnership and school documents stale for today (all of them after a
  // migration or a bulk load, a few after midnight) are built in the background, so readers
  // seldom build them; the first run waits a moment, so start-up is not slowed.
  warmDocumentsInBackground(app, db, { firstAfterMs: 1000, everyMs: WARM_EVERY_MS })
  limitHeapGrowth()
  let address
  try {
    address = await stages.time('listen', () => listen(app, config.host, config.port)) // step 8
  } catch (error) {
    await app.close().catch(() => {})
    throw error
  }
  const stopped = stopOnSignal(app, database.close)
  // what each start-up stage cost, for LOG_LEVEL=debug (stderr keeps stdout's S-18 text intact).
  if (config.logLevel === 'debug' || config.logLevel === 'trace') {
    io.err(`start-up stages (ms): ${stages.summary()}\nstart-up stages (cpu ms): ${stages.cpuSummary()}\n`)
  }

  if (config.mode === 'production') {
    if (admin.live === 0) app.log.warn("no admin token: set RECT_ADMIN_TOKEN or run 'rect admin-token'")
    // W-27: production starts without OIDC, but nobody can sign in to the web pages.
    if (config.web.oidc === null) app.log.warn('web sign-in is off: set RECT_OIDC_ISSUER')
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
      isNew: isNew || before === null,
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

/**
 * wall-clock milliseconds per start-up stage, and the process's CPU time in each (all its
 * threads): on a busy machine the wall clock says how long, the CPU time what the stage costs.
 */
class Stages {
  /** From the process's start (performance's time origin) to the first stage: loading the code. */
  readonly #ms: [string, number, number][] = [['boot', Math.round(performance.now()), cpuMs()]]

  async time<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const started = performance.now()
    const cpu = cpuMs()
    try {
      return await fn()
    } finally {
      this.#ms.push([name, Math.round(performance.now() - started), cpuMs() - cpu])
    }
  }

  summary(): string {
    return this.#ms.map(([name, ms]) => `${name} ${ms}`).join(', ')
  }

  cpuSummary(): string {
    return this.#ms.map(([name, , cpu]) => `${name} ${cpu}`).join(', ')
  }
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return Math.round((user + system) / 1000)
}
