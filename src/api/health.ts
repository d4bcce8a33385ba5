// GET /healthcheck (C-67): an honest answer, SELECT 1 within 2 seconds, or 503; and 503 while the
// server stops, so a load balancer sends no more requests.
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import type { Db } from '../db/connect.ts'
import type { Lifecycle } from './plugins/types.ts'

const HEALTH_TIMEOUT_MS = 2000

export async function databaseAnswers(db: Db, timeoutMs = HEALTH_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)))
  const probe = sql`SELECT 1 AS ok`.execute(db).then(
    () => true,
    () => false,
  )
  try {
    return await Promise.race([probe, timeout])
  } finally {
    clearTimeout(timer)
  }
}

export function registerHealth(app: FastifyInstance, db: Db, lifecycle: Lifecycle): void {
  app.get(
    '/healthcheck',
    // Not in the OpenAPI documents, and no response schema: JSON.stringify writes these two keys
    // as a schema would, and the first answer after a start compiles no serializer.
    { schema: { hide: true } },
    async (_request, reply) => {
      const answers = await databaseAnswers(db)
      if (lifecycle.draining) return reply.code(503).send({ status: 'stopping', database: answers ? 'ok' : 'unavailable' })
      if (answers) return { status: 'ok', database: 'ok' }
      return reply.code(503).send({ status: 'error', database: 'unavailable' })
    },
  )
}
