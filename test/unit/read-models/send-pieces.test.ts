// a page answered from the documents is written from its pieces as they are: a body of one
// short piece as that string, a body under ONE_WRITE as one buffer of the pieces' UTF-8 bytes (no
// joined string, a V8 large object for a page of 100), a larger one as a stream of its pieces
// with its length up front. Each way, the bytes on the wire are the pieces' in order.
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { sendPieces } from '../../../src/read-models/respond.ts'

async function served(pieces: string[]) {
  const app = Fastify()
  app.get('/', (_request, reply) => sendPieces(reply, pieces))
  try {
    return await app.inject({ method: 'GET', url: '/' })
  } finally {
    await app.close()
  }
}

describe('Q-7: a page written from its pieces', () => {
  const accented = JSON.stringify({ first_name: 'Zoë', last_name: 'Ødegård 😀' })
  const cases: [string, string[]][] = [
    ['one short piece', [`{"data":[${accented}]}`]],
    ['a page of several pieces, multi-byte characters among them', ['{"data":[', accented, ',', accented.repeat(2), ']}']],
    ['one piece over 64k characters', [`{"data":["${'é'.repeat(70_000)}"]}`]],
    ['pieces over 256k characters in all (a stream)', ['{"data":[', ...Array.from({ length: 6 }, (_, i) => `${i > 0 ? ',' : ''}"${'ø'.repeat(50_000)}"`), ']}']],
  ]
  for (const [name, pieces] of cases) {
    it(`${name}: the body is the pieces in order, its content-length their UTF-8 bytes`, async () => {
      const res = await served(pieces)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
      expect(res.body).toBe(pieces.join(''))
      expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(pieces.join('')))
    })
  }
})
