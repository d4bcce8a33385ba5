import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PGlite } from '@electric-sql/pglite'
import { openPGlite, type StoredTemplate } from '../../../src/db/connect.ts'

// a new PGlite database starts from the pristine cluster `npm ci` stored (prepare), and
// falls back to initdb when that file is missing or unreadable, leaving the directory as it was.
const root = mkdtempSync(join(tmpdir(), 'rect-template-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const pristine = await (async () => {
  const fresh = await PGlite.create()
  const dump = await fresh.dumpDataDir('none')
  await fresh.close()
  return dump
})()

function stored(blob: Blob | undefined) {
  const calls = { read: 0, discard: 0 }
  const template: StoredTemplate = {
    read: () => (calls.read++, blob),
    discard: () => void calls.discard++,
  }
  return { template, calls }
}

async function usable(pglite: PGlite) {
  await pglite.exec('CREATE EXTENSION IF NOT EXISTS btree_gist; CREATE TABLE t (id int); INSERT INTO t VALUES (1)')
  const { rows } = await pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM t')
  await pglite.close()
  return rows
}

describe('PGlite template (Q-8)', () => {
  it('a new data directory is loaded from the stored cluster and works', async () => {
    const dir = join(root, 'new')
    rmSync(dir, { recursive: true, force: true })
    const { template, calls } = stored(pristine)
    const pglite = await openPGlite(dir, undefined, template)
    expect(calls).toEqual({ read: 1, discard: 0 })
    expect(await usable(pglite)).toEqual([{ n: 1 }])
    expect(readdirSync(dir)).toContain('PG_VERSION')
  })

  it('an existing data directory never reads the template', async () => {
    const { template, calls } = stored(pristine)
    const pglite = await openPGlite(join(root, 'new'), undefined, template)
    expect(calls.read).toBe(0)
    expect((await pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM t')).rows).toEqual([{ n: 1 }])
    await pglite.close()
  })

  it("S-20: an existing data directory opens with 16 MB of shared buffers, whatever initdb's postgresql.conf says", async () => {
    const dir = join(root, 'new')
    expect(readFileSync(join(dir, 'postgresql.conf'), 'utf8')).toMatch(/^shared_buffers = 128MB/m)
    const pglite = await openPGlite(dir, undefined, stored(pristine).template)
    expect((await pglite.query<{ size: string }>("SELECT current_setting('shared_buffers') AS size")).rows).toEqual([{ size: '16MB' }])
    await pglite.close()
  })

  it('an unreadable template is discarded and the directory is made by initdb instead; its own files stay', async () => {
    const dir = join(root, 'corrupt')
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'rect.lock'), '4242\n')
    const { template, calls } = stored(pristine.slice(0, 1 << 20)) // a truncated copy
    const pglite = await openPGlite(dir, undefined, template)
    expect(calls).toEqual({ read: 1, discard: 1 })
    expect(await usable(pglite)).toEqual([{ n: 1 }])
    expect(readdirSync(dir)).toContain('rect.lock')
  })

  it('in memory: loaded from the template; without one, initdb', async () => {
    for (const blob of [pristine, undefined]) {
      const { template, calls } = stored(blob)
      expect(await usable(await openPGlite(null, undefined, template))).toEqual([{ n: 1 }])
      expect(calls).toEqual({ read: 1, discard: 0 })
    }
  })
})
