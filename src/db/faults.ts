// Which driver errors mean "the database cannot be reached or did not answer in time" (C-31, Q-12).

const UNAVAILABLE_CODES = new Set(['57014', '57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND'])
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Query read timeout',
  'connection timeout',
  'Client has encountered a connection error',
  // A client closed after a read timeout (connect.ts), met by its transaction's ROLLBACK.
  'Client was closed and is not queryable',
  'PGlite is closed',
]

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true
    if (UNAVAILABLE_MESSAGES.some((m) => e instanceof Error && e.message.includes(m))) return true
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true
  }
  return false
}

/**
 * PostgreSQL refuses a prepared statement whose result columns changed under it (ALTER TABLE):
 * both drivers' statement caches (connect.ts, pglite-dialect.ts) stop trusting it.
 */
export function isStalePreparedStatement(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '0A000'
}

/** A deadlock or serialization failure: the statement lost a race and may simply be retried or skipped. */
export function isLostRace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '40P01' || code === '40001'
}
