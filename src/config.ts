// Flags + environment → one validated Config (S-11: flag over environment over default; every
// problem reported at once, before anything is opened).
import { randomBytes } from 'node:crypto'

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
  web: WebConfig
}

/** W-27: the web interface's sign-in and sessions. */
export type WebConfig = {
  /** null: sandbox personas (sandbox) or sign-in off (production). */
  oidc: OidcConfig | null
  publicUrl: string | null
  /** Signs the session cookie (W-12); random per start unless RECT_SESSION_SECRET is set. */
  sessionSecret: string
  sessionIdleMinutes: number
}

export type OidcConfig = {
  issuer: string
  clientId: string
  clientSecret: string
  scopes: string
  urnClaim: string
  adminEmailDomains: string[]
  adminClaim: { path: string; value: string } | null
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

  const web = readWebConfig(env, mode, problems)

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
      web,
    },
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost'])

/** W-27: the OIDC and session settings, every problem reported (exit 2, S-11). */
function readWebConfig(env: Env, mode: string, problems: string[]): WebConfig {
  const issuer = blankToNull(env.RECT_OIDC_ISSUER)
  const clientId = blankToNull(env.RECT_OIDC_CLIENT_ID)
  const clientSecret = blankToNull(env.RECT_OIDC_CLIENT_SECRET)
  const publicUrl = blankToNull(env.RECT_PUBLIC_URL)?.replace(/\/+$/, '') ?? null
  let oidc: OidcConfig | null = null
  if (issuer !== null) {
    if (clientId === null || clientSecret === null || publicUrl === null) {
      problems.push('RECT_OIDC_ISSUER needs RECT_OIDC_CLIENT_ID, RECT_OIDC_CLIENT_SECRET and RECT_PUBLIC_URL')
    }
    let url: URL | null
    try {
      url = new URL(issuer)
    } catch {
      url = null
    }
    if (url === null || !(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)))) {
      problems.push('RECT_OIDC_ISSUER must be an https URL (http only for 127.0.0.1, ::1 or localhost)')
    }
    const adminClaim = blankToNull(env.RECT_OIDC_ADMIN_CLAIM)
    const at = adminClaim?.indexOf('=') ?? -1
    if (adminClaim !== null && (at < 1 || at === adminClaim.length - 1)) {
      problems.push(`RECT_OIDC_ADMIN_CLAIM must be path=value, like roles=rect-admin (got '${adminClaim}')`)
    }
    oidc = {
      issuer,
      clientId: clientId ?? '',
      clientSecret: clientSecret ?? '',
      scopes: blankToNull(env.RECT_OIDC_SCOPES) ?? 'openid email profile',
      urnClaim: blankToNull(env.RECT_OIDC_URN_CLAIM) ?? 'organisation.urn',
      adminEmailDomains: (env.RECT_OIDC_ADMIN_EMAIL_DOMAINS ?? '')
        .split(',')
        .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
        .filter((d) => d !== ''),
      adminClaim: adminClaim !== null && at > 0 ? { path: adminClaim.slice(0, at), value: adminClaim.slice(at + 1) } : null,
    }
  }
  const secret = blankToNull(env.RECT_SESSION_SECRET)
  if (secret !== null && secret.length < 32) problems.push('RECT_SESSION_SECRET must be at least 32 characters long')
  if (secret === null && mode === 'production' && issuer !== null) {
    problems.push('RECT_SESSION_SECRET must be at least 32 characters long')
  }
  const idleText = env.RECT_SESSION_IDLE_MINUTES?.trim() ?? ''
  let sessionIdleMinutes = 60
  if (idleText !== '') {
    if (!/^\d+$/.test(idleText) || Number(idleText) < 1 || Number(idleText) > 1440) {
      problems.push(`RECT_SESSION_IDLE_MINUTES must be a whole number from 1 to 1440 (got '${idleText}')`)
    } else sessionIdleMinutes = Number(idleText)
  }
  return { oidc, publicUrl, sessionSecret: secret ?? randomBytes(32).toString('base64url'), sessionIdleMinutes }
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
    web: { oidc: null, publicUrl: null, sessionSecret: 'test-session-secret-of-at-least-32-characters', sessionIdleMinutes: 60 },
    ...overrides,
  }
}
