// The `rect` command line (S-10 … S-27): commander parses, each command lives in its own file,
// and every outcome becomes one of the exit codes of S-12.
import { Command, CommanderError } from 'commander'
import { CliError, EXIT, USAGE_HINT, type ExitCode } from './errors.ts'
import { describe, ENVIRONMENT, formatHelp } from './help.ts'
import { processIo, type Io } from './io.ts'
import { serveCommand } from './serve.ts'
import { migrateCommand } from './migrate.ts'
import { tokenCommand } from './token.ts'
import { adminTokenCommand } from './admin-token.ts'
import { seedCommand } from './seed.ts'
import { checkCommand } from './check.ts'
import { VERSION } from './version.ts'

function program(io: Io): Command {
  const rect = new Command('rect')
  rect
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(text) })
    .configureHelp({ formatHelp: (command) => formatHelp(command) })
    .showSuggestionAfterError(true)
  describe(rect, {
    usage: 'rect [options] [command]',
    summary: 'Register early career teachers: Lead Provider API v3, operator API and a seeded local sandbox.',
    flags: [
      { flags: '-V, --version', description: 'print the version' },
      { flags: '-h, --help', description: 'show this help' },
    ],
    env: ENVIRONMENT,
    notes: [
      [
        'Commands:',
        '  serve               start the HTTP server (sandbox or production)',
        '  migrate             apply pending database migrations',
        '  seed                replace all data with the seed data set, or add a scenario',
        '  token create        create a lead provider token and print it once',
        '  admin-token         create an operator API admin token and print it once',
        '  check               check a v3 deployment against the contract (read-only; journeys with --admin-token)',
        '  help [command]      show help for a command',
      ].join('\n'),
      "Run 'rect <command> --help' for a command's flags.",
    ],
  })
  serveCommand(rect, io)
  migrateCommand(rect, io)
  seedCommand(rect, io)
  tokenCommand(rect, io)
  adminTokenCommand(rect, io)
  checkCommand(rect, io)
  return rect
}

/** Runs one command line; resolves with its exit code (serve resolves when the server stops). */
export async function runCli(argv: string[], io: Io = processIo): Promise<ExitCode> {
  const rect = program(io)
  if (argv.length <= 2) {
    io.err(formatHelp(rect))
    return EXIT.usage
  }
  try {
    await rect.parseAsync(argv)
    return EXIT.ok
  } catch (error) {
    return exitCodeOf(error, io)
  }
}

function exitCodeOf(error: unknown, io: Io): ExitCode {
  if (error instanceof CommanderError) {
    if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) return EXIT.ok
    // Commander has printed its own message; S-11 adds the pointer to the help.
    io.err(`${USAGE_HINT}\n`)
    return EXIT.usage
  }
  if (error instanceof CliError) {
    io.err(error.lines.map((line) => `${line}\n`).join(''))
    return error.code
  }
  io.err(`rect: unexpected error\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  return EXIT.internal
}
