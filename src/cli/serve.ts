// `rect serve` (S-13, S-26): its flags and help. The start-up itself (S-17) is in
// serve-start.ts, loaded only when the command runs, so `--help` and `--version` stay quick.
import type { Command } from 'commander'
import type { ServeFlags } from '../config.ts'
import { configOrExit } from './config.ts'
import { describe, HELP_FLAG, SERVE_ENVIRONMENT } from './help.ts'
import type { Io } from './io.ts'

export function serveCommand(rect: Command, io: Io): void {
  const command = rect
    .command('serve')
    .description('start the HTTP server')
    .option('--port <n>')
    .option('--host <address>')
    .option('--mode <mode>')
    .option('--data-dir <path>')
    .option('--memory')
    .option('--no-seed')
    .action(async (flags: ServeFlags) => {
      const config = configOrExit(flags, process.env) // S-17 step 1, before the heavy modules load
      await (await import('./serve-start.ts')).serve(config, io)
    })
  describe(command, {
    usage: 'rect serve [options]',
    summary: 'Start the HTTP server: lead provider API (/api/v3), operator API (/api/admin/v1), docs (/api/docs).',
    flags: [
      { flags: '--port <n>', description: 'port to listen on; 0 picks a free port', env: 'PORT', default: '3000' },
      { flags: '--host <address>', description: 'address to bind', env: 'HOST', default: '127.0.0.1' },
      { flags: '--mode <mode>', description: 'sandbox or production', env: 'RECT_MODE', default: 'sandbox' },
      { flags: '--data-dir <path>', description: 'PGlite data directory, sandbox only', default: './.rect-data' },
      { flags: '--memory', description: 'in-memory PGlite, nothing written to disk, sandbox only' },
      { flags: '--no-seed', description: 'sandbox: do not load the seed data set into an empty database' },
      HELP_FLAG,
    ],
    env: SERVE_ENVIRONMENT,
    notes: [
      'Modes: sandbox (default) seeds an empty database and prints the admin and lead provider tokens;\n' +
        'production needs DATABASE_URL, never seeds, prints one JSON line and no secrets.',
    ],
  })
}
