// Q-8, S-20: a new sandbox data directory starts as the seeded cluster that `npm ci` stored
// (scripts/prepare.ts), and serves exactly what a database seeded at start-up serves.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../src/clock.ts'
import { openDatabase } from '../../src/cli/database.ts'
import { seededTemplateDir, storeSeededTemplate } from '../../src/cli/seeded-template.ts'
import { LEAD_PROVIDER_NAMES } from '../../src/sandbox/names.ts'
import { sandboxToken, slugOf } from '../../src/sandbox/derive.ts'
import { rect, ROOT, serve } from './rect.ts'

const root = mkdtempSync(join(tmpdir(), 'rect-seeded-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
const bundle = join(ROOT, 'dist', 'rect.mjs')
const today = systemClock().today

beforeAll(async () => {
  expect((await rect(['--version'])).code).toBe(0) // bin/rect.js rebuilds a stale bundle
  await storeSeededTemplate(bundle, today) // as `npm ci` does; nothing to do when it is there
}, 300_000)

describe('Q-8 the stored seeded cluster', () => {
  it('Q-8, S-20, S-18: a new data directory is copied from it, says new database seeded for today, and serves what a database seeded at start-up serves', async () => {
    const copied = await serve(['--data-dir', join(root, 'copied'), '--port', '0'], { LOG_LEVEL: 'debug' })
    const seededNow = await serve(['--memory', '--port', '0'])
    try {
      expect(copied.stderr()).toMatch(/start-up stages \(ms\): boot \d+, open \(seeded copy\) \d+, migrate \d+, sweep/)
      expect(copied.stdout().split('\n')[0]).toBe(`rect 1.0.0 · sandbox mode · PGlite ${join(root, 'copied')} (new database, seeded: seed 1, seeding date ${today})`)
      const token = sandboxToken(1, slugOf(LEAD_PROVIDER_NAMES[0]))
      const paths = ['/delivery-partners', '/partnerships', '/participants', '/participants/transfers', '/participant-declarations', '/statements', '/unfunded-mentors']
      for (const path of paths) {
        const [a, b] = await Promise.all(
          [copied, seededNow].map(async (server) => {
            const response = await fetch(`${server.baseUrl}/api/v3${path}?page[per_page]=3000`, { headers: { authorization: `Bearer ${token}` } })
            return { status: response.status, body: await response.text() }
          }),
        )
        expect(a!.status, path).toBe(200)
        expect(a, path).toEqual(b)
      }
    } finally {
      await Promise.all([copied.stop('SIGTERM'), seededNow.stop('SIGTERM')])
    }
  }, 300_000)

  it('Q-8: it is named by the bundle, the SQL files and the seeding date, so another day or another build seeds at start-up', async () => {
    const other = join(root, 'other.mjs')
    writeFileSync(other, '// another build\n')
    const names = new Set([await seededTemplateDir(bundle, today), await seededTemplateDir(bundle, '2027-01-01'), await seededTemplateDir(other, today)])
    expect(names.size).toBe(3)
  })

  it('Q-8: a stored cluster that cannot be opened is taken back, and the directory starts empty as without it; its own files stay', async () => {
    const broken = join(root, 'broken')
    mkdirSync(join(broken, 'base'), { recursive: true })
    writeFileSync(join(broken, 'PG_VERSION'), 'not a cluster\n')
    const dataDir = join(root, 'fallback')
    const database = await openDatabase({ kind: 'pglite', dataDir }, 10_000, broken)
    try {
      expect(readdirSync(dataDir)).toContain('rect.lock')
      expect(readFileSync(join(dataDir, 'PG_VERSION'), 'utf8')).toMatch(/^\d+\n$/)
      expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(database.db)).rows).toEqual([{ one: 1 }])
    } finally {
      await database.close()
    }
  }, 120_000)
})
