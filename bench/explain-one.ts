// `npx tsx bench/explain-one.ts <path>`: the EXPLAIN (ANALYZE, BUFFERS) of every statement one v3
// request runs on rect_bench, as the largest lead provider (for looking at one query at a time).
import pg from 'pg'
import { sandboxToken, slugOf } from '../src/sandbox/derive.ts'
import { explainer } from './explain.ts'

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rect_bench'
const pool = new pg.Pool({ connectionString: url, max: 2, options: '-c jit=off' })
const { rows } = await pool.query<{ name: string; seed: number }>(`
  SELECT lp.name, (SELECT seed_number::int FROM settings) AS seed FROM lead_providers lp JOIN partnerships p ON p.lead_provider_id = lp.id
  GROUP BY lp.name ORDER BY count(*) DESC LIMIT 1`)
const token = sandboxToken(rows[0]!.seed, slugOf(rows[0]!.name))
const ex = await explainer(url, pool)
try {
  for (const path of process.argv.slice(2)) {
    for (const st of await ex.explain(path, token)) {
      console.log(`=== ${path}\n${st.sql}\n${st.plan}${st.seqScans.length ? `\n!!! Seq Scan: ${st.seqScans.join(', ')}` : ''}\n`)
    }
  }
} finally {
  await ex.close()
  await pool.end()
}
