// The request clock (C-51 … C-55): real time, or X-With-Server-Date in sandbox mode only.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { clockAt, parseServerDate, systemClock } from '../../clock.ts'
import type { Mode } from '../../config.ts'
import { BadRequestError } from '../../errors.ts'
import { needsToken } from './auth.ts'

export const HEADER = 'x-with-server-date'
export const BAD_HEADER =
  "The header 'X-With-Server-Date' must be an ISO 8601 date or date-time between 2000-01-01 and 2099-12-31"
export const SANDBOX_ONLY = "The header 'X-With-Server-Date' is only accepted in sandbox mode"

export function registerClock(app: FastifyInstance): void {
  app.decorateRequest('travelled', false)
  app.decorateRequest('clock', null as never)
  app.addHook('onRequest', async (request) => {
    request.clock = systemClock()
  })
}

/** C-10 row 4, after authentication: honour the header (sandbox) or refuse it (production). */
export function applyServerDate(request: FastifyRequest, mode: Mode): void {
  if (!needsToken(request)) return
  const raw = request.headers[HEADER]
  if (raw === undefined) return
  if (mode === 'production') throw new BadRequestError(SANDBOX_ONLY)
  const value = Array.isArray(raw) ? raw.at(-1)! : raw
  const instant = parseServerDate(value.trim())
  if (instant === null) throw new BadRequestError(BAD_HEADER)
  request.clock = clockAt(instant)
  request.travelled = true
}
