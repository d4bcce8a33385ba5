// `rect seed` once its flags are checked (seed.ts): opens and migrates the database, refuses a
// production-marked one (S-4), then replaces the data or adds the scenario, in one transaction.
import type { Config } from '../config.ts'
import { inTransaction, type Tx } from '../db/transaction.ts'
import { InvalidError } from '../errors.ts'
import { DOMAIN_TABLES, resetSandbox } from '../sandbox/reset.ts'
import { runScenario } from '../sandbox/scenarios/run-scenario.ts'
import { sql } from 'kysely'
import { withCommandDatabase } from './command-database.ts'
import { usageError } from './errors.ts'
import type { SeedCommandOptions } from './seed.ts'
import { PRODUCTION_DATABASE_SEED, readSettings } from './settings.ts'
import { findLeadProviderNamed } from './token.ts'

export async function runSeedCommand(config: Config, options: SeedCommandOptions): Promise<string> {
  try {
    return await withCommandDatabase(config, async (db, clock) => {
      if ((await readSettings(db))?.mode === 'production') throw usageError(PRODUCTION_DATABASE_SEED)
      if (options.kind === 'scenario') {
        const lp = options.leadProvider === null ? null : await findLeadProviderNamed(db, options.leadProvider)
        const report = await inTransaction(db, (tx) => runScenario(tx, clock, { scenario: options.scenario, ...(lp ? { lead_provider_id: lp.id } : {}) }))
        return `${JSON.stringify({ data: report }, null, 2)}\n`
      }
      if (options.scale === 'national') {
        const national = await loadNational()
        const result = await inTransaction(db, async (tx) => {
          await sql`TRUNCATE ${sql.join(DOMAIN_TABLES.map((t) => sql.table(t)))} RESTART IDENTITY`.execute(tx)
          return national(tx, { seed: options.seed, seedingDate: clock.today })
        })
        return seededText(result.seed, result.seeding_date, 'national', result.counts, result.lead_providers)
      }
      const result = await inTransaction(db, (tx) => resetSandbox(tx, clock, { seed: options.seed, empty: false }))
      return seededText(result.seed, result.seeding_date, 'small', result.counts, result.lead_providers)
    })
  } catch (error) {
    if (error instanceof InvalidError) throw usageError(...error.problems.map((p) => p.detail))
    throw error
  }
}

type National = (tx: Tx, options: { seed: number; seedingDate: string }) => Promise<{ seed: number; seeding_date: string; counts: Record<string, number>; lead_providers: { name: string; token: string }[] }>

/** S-41 is another engineer's module (src/sandbox/national/); until it lands the scale is refused. */
async function loadNational(): Promise<National> {
  try {
    const module = (await import('../sandbox/national/seed-national.ts')) as { seedNational?: National }
    if (typeof module.seedNational === 'function') return module.seedNational
  } catch {
    // not there yet
  }
  throw usageError('--scale national is not yet available')
}

function seededText(seed: number, date: string, scale: string, counts: Record<string, number>, lps: { name: string; token: string }[]): string {
  const width = Math.max(...Object.keys(counts).map((k) => k.length)) + 2
  const nameWidth = Math.max(0, ...lps.map((lp) => lp.name.length)) + 3
  return [
    `seeded: seed ${seed}, seeding date ${date}, scale ${scale} (all earlier data replaced; admin tokens kept)`,
    '',
    ...Object.entries(counts).map(([table, n]) => `  ${table.padEnd(width)}${n}`),
    '',
    'Lead provider tokens (lead provider API /api/v3):',
    ...lps.map((lp) => `  ${lp.name.padEnd(nameWidth)}${lp.token}`),
    '',
  ].join('\n')
}
