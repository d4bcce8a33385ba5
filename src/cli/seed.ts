// `rect seed` (S-23): replaces all data with the seed data set (as reset, S-54, admin tokens kept),
// or adds one named scenario (S-51 … S-53). Sandbox only: RECT_MODE=production or a
// production-marked database is exit 2.
import type { Command } from 'commander'
import { commandConfigOrExit } from './config.ts'
import { usageError } from './errors.ts'
import { DATA_DIR_FLAG, DATABASE_ENVIRONMENT, describe, HELP_FLAG } from './help.ts'
import type { Io } from './io.ts'
import { SCENARIO_SUMMARIES } from '../sandbox/scenarios/summaries.ts'

type SeedFlags = { seed?: string; scale?: string; scenario?: string; leadProvider?: string; dataDir?: string }

export const SANDBOX_ONLY = "rect seed works in sandbox mode only (RECT_MODE is 'production')"

export function seedCommand(rect: Command, io: Io): void {
  const command = rect
    .command('seed')
    .description('replace all data with the seed data set, or add a named scenario')
    .option('--seed <n>')
    .option('--scale <scale>')
    .option('--scenario <name>')
    .option('--lead-provider <name>')
    .option('--data-dir <path>')
    .action(async (flags: SeedFlags) => {
      const options = checkFlags(flags)
      const config = commandConfigOrExit(flags, process.env)
      if (config.mode === 'production') throw usageError(SANDBOX_ONLY)
      const { runSeedCommand } = await import('./seed-run.ts')
      io.out(await runSeedCommand(config, options))
    })
  describe(command, {
    usage: 'rect seed [options]',
    summary:
      'DELETES ALL EXISTING DATA (admin tokens are kept) and loads the seed data set for seed number n, seeding date = today;\n' +
      'or, with --scenario, adds one named scenario to the existing data and prints what it created as JSON.',
    flags: [
      { flags: '--seed <n>', description: 'seed number, 0 … 2147483647', default: '1' },
      { flags: '--scale <scale>', description: 'small or national', default: 'small' },
      { flags: '--scenario <name>', description: 'add a named scenario instead (not with --seed or --scale)' },
      { flags: '--lead-provider <name>', description: "the scenario's lead provider, by name (any case) or id" },
      DATA_DIR_FLAG,
      HELP_FLAG,
    ],
    env: DATABASE_ENVIRONMENT,
    notes: [
      scenarioList(),
      'A scenario adds to a seeded database: seed it first (rect seed, or start rect serve once).',
      'Sandbox mode only: refused with RECT_MODE=production and on a database used in production.',
    ],
  })
}

/** Every scenario with one line on what it sets up (S-52), in table order. */
function scenarioList(): string {
  const names = Object.keys(SCENARIO_SUMMARIES)
  const width = Math.max(...names.map((name) => name.length)) + 2
  const heading = 'Scenarios (--scenario <name>; LP is --lead-provider, other LP the next lead provider by name):'
  return [heading, ...names.map((name) => `  ${name.padEnd(width)}${SCENARIO_SUMMARIES[name]}`)].join('\n')
}

export type SeedCommandOptions =
  | { kind: 'data-set'; seed: number; scale: 'small' | 'national' }
  | { kind: 'scenario'; scenario: string; leadProvider: string | null }

function checkFlags(flags: SeedFlags): SeedCommandOptions {
  const problems: string[] = []
  if (flags.scenario !== undefined) {
    if (flags.seed !== undefined || flags.scale !== undefined) problems.push('--scenario cannot be combined with --seed or --scale')
    if (problems.length > 0) throw usageError(...problems)
    return { kind: 'scenario', scenario: flags.scenario, leadProvider: flags.leadProvider ?? null }
  }
  if (flags.leadProvider !== undefined) problems.push('--lead-provider needs --scenario')
  const seed = flags.seed === undefined ? 1 : Number(flags.seed)
  if (flags.seed !== undefined && (!/^\d+$/.test(flags.seed) || seed > 2147483647)) problems.push(`--seed must be a whole number from 0 to 2147483647 (got '${flags.seed}')`)
  const scale = flags.scale ?? 'small'
  if (scale !== 'small' && scale !== 'national') problems.push(`--scale must be small or national (got '${scale}')`)
  if (problems.length > 0) throw usageError(...problems)
  return { kind: 'data-set', seed, scale: scale as 'small' | 'national' }
}
