// Flags + environment → one validated Config (S-11: flag over environment over default; every
// problem reported at once, before anything is opened).

export type Mode = 'sandbox' | 'production'

export type DatabaseConfig =
  | { kind: 'postgresql'; url: string }
  /** `dataDir` null: in memory (--memory). */
  | { kind: 'pglite'; dataDir: string | null }

export type Config = {
  mode: Mode
  port: number
  host: string
  database: DatabaseConfig
  seed: boolean
  adminToken: string | null
  redisUrl: string | null
  rateLimitToken: number
  rateLimitIp: number
  logLevel: LogLevel
  statementTimeoutMs: number
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export const DEFAULT_DATA_DIR = './.rect-data'

export type ServeFlags = {
  port?: string
  host?: string
  mode?: string
  dataDir?: string
  memory?: boolean
  seed?: boolean
}

export type Env = Record<string, string | undefined>

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] }

export function loadConfig(flags: ServeFlags, env: Env): ConfigResult {
  const problems: string[] = []
  const mode = flags.mode ?? env.RECT_MODE ?? 'sandbox'
  if (mode !== 'sandbox' && mode !== 'production') {
    problems.push(`--mode must be sandbox or production (got '${mode}')`)
  }

  const portText = flags.port ?? env.PORT ?? '3000'
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`--port must be a whole number from 0 to 65535 (got '${portText}')`)

  const host = flags.host ?? env.HOST ?? '127.0.0.1'
  if (host.trim() === '') problems.push('--host must not be empty')

  const url = blankToNull(env.DATABASE_URL)
  let database: DatabaseConfig = { kind: 'pglite', dataDir: flags.dataDir ?? DEFAULT_DATA_DIR }
  if (url !== null) {
    if (flags.dataDir !== undefined || flags.memory) problems.push('DATABASE_URL cannot be combined with --data-dir or --memory')
    if (!/^postgres(ql)?:\/\//.test(url)) problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL')
    database = { kind: 'postgresql', url }
  } else if (flags.memory) {
    if (flags.dataDir !== undefined) problems.push('--memory cannot be combined with --data-dir')
    database = { kind: 'pglite', dataDir: null }
  }
  if (mode === 'production' && (url === null || flags.memory || flags.dataDir !== undefined)) {
    problems.push('production mode needs DATABASE_URL (PGlite is for the sandbox)')
  }

  const adminToken = blankToNull(env.RECT_ADMIN_TOKEN)
  if (adminToken !== null) {
    if (/\s/.test(adminToken)) problems.push('RECT_ADMIN_TOKEN must not contain whitespace')
    else if (adminToken.length < 32) {
      problems.push(`RECT_ADMIN_TOKEN must be at least 32 characters long (it has ${adminToken.length})`)
    }
  }

  const rateLimitToken = readCount('RECT_RATE_LIMIT_TOKEN', env.RECT_RATE_LIMIT_TOKEN, 1000, problems)
  const rateLimitIp = readCount('RECT_RATE_LIMIT_IP', env.RECT_RATE_LIMIT_IP, 1500, problems)
  const statementTimeoutMs = readCount('RECT_STATEMENT_TIMEOUT_MS', env.RECT_STATEMENT_TIMEOUT_MS, 5000, problems)

  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got '${logLevel}')`)

  const redisUrl = blankToNull(env.REDIS_URL)
  if (redisUrl !== null && !/^rediss?:\/\//.test(redisUrl)) problems.push('REDIS_URL must be a redis:// or rediss:// URL')

  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    config: {
      mode: mode as Mode,
      port,
      host,
      database,
      seed: flags.seed !== false,
      adminToken,
      redisUrl,
      rateLimitToken,
      rateLimitIp,
      logLevel,
      statementTimeoutMs,
    },
  }
}

function readCount(name: string, value: string | undefined, fallback: number, problems: string[]): number {
  if (value === undefined || value.trim() === '') return fallback
  if (!/^\d+$/.test(value.trim())) {
    problems.push(`${name} must be a whole number, 0 or more (got '${value}')`)
    return fallback
  }
  return Number(value.trim())
}

function blankToNull(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value
}

/** A Config for tests and embedding: sandbox defaults, overridden field by field. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    mode: 'sandbox',
    port: 0,
    host: '127.0.0.1',
    database: { kind: 'pglite', dataDir: null },
    seed: false,
    adminToken: null,
    redisUrl: null,
    rateLimitToken: 1000,
    rateLimitIp: 1500,
    logLevel: 'silent',
    statementTimeoutMs: 5000,
    ...overrides,
  }
}
