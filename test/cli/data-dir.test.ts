// S-14, S-21, S-22, S-24, S-25, S-4 on a PGlite data directory of this file's own.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { kyselyOverPGlite, openPGlite } from '../../src/db/connect.ts'
import { definitionFiles, migrationFiles, sha256Of } from '../../src/db/migrate.ts'
import { sandboxToken } from '../../src/sandbox/derive.ts'
import { rect, ROOT, serve } from './rect.ts'

const root = mkdtempSync(join(tmpdir(), 'rect-cli-'))
const dir = join(root, 'data')
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('S-22 rect migrate', () => {
  it('S-22, Q-16: applies every migration once, then says the database is up to date', async () => {
    const names = (await migrationFiles()).map((f) => f.replace(/\.sql$/, ''))
    const definitions = (await definitionFiles()).map((f) => f.replace(/\.sql$/, ''))
    const first = await rect(['migrate', '--data-dir', dir])
    expect(first.code).toBe(0)
    expect(first.stdout).toBe(
      `applied ${names.length} migrations (${names[0]} … ${names.at(-1)})\n` +
        `applied ${definitions.length} definitions (${definitions[0]} … ${definitions.at(-1)})\n`,
    )
    const second = await rect(['migrate', '--data-dir', dir])
    expect(second).toEqual({ code: 0, stdout: 'database is up to date\n', stderr: '' })
    expect(existsSync(join(dir, 'rect.lock'))).toBe(false)
  })

  it('Q-16, S-12: an applied migration whose file has changed is refused with exit 3, naming the file and both hashes; serve refuses too', async () => {
    const changed = join(root, 'changed')
    expect((await rect(['migrate', '--data-dir', changed])).code).toBe(0)
    // As if 0003's file had been edited after it was applied: the hash the database holds differs.
    const [file] = (await migrationFiles()).filter((f) => f.startsWith('0003_'))
    const now = sha256Of(await readFile(join(ROOT, 'src', 'db', 'migrations', file!), 'utf8'))
    const applied = 'a'.repeat(64)
    const pglite = await openPGlite(changed)
    await kyselyOverPGlite(pglite).db.updateTable('schema_migrations').set({ sha256: applied }).where('name', '=', file!.replace(/\.sql$/, '')).execute()
    await pglite.close()
    const message = `migration ${file} has changed since it was applied: the database recorded SHA-256 ${applied}, the file now has ${now}; an applied migration is never edited (a fix is a new migration)\n`
    expect(await rect(['migrate', '--data-dir', changed])).toEqual({ code: 3, stdout: '', stderr: message })
    expect(await rect(['serve', '--data-dir', changed, '--port', '0'])).toEqual({ code: 3, stdout: '', stderr: message })
    expect(existsSync(join(changed, 'rect.lock'))).toBe(false)
  })
})

describe('S-14 one process per data directory', () => {
  it('S-14, S-17, S-21: a running server holds the lock; others exit 3; a graceful stop removes it', async () => {
    const server = await serve(['--data-dir', dir, '--port', '0'])
    try {
      // Migrated by `rect migrate` above but holding no domain data: seeded now.
      expect(server.stdout().split('\n')[0]).toMatch(new RegExp(`^rect 1\\.0\\.0 · sandbox mode · PGlite ${dir} \\(existing database, seeded: seed 1, seeding date \\d{4}-\\d{2}-\\d{2}\\)$`))
      const pid = server.child.pid
      const message = `data directory ${dir} is in use by another rect process (pid ${pid})\n`
      const [second, token] = await Promise.all([
        rect(['serve', '--data-dir', dir, '--port', '0']),
        rect(['token', 'create', '--lead-provider', 'Teach First', '--data-dir', dir]),
      ])
      expect(second).toEqual({ code: 3, stdout: '', stderr: message })
      expect(token).toEqual({ code: 3, stdout: '', stderr: message })
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0)
    }
    expect(existsSync(join(dir, 'rect.lock'))).toBe(false)
  })

  it('S-21: a stale lock of a process that no longer exists is taken over', async () => {
    writeFileSync(join(dir, 'rect.lock'), '999999999\n')
    const run = await rect(['migrate', '--data-dir', dir])
    expect(run).toEqual({ code: 0, stdout: 'database is up to date\n', stderr: '' })
    expect(readdirSync(dir)).not.toContain('rect.lock')
  })
})

