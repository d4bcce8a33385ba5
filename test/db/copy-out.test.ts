// large pages over PostgreSQL travel as COPY's undecoded bytes (src/db/copy-out.ts). The
// binary format is read whatever the chunks' boundaries, values are quoted where COPY takes no
// parameters, and a COPY's end, error, emptiness and slow reader each leave the pool as it was.
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { BinaryCopyParser, copyRows, inlineParameters, type CopyRow } from '../../src/db/copy-out.ts'
import { poolOf } from '../../src/db/connect.ts'
import { onPostgres, testDatabase } from '../support/db.ts'

const database = onPostgres ? await testDatabase() : null
const pool = database ? poolOf(database.db) : undefined
afterAll(() => database?.close())

/** A binary COPY stream of these rows, as PostgreSQL writes it. */
function binaryCopy(rows: (string | null)[][]): Buffer {
  const parts = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]
  for (const row of rows) {
    const count = Buffer.alloc(2)
    count.writeInt16BE(row.length)
    parts.push(count)
    for (const field of row) {
      const length = Buffer.alloc(4)
      const bytes = field === null ? Buffer.alloc(0) : Buffer.from(field, 'utf8')
      length.writeInt32BE(field === null ? -1 : bytes.length)
      parts.push(length, bytes)
    }
  }
  parts.push(Buffer.from([0xff, 0xff]))
  return Buffer.concat(parts)
}

describe('Q-7: the binary COPY format, read incrementally', () => {
  it('gives the same rows however the stream is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.option(fc.string({ unit: 'grapheme' })), { maxLength: 3 }), { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (rows, cuts) => {
          const stream = binaryCopy(rows)
          const at = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b)
          const seen: CopyRow[] = []
          const parser = new BinaryCopyParser((row) => seen.push(row))
          let from = 0
          for (const to of [...at, stream.length]) {
            parser.push(stream.subarray(from, to))
            from = to
          }
          expect(parser.done).toBe(true)
          expect(seen.map((row) => row.map((f) => (f === null ? null : f.toString('utf8'))))).toEqual(rows)
        },
      ),
    )
  })

  it('refuses a stream that is not binary COPY', () => {
    expect(() => new BinaryCopyParser(() => {}).push(Buffer.from('not a copy stream at all'))).toThrow('not a binary COPY stream')
  })
})

describe('Q-7: values written into the query for COPY', () => {
  const values = ["it's \\ here", 42, true, null, new Date('2026-12-06T10:00:00.000Z'), ['a"b', 'c\\d', null], 'x$1']

  it('quotes strings (quotes and backslashes too), arrays, dates and nulls; numbers and booleans stay bare; a value is never read again', () => {
    expect(inlineParameters('SELECT $1, $2, $3, $4, $5, $6, $7', values)).toBe(
      String.raw`SELECT  E'it''s \\ here', 42, true, NULL, '2026-12-06T10:00:00.000Z',  E'{"a\\"b","c\\\\d",NULL}', 'x$1'`,
    )
    expect(() => inlineParameters('SELECT $1, $10', ['one'])).toThrow('no value for $10')
  })

  it.skipIf(!onPostgres)('PostgreSQL reads the written values as it reads them as parameters', async () => {
    const query = 'SELECT $1::text AS a, $2::int AS b, $3::boolean AS c, $4::text AS d, $5::timestamptz AS e, $6::text[] AS f, $7::text AS g'
    const [inlined, bound] = await Promise.all([pool!.query(inlineParameters(query, values)), pool!.query(query, values)])
    expect(inlined.rows).toEqual(bound.rows)
    expect(inlined.rows[0].f).toEqual(['a"b', 'c\\d', null])
  })
})


async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

describe.skipIf(pool === undefined)('Q-7: copyRows over PostgreSQL', () => {
  it('streams every row\'s last field, with the first row\'s fields up front, and gives the client back', async () => {
    const answer = await copyRows(pool!, `SELECT 7::int8, 'é' || g FROM generate_series(1, 3) g ORDER BY g`)
    expect(answer!.first[0]!.readBigInt64BE()).toBe(7n)
    expect(await text(answer!.stream)).toBe('é1é2é3')
    expect((await pool!.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
  })

  it('no row: null; an error: rejected, and the pool still answers', async () => {
    expect(await copyRows(pool!, 'SELECT 1 WHERE false')).toBeNull()
    await expect(copyRows(pool!, 'SELECT 1 / 0')).rejects.toThrow('division by zero')
    expect((await pool!.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }])
  })

  it('a reader that stops early: the COPY runs out and the client goes back', async () => {
    const answer = await copyRows(pool!, `SELECT 1::int8, repeat('x', 100000) FROM generate_series(1, 200)`)
    answer!.stream.destroy()
    for (let i = 0; i < pool!.options.max! + 2; i++) expect((await pool!.query('SELECT 3 AS three')).rows).toEqual([{ three: 3 }])
  })
})
