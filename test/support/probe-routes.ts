// Probe routes for the convention tests: they sit on the real surfaces (same hooks, parsers and
// error mapper as any endpoint) and echo what the common parsers read, so rules that hold for
// every endpoint (C-10, C-23, C-24, C-43, C-51 …) can be proven before those endpoints exist.
import { sql } from 'kysely'
import type { App } from '../../src/app.ts'
import type { Db } from '../../src/db/connect.ts'
import { checkFilterShape, readListRequest } from '../../src/api/common/list-request.ts'
import { listFilter } from '../../src/api/common/filters.ts'

export const V3_PROBE = '/api/v3/test-probe'
export const ADMIN_PROBE = '/api/admin/v1/test-probe'

export function probeRoutes(app: App, db: Db): void {
  {
    for (const [url, surface] of [
      [V3_PROBE, 'v3'],
      [ADMIN_PROBE, 'admin'],
    ] as const) {
      const config = { surface }
      const schema = { hide: true }
      app.get(url, { config, schema }, async (request) => {
        const list = readListRequest(request, { sortKeys: ['created_at', 'updated_at', 'name'], updatedSince: true })
        return {
          caller: request.caller?.kind ?? null,
          now: request.clock.now.toISOString(),
          today: request.clock.today,
          page: list.page,
          sort: list.sort,
          cohort: listFilter(list.filter.cohort),
          updated_since: list.updatedSince?.toISOString() ?? null,
        }
      })
      app.post(url, { config, schema }, async (request) => {
        checkFilterShape(request)
        const body = request.body
        return { body: body === undefined ? 'none' : typeof body, bytes: body === undefined ? 0 : JSON.stringify(body).length }
      })
      app.get(`${url}/boom`, { config, schema }, async () => {
        throw new Error('kaboom: internal detail at /srv/secret.ts:12')
      })
      app.get(`${url}/sleep`, { config, schema }, async () => {
        await sql`SELECT pg_sleep(2)`.execute(db)
        return { slept: true }
      })
    }
  }
}
