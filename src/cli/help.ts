// Help texts (S-26, Q-24): every flag with its argument, default and environment variable, in
// aligned columns; every command's help says which mode it works in.
import type { Command } from 'commander'

export type FlagHelp = { flags: string; description: string; env?: string; default?: string }
export type EnvHelp = { name: string; description: string }

export type CommandHelp = {
  usage: string
  summary: string
  flags: FlagHelp[]
  env?: EnvHelp[]
  /** Extra paragraphs after the environment list (modes, warnings). */
  notes?: string[]
}

const helpOf = new WeakMap<Command, CommandHelp>()

export function describe(command: Command, help: CommandHelp): Command {
  helpOf.set(command, help)
  return command
}

export function formatHelp(command: Command): string {
  const help = helpOf.get(command)
  if (!help) return `Usage: ${command.name()}\n`
  const lines = [`Usage: ${help.usage}`, '', help.summary, '']
  lines.push('Options:', ...table(help.flags.map((f) => [f.flags, f.description, origin(f)])), '')
  if (help.env && help.env.length > 0) {
    lines.push('Environment:', ...table(help.env.map((e) => [e.name, e.description, ''])), '')
  }
  for (const note of help.notes ?? []) lines.push(note, '')
  return lines.join('\n')
}

function origin(flag: FlagHelp): string {
  const parts = [flag.env ? `env ${flag.env}` : null, flag.default ? `default ${flag.default}` : null].filter(Boolean)
  return parts.length > 0 ? `(${parts.join(', ')})` : ''
}

function table(rows: [string, string, string][]): string[] {
  const first = Math.max(...rows.map((r) => r[0].length)) + 2
  const second = Math.max(0, ...rows.filter((r) => r[2] !== '').map((r) => r[1].length)) + 3
  return rows.map(([a, b, c]) => `  ${a.padEnd(first)}${c ? b.padEnd(second) + c : b}`.trimEnd())
}

/** Every environment variable any command reads (S-26: listed by `rect --help`). */
export const ENVIRONMENT: EnvHelp[] = [
  { name: 'PORT', description: 'serve: port to listen on (default 3000)' },
  { name: 'HOST', description: 'serve: address to bind (default 127.0.0.1)' },
  { name: 'RECT_MODE', description: 'sandbox or production (default sandbox)' },
  { name: 'DATABASE_URL', description: 'PostgreSQL connection string; replaces PGlite (required in production)' },
  { name: 'RECT_ADMIN_TOKEN', description: 'fixed admin token, at least 32 characters' },
  { name: 'REDIS_URL', description: 'shared rate-limit store when running several instances' },
  { name: 'RECT_RATE_LIMIT_TOKEN', description: 'requests per 5 minutes per lead provider token (default 1000, 0 = off)' },
  { name: 'RECT_RATE_LIMIT_IP', description: 'requests per 5 minutes per IP without a valid token (default 1500, 0 = off)' },
  { name: 'LOG_LEVEL', description: 'fatal | error | warn | info | debug | trace (default info)' },
  { name: 'RECT_CHECK_BASE_URL', description: 'check: the deployment to check (--base-url)' },
  { name: 'RECT_CHECK_TOKEN', description: 'check: a lead provider token of it (--token)' },
  { name: 'RECT_CHECK_ADMIN_TOKEN', description: 'check: an admin token of a rect sandbox, for the write journeys (--admin-token)' },
]

/** What `rect serve --help` lists under Environment: the variables without a flag. */
export const SERVE_ENVIRONMENT: EnvHelp[] = ENVIRONMENT.filter((e) => !['PORT', 'HOST', 'RECT_MODE'].includes(e.name) && !e.name.startsWith('RECT_CHECK_'))

export const DATABASE_ENVIRONMENT: EnvHelp[] = [
  { name: 'DATABASE_URL', description: 'PostgreSQL connection string; replaces PGlite' },
  { name: 'RECT_MODE', description: 'sandbox or production (default sandbox); production needs DATABASE_URL' },
]

export const HELP_FLAG: FlagHelp = { flags: '-h, --help', description: 'show this help' }

export const DATA_DIR_FLAG: FlagHelp = { flags: '--data-dir <path>', description: 'PGlite data directory (not with DATABASE_URL)', default: './.rect-data' }
