// S-19, S-4, S-15 in production mode, which needs PostgreSQL (S-3): these run when the suite
// runs on PostgreSQL (RECT_TEST_DB=postgresql).
import { describe, expect, it } from 'vitest'
import { inTransaction } from '../../src/db/transaction.ts'
import { seedDataSet } from '../../src/sandbox/seed.ts'
import { onPostgres, testDatabase } from '../support/db.ts'
import { rect, serve } from './rect.ts'

const ADMIN = 'p'.repeat(16) + 'Q1w2E3r4T5y6U7i8'

describe.skipIf(!onPostgres)('S-19 production mode on PostgreSQL', () => {
  it('S-19, S-4, Q-22: one JSON line without secrets; the database is then marked production and refused by the sandbox', async () => {
    const database = await testDatabase()
    try {
      const env = { DATABASE_URL: database.url!, RECT_MODE: 'production', RECT_ADMIN_TOKEN: ADMIN }
      const server = await serve(['--port', '0', '--host', '0.0.0.0'], env)
      const out = server.stdout()
      expect(await server.stop()).toBe(0)
      // W-27: production without an OIDC issuer also warns that web sign-in is off.
      const lines = out.trim().split('\n').filter((l) => !l.includes('web sign-in is off: set RECT_OIDC_ISSUER'))
      expect(lines).toHaveLength(1)
      const line = JSON.parse(lines[0]!)
      expect(line).toEqual({ level: 'info', msg: 'rect listening', mode: 'production', url: expect.stringMatching(/^http:\/\/0\.0\.0\.0:\d+$/), database: 'postgresql', migrations_applied: 0, admin_tokens: 1 })
      expect(out).not.toContain(ADMIN)
      expect(out).not.toContain('sbx_')

      const sandbox = await rect(['serve', '--port', '0'], { DATABASE_URL: database.url! })
      expect(sandbox).toEqual({ code: 2, stdout: '', stderr: 'this database is used in production mode; start with --mode production\n' })
    } finally {
      await database.close()
    }
  })

  it('S-4: production refuses a database that was ever seeded (exit 2)', async () => {
    const database = await testDatabase()
    try {
      await inTransaction(database.db, (tx) => seedDataSet(tx, { seed: 1, seedingDate: '2026-11-23' }))
      const run = await rect(['serve', '--port', '0'], { DATABASE_URL: database.url!, RECT_MODE: 'production' })
      expect(run).toEqual({
        code: 2,
        stdout: '',
        stderr: 'this database holds sandbox seed data and its published tokens; production needs a database that was never seeded\n',
      })
    } finally {
      await database.close()
    }
  })

  it('S-22: rect migrate on DATABASE_URL', async () => {
    const database = await testDatabase()
    try {
      expect(await rect(['migrate'], { DATABASE_URL: database.url! })).toEqual({ code: 0, stdout: 'database is up to date\n', stderr: '' })
    } finally {
      await database.close()
    }
  })

  it('S-12: an unreachable PostgreSQL exits 3', async () => {
    const run = await rect(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' })
    expect(run.code).toBe(3)
    expect(run.stderr).toMatch(/^cannot reach the database at 127\.0\.0\.1:1\/nowhere: /)
  })
})

describe.skipIf(onPostgres)('S-19 production mode on PGlite', () => {
  it('S-3: production is refused without PostgreSQL', async () => {
    expect((await rect(['serve', '--mode', 'production'])).code).toBe(2)
  })
})
