// pino settings: JSON lines, pretty on a terminal in sandbox mode; tokens never logged.
import type { FastifyServerOptions } from 'fastify'
import type { Config } from './config.ts'

export const REDACT = ['req.headers.authorization', 'headers.authorization', 'authorization', '*.token', 'token']

export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  if (config.logLevel === 'silent') return false
  const pretty = config.mode === 'sandbox' && process.stdout.isTTY === true
  return {
    level: config.logLevel,
    redact: { paths: REDACT, censor: '[redacted]' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' } } } : {}),
  }
}
