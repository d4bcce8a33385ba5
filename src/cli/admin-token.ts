// `rect admin-token` (S-25): a new random admin token, printed once on stdout; revokes nothing,
// and start-up never replaces it (S-15).
import type { Command } from 'commander'
import { commandConfigOrExit } from './config.ts'
import { DATA_DIR_FLAG, DATABASE_ENVIRONMENT, describe, HELP_FLAG } from './help.ts'
import type { Io } from './io.ts'

export function adminTokenCommand(rect: Command, io: Io): void {
  const command = rect
    .command('admin-token')
    .description('create an operator API admin token and print it once')
    .option('--description <text>')
    .option('--data-dir <path>')
    .action(async (flags: { description?: string; dataDir?: string }) => {
      const config = commandConfigOrExit(flags, process.env)
      const { withCommandDatabase } = await import('./command-database.ts')
      const { inTransaction } = await import('../db/transaction.ts')
      const { createAdminToken } = await import('../domain/tokens/admin-tokens.ts')
      const created = await withCommandDatabase(config, (db, clock) =>
        inTransaction(db, (tx) => createAdminToken(tx, clock, 'cli', { description: flags.description ?? null })),
      )
      io.out(`${created.token}\n`)
      io.err(`admin token created (id ${created.id})\n`)
    })
  describe(command, {
    usage: 'rect admin-token [options]',
    summary: 'Create a new random admin token for the operator API (/api/admin/v1) and print it once on stdout.',
    flags: [{ flags: '--description <text>', description: 'what the token is for' }, DATA_DIR_FLAG, HELP_FLAG],
    env: DATABASE_ENVIRONMENT,
    notes: ['Works in both modes. Revokes nothing; start-up never replaces tokens made here.'],
  })
}
