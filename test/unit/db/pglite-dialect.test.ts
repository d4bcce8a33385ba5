import { afterAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { kyselyOverPGlite, openPGlite } from '../../../src/db/connect.ts'

// The PGlite dialect prepares each SQL text once and sends parameters as node-postgres does
// . These pin what that must not change: results, errors, and recovery after each.
const pglite = await openPGlite(null)
const { db, close } = kyselyOverPGlite(pglite)
afterAll(close)

const prepared = async () =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_statements`.execute(db)).rows[0]!.n

describe('PGlite dialect: prepared statements (Q-8)', () => {
  it('the same text with new parameters answers each call', async () => {
    const rows = []
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) rows.push((await sql<{ n: number }>`SELECT ${n}::int * 10 AS n`.execute(db)).rows[0]!.n)
    expect(rows).toEqual([10, 20, 30, 40, 50, 60, 70, 80])
  })

  it('parameters are sent as node-postgres sends them: dates, arrays, JSON, booleans, null, big integers', async () => {
    const at = new Date('2026-12-01T09:30:00.123Z')
    const { rows } = await sql<{ at: string; ids: number; doc: string; yes: boolean; none: boolean; big: string }>`
      SELECT to_char(${at}::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at,
             cardinality(${[1, 2, 3]}::int[]) AS ids,
             (${JSON.stringify({ a: [1, 'x'] })}::jsonb -> 'a' ->> 1) AS doc,
             ${true}::boolean AS yes, ${null}::text IS NULL AS none, (${9007199254740993n}::bigint)::text AS big
    `.execute(db)
    expect(rows).toEqual([{ at: '2026-12-01T09:30:00.123', ids: 3, doc: 'x', yes: true, none: true, big: '9007199254740993' }])
  })

  it('a text that fails as it is parsed is not kept, and the error is PostgreSQL’s', async () => {
    const before = await prepared()
    await expect(sql`SELECT nope FROM pg_class WHERE oid = ${1}`.execute(db)).rejects.toMatchObject({ code: '42703' })
    expect(await prepared()).toBe(before)
  })

  it('a statement whose parameter is refused stays usable with a good one', async () => {
    const half = (v: string) => sql<{ n: number }>`SELECT ${v}::int / 2 AS n`.execute(db)
    await expect(half('x')).rejects.toMatchObject({ code: '22P02' })
    expect((await half('8')).rows).toEqual([{ n: 4 }])
  })

  it('inside a failed transaction the error is 25P02; after ROLLBACK the same statements work', async () => {
    await sql`CREATE TABLE dialect_t (id int PRIMARY KEY)`.execute(db)
    const insert = (id: number) => sql`INSERT INTO dialect_t (id) VALUES (${id})`.execute(db)
    await expect(
      db.connection().execute(async (c) => {
        await sql`BEGIN`.execute(c)
        try {
          await sql`INSERT INTO dialect_t (id) VALUES (${1})`.execute(c)
          await expect(sql`INSERT INTO dialect_t (id) VALUES (${1})`.execute(c)).rejects.toMatchObject({ code: '23505' })
          await expect(sql`INSERT INTO dialect_t (id) VALUES (${2})`.execute(c)).rejects.toMatchObject({ code: '25P02' })
        } finally {
          await sql`ROLLBACK`.execute(c)
        }
      }),
    ).resolves.toBeUndefined()
    await insert(2)
    expect((await sql`SELECT id FROM dialect_t ORDER BY id`.execute(db)).rows).toEqual([{ id: 2 }])
  })

  it('a statement made stale by ALTER TABLE is prepared again and shows the new column', async () => {
    await sql`CREATE TABLE dialect_s (id int)`.execute(db)
    await sql`INSERT INTO dialect_s VALUES (1)`.execute(db)
    const all = () => sql`SELECT * FROM dialect_s WHERE id = ${1}`.execute(db)
    expect((await all()).rows).toEqual([{ id: 1 }])
    await sql`ALTER TABLE dialect_s ADD COLUMN name text DEFAULT 'x'`.execute(db)
    expect((await all()).rows).toEqual([{ id: 1, name: 'x' }])
  })

  it('past 1,000 texts the oldest are closed, and a closed text is prepared again', async () => {
    const first = (await sql<{ n: number }>`SELECT ${1}::int + 0 AS n`.execute(db)).rows[0]!.n
    for (let i = 1; i <= 1005; i++) await sql`SELECT ${i}::int + ${sql.raw(String(i))} AS n`.execute(db)
    expect(await prepared()).toBeLessThanOrEqual(1000)
    expect(first).toBe(1)
    expect((await sql<{ n: number }>`SELECT ${2}::int + 0 AS n`.execute(db)).rows).toEqual([{ n: 2 }])
  })

  it('two Kysely instances over one database share its statement names', async () => {
    const other = kyselyOverPGlite(pglite).db
    expect((await sql<{ n: number }>`SELECT ${3}::int AS n`.execute(other)).rows).toEqual([{ n: 3 }])
    expect((await sql<{ n: number }>`SELECT ${4}::int AS n`.execute(db)).rows).toEqual([{ n: 4 }])
  })

  it('a closed database fails with PGlite’s own message (mapped to 503 by db/faults.ts)', async () => {
    const closed = await openPGlite(null)
    const { db: over } = kyselyOverPGlite(closed)
    await closed.close()
    await expect(sql`SELECT ${1}::int`.execute(over)).rejects.toThrow('PGlite is closed')
  })
})