describe('S-24 rect token create', () => {
  it('S-24: the plaintext alone on stdout, the message on stderr; the name matches ignoring case and spaces', async () => {
    const run = await rect(['token', 'create', '--lead-provider', '  teach FIRST ', '--description', 'CI', '--data-dir', dir])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^[A-Za-z0-9]{40}\n$/)
    expect(run.stderr).toMatch(/^token created for Teach First \(id [0-9a-f-]{36}\)\n$/)
    const id = /id ([0-9a-f-]{36})/.exec(run.stderr)![1]!

    const pglite = await openPGlite(dir)
    const { db, close } = kyselyOverPGlite(pglite)
    try {
      const row = await db.selectFrom('lead_provider_tokens').innerJoin('lead_providers as lp', 'lp.id', 'lead_provider_id').select(['lp.name', 'description', 'seeded']).where('lead_provider_tokens.id', '=', id).executeTakeFirstOrThrow()
      expect(row).toEqual({ name: 'Teach First', description: 'CI', seeded: false })
      const byId = await db.selectFrom('lead_providers').select('id').where('name', '=', 'Ambition Institute').executeTakeFirstOrThrow()
      await close()
      const again = await rect(['token', 'create', '--lead-provider', byId.id, '--data-dir', dir])
      expect(again.code).toBe(0)
      expect(again.stderr).toBe(`token created for Ambition Institute (id ${/id ([0-9a-f-]{36})/.exec(again.stderr)![1]})\n`)
    } finally {
      await close().catch(() => {})
    }
  })

  it('S-24: an unknown name exits 2 with the known names', async () => {
    const run = await rect(['token', 'create', '--lead-provider', 'Teach Frist', '--data-dir', dir])
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "no lead provider named 'Teach Frist'; known: Ambition Institute, Best Practice Network, Education Development Trust, National Institute of Teaching, Teach First, UCL Institute of Education\n",
    })
  })

  it('S-25: rect admin-token prints a new token once on stdout', async () => {
    const run = await rect(['admin-token', '--description', 'ops', '--data-dir', dir])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^[A-Za-z0-9]{40}\n$/)
    expect(run.stderr).toMatch(/^admin token created \(id [0-9a-f-]{36}\)\n$/)
  })
})

describe('S-17, S-15, S-4 restarting on the same data directory', () => {
  it('S-17 step 5, S-15, S-25: an existing database is not reseeded; the same seed tokens; CLI admin tokens survive', async () => {
    const admin = (await rect(['admin-token', '--data-dir', dir])).stdout.trim()
    const fixed = 'f'.repeat(20) + 'A1b2C3d4E5f6G7h8'
    const server = await serve(['--data-dir', dir, '--port', '0'], { RECT_ADMIN_TOKEN: fixed })
    try {
      const lines = server.stdout().split('\n')
      expect(lines[0]).toMatch(/\(existing database, seeded: seed 1, seeding date \d{4}-\d{2}-\d{2}\)$/)
      expect(lines.slice(6, 8)).toEqual(['  Admin token (operator API /api/admin/v1 — from RECT_ADMIN_TOKEN)', `    ${fixed}`])
      expect(server.stdout()).toContain(`    Teach First                      ${sandboxToken(1, 'teach-first')}\n`)
      for (const token of [fixed, admin]) {
        const response = await fetch(`${server.baseUrl}/api/admin/v1/lead-providers`, { headers: { authorization: `Bearer ${token}` } })
        expect(response.status).toBe(200)
        expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(6)
      }
    } finally {
      expect(await server.stop('SIGINT')).toBe(0)
    }
  })

  it('S-4: sandbox mode refuses a database marked production (exit 2)', async () => {
    const { db, close } = kyselyOverPGlite(await openPGlite(dir))
    await db.updateTable('settings').set({ mode: 'production' }).execute()
    await close()
    const run = await rect(['serve', '--data-dir', dir, '--port', '0'])
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'this database is used in production mode; start with --mode production\n' })
    expect(existsSync(join(dir, 'rect.lock'))).toBe(false)
  })
})
