// `rect token create` (S-24): a random lead provider token (as P-15), printed alone on stdout so
// `TOKEN=$(rect token create --lead-provider "Teach First")` works; the message goes to stderr.
import type { Command } from 'commander'
import { commandConfigOrExit } from './config.ts'
import type { Db } from '../db/connect.ts'
import { usageError } from './errors.ts'
import { DATA_DIR_FLAG, DATABASE_ENVIRONMENT, describe, HELP_FLAG } from './help.ts'
import type { Io } from './io.ts'

type TokenFlags = { leadProvider: string; description?: string; dataDir?: string }

export function tokenCommand(rect: Command, io: Io): void {
  const token = rect.command('token').description('lead provider tokens')
  describe(token, {
    usage: 'rect token create [options]',
    summary: 'Lead provider tokens. One subcommand: create.',
    flags: [HELP_FLAG],
    notes: ["Run 'rect token create --help' for its flags."],
  })
  const create = token
    .command('create')
    .description('create a lead provider token and print it once')
    .requiredOption('--lead-provider <name>')
    .option('--description <text>')
    .option('--data-dir <path>')
    .action(async (flags: TokenFlags) => {
      const config = commandConfigOrExit(flags, process.env)
      const { withCommandDatabase } = await import('./command-database.ts')
      const { inTransaction } = await import('../db/transaction.ts')
      const { createLeadProviderToken } = await import('../domain/tokens/create-lead-provider-token.ts')
      const created = await withCommandDatabase(config, async (db, clock) => {
        const lp = await findLeadProviderNamed(db, flags.leadProvider)
        const { id, token: value } = await inTransaction(db, (tx) =>
          createLeadProviderToken(tx, clock, lp.id, { description: flags.description ?? null }),
        )
        return { id, value, name: lp.name }
      })
      io.out(`${created.value}\n`)
      io.err(`token created for ${created.name} (id ${created.id})\n`)
    })
  describe(create, {
    usage: 'rect token create --lead-provider <name> [options]',
    summary: 'Create a random lead provider token (as POST /api/admin/v1/lead-providers/{id}/tokens) and print it once on stdout.',
    flags: [
      { flags: '--lead-provider <name>', description: "the lead provider's name (any case) or id; required" },
      { flags: '--description <text>', description: 'what the token is for, up to 255 characters' },
      DATA_DIR_FLAG,
      HELP_FLAG,
    ],
    env: DATABASE_ENVIRONMENT,
    notes: ['Works in both modes. While rect serve runs on PGlite, create tokens through the operator API instead.'],
  })
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** S-24: the exact name ignoring case and surrounding spaces, or the id. */
export async function findLeadProviderNamed(db: Db, given: string): Promise<{ id: string; name: string }> {
  const all = await db.selectFrom('lead_providers').select(['id', 'name']).execute()
  all.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()))
  const wanted = given.trim().toLowerCase()
  const found = all.find((lp) => lp.name.toLowerCase() === wanted) ?? (UUID.test(given.trim()) ? all.find((lp) => lp.id === wanted) : undefined)
  if (found) return found
  const known = all.length > 0 ? all.map((lp) => lp.name).join(', ') : '(none)'
  throw usageError(`no lead provider named '${given}'; known: ${known}`)
}
