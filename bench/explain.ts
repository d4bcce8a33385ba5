// the EXPLAIN (ANALYZE) of each benchmarked request's statements. The request runs once
// through an in-process app whose Kysely logs every statement; each SELECT it ran is explained
// with the same parameters, and a Seq Scan on a table of more than 10,000 rows is flagged.
import { Kysely, PostgresDialect } from 'kysely'
import type pg from 'pg'
import { buildApp, type App } from '../src/app.ts'
import { testConfig } from '../src/config.ts'
import { postgresPool } from '../src/db/connect.ts'
import type { Database } from '../src/db/schema.ts'

export type Explained = { sql: string; plan: string; ms: number; seqScans: string[] }

export type Explainer = { explain: (path: string, token: string) => Promise<Explained[]>; close: () => Promise<void> }

const BIG_TABLE_ROWS = 10_000

export async function explainer(url: string, pool: pg.Pool): Promise<Explainer> {
  const captured: { sql: string; parameters: readonly unknown[] }[] = []
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: postgresPool(url, 120_000) }),
    log: (event) => {
      if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters })
    },
  })
  const app: App = await buildApp({ db, config: testConfig({ rateLimitToken: 0, rateLimitIp: 0, logLevel: 'silent' }) })
  const { rows } = await pool.query<{ relname: string }>(
    `SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples > $1`, [BIG_TABLE_ROWS])
  const big = new Set(rows.map((r) => r.relname))

  return {
    async explain(path, token) {
      captured.length = 0
      const response = await app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${token}` } })
      if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}: ${response.body.slice(0, 200)}`)
      const out: Explained[] = []
      // The token lookups of the auth plugin are not the endpoint's query.
      for (const q of captured.filter((c) => /^\s*(select|with)/i.test(c.sql) && !/lead_provider_tokens|admin_tokens/.test(c.sql))) {
        const result = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, [...q.parameters])
        const plan = result.rows.map((r) => r['QUERY PLAN']).join('\n')
        const seqScans = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!).filter((t) => big.has(t))
        const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN)
        out.push({ sql: q.sql, plan, ms, seqScans: [...new Set(seqScans)] })
      }
      return out
    },
    close: async () => {
      await app.close()
      await db.destroy()
    },
  }
}
