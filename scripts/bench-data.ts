// `npm run bench:data`: (re)creates the database rect_bench on the local PostgreSQL,
// migrates it and writes the national data set into it, then prints the counts and the time.
//   BENCH_DATABASE_URL  server to use (default postgres://postgres@127.0.0.1:5432/rect_bench)
//   --seed <n>          seed number (default 1)
//   --seeding-date <d>  T (default today in Europe/London)
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import pg from 'pg'
import { londonDate } from '../src/clock.ts'
import { kyselyOverPostgres } from '../src/db/connect.ts'
import { migrate } from '../src/db/migrate.ts'
import { seedNational } from '../src/sandbox/national/seed-national.ts'

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rect_bench'

export async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url)
  const name = target.pathname.slice(1)
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name '${name}'`)
  target.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: target.toString() })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seed: { type: 'string', default: '1' }, 'seeding-date': { type: 'string' } } })
  const seed = Number(values.seed)
  const seedingDate = values['seeding-date'] ?? londonDate(new Date())
  const started = performance.now()
  await recreateDatabase(BENCH_DATABASE_URL)
  const connection = kyselyOverPostgres(BENCH_DATABASE_URL, 600_000)
  try {
    await migrate(connection.db, new Date())
    const result = await seedNational(connection.db, { seed, seedingDate })
    // Outside the transaction: the visibility map, so the bench's index-only scans need no heap visit.
    const vacuumStarted = performance.now()
    await sql`VACUUM`.execute(connection.db)
    result.timings.vacuum = Math.round(performance.now() - vacuumStarted)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(`national data set: seed ${seed}, seeding date ${seedingDate}, ${seconds} s in all`)
    console.log('phases (ms):', JSON.stringify(result.timings))
    console.table(result.counts)
    for (const lp of result.lead_providers) console.log(`  ${lp.name.padEnd(32)} ${lp.token}`)
  } finally {
    await connection.close()
  }
}

await main()
