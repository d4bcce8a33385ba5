// `rect migrate` (S-22, Q-16): applies pending migrations and says what it did; never seeds.
import type { Command } from 'commander'
import { commandConfigOrExit, type DatabaseFlags } from './config.ts'
import { DATA_DIR_FLAG, DATABASE_ENVIRONMENT, describe, HELP_FLAG } from './help.ts'
import type { Io } from './io.ts'

export function migrateCommand(rect: Command, io: Io): void {
  const command = rect
    .command('migrate')
    .description('apply pending database migrations')
    .option('--data-dir <path>')
    .action(async (flags: DatabaseFlags) => {
      const config = commandConfigOrExit(flags, process.env)
      const { withCommandDatabase } = await import('./command-database.ts')
      const { migrationsText } = await import('./database.ts')
      const migrated = await withCommandDatabase(config, async (_db, _clock, done) => done)
      io.out(`${migrationsText(migrated)}\n`)
    })
  describe(command, {
    usage: 'rect migrate [options]',
    summary: 'Apply pending migrations and changed function definitions to DATABASE_URL or the PGlite data directory, in one transaction. Never seeds.',
    flags: [DATA_DIR_FLAG, HELP_FLAG],
    env: DATABASE_ENVIRONMENT,
    notes: [
      'Works in both modes. Running it twice is a no-op.',
      "A migration already applied whose file has changed since is refused (exit 3, naming the file and both SHA-256 hashes): fix it with a new migration.",
    ],
  })
}
