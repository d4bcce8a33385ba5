import { afterAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { onPostgres, testDatabase } from '../../support/db.ts'

// on PostgreSQL each parameterised SQL text becomes a named statement per connection
// (connect.ts). These pin what that must not change: answers, and recovery from a stale one.
const database = onPostgres ? await testDatabase() : null
afterAll(() => database?.close())

describe.skipIf(!onPostgres)('pg named statements (Q-4, Q-5)', () => {
  const db = database?.db as NonNullable<typeof database>['db'] // undefined when skipped

  it('the same text with new parameters answers each call, on every pooled connection', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, (_, n) => sql<{ n: number }>`SELECT ${n}::int * 2 AS n`.execute(db)))
    expect(answers.map((a) => a.rows[0]!.n)).toEqual(Array.from({ length: 30 }, (_, n) => n * 2))
    const named = await db.connection().execute(async (c) => {
      await sql`SELECT ${1}::int AS n`.execute(c)
      return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int AS n%'`.execute(c)).rows[0]!.n
    })
    expect(named).toBe(1)
  })

  it('a statement made stale by ALTER TABLE fails once with 0A000, then runs unnamed and shows the new column', async () => {
    await sql`CREATE TABLE named_s (id int)`.execute(db)
    await sql`INSERT INTO named_s VALUES (1)`.execute(db)
    const all = (c: typeof db) => sql`SELECT * FROM named_s WHERE id = ${1}`.execute(c)
    await db.connection().execute(async (c) => {
      expect((await all(c)).rows).toEqual([{ id: 1 }])
      await sql`ALTER TABLE named_s ADD COLUMN name text DEFAULT 'x'`.execute(c)
      await expect(all(c)).rejects.toMatchObject({ code: '0A000' })
      expect((await all(c)).rows).toEqual([{ id: 1, name: 'x' }])
    })
  })

  it('past 500 texts on a connection the others run unnamed and still answer', async () => {
    const answers = await db.connection().execute(async (c) => {
      const out = []
      for (let i = 0; i < 520; i++) out.push((await sql<{ n: number }>`SELECT ${i}::int + ${sql.lit(i)} AS n`.execute(c)).rows[0]!.n)
      return out
    })
    expect(answers.at(-1)).toBe(519 * 2)
    expect(answers.every((n, i) => n === i * 2)).toBe(true)
  })
})
