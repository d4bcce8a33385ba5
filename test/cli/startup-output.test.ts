// S-18, S-19: the start-up texts as pure functions (the spawned tests cover the full output).
import { describe, expect, it } from 'vitest'
import { baseUrlOf, productionStartLine, sandboxStartText, type SandboxStart } from '../../src/cli/startup-output.ts'

const base: SandboxStart = {
  version: '1.0.0',
  database: 'PGlite ./.rect-data',
  isNew: false,
  seeding: null,
  noSeed: true,
  baseUrl: 'http://127.0.0.1:3000',
  admin: { token: 'A'.repeat(40), source: 'generated' },
  leadProviders: [],
  today: '2026-12-01',
}

describe('S-18 start-up output', () => {
  it('S-18: wildcard hosts show the loopback address', () => {
    expect(baseUrlOf('0.0.0.0', 3000)).toBe('http://127.0.0.1:3000')
    expect(baseUrlOf('::', 4000)).toBe('http://[::1]:4000')
    expect(baseUrlOf('::1', 4000)).toBe('http://[::1]:4000')
    expect(baseUrlOf('localhost', 5)).toBe('http://localhost:5')
  })

  it('S-18: with no lead providers the section says how to create one', () => {
    const text = sandboxStartText(base)
    expect(text.split('\n')[0]).toBe('rect 1.0.0 · sandbox mode · PGlite ./.rect-data (existing database, not seeded)')
    expect(text).toContain('\n  No lead providers yet: POST /api/admin/v1/lead-providers\n')
  })

  it('S-18: a lead provider without a live seeded token gets the hint with its id', () => {
    const text = sandboxStartText({
      ...base,
      seeding: { seed: 1, seeding_date: '2026-11-23' },
      leadProviders: [
        { id: 'a1', name: 'Ambition Institute', token: null },
        { id: 'b2', name: 'Teach First', token: 'sbx_teach-first_x' },
      ],
    })
    expect(text).toContain('    Ambition Institute   (no sandbox token: POST /api/admin/v1/lead-providers/a1/tokens)\n')
    expect(text).toContain('    Teach First          sbx_teach-first_x\n')
    expect(text).toContain('    curl -H "Authorization: Bearer sbx_teach-first_x" http://127.0.0.1:3000/api/v3/partnerships\n')
  })

  it('S-18, S-15: an admin token from RECT_ADMIN_TOKEN is labelled so', () => {
    const text = sandboxStartText({ ...base, admin: { token: 'Z'.repeat(32), source: 'environment' } })
    expect(text).toContain(`  Admin token (operator API /api/admin/v1 — from RECT_ADMIN_TOKEN)\n    ${'Z'.repeat(32)}\n`)
  })
})

describe('S-19 production line', () => {
  it('S-18, S-54, issue 18: the reset hint names the seed when it is not 1 (a plain reset returns to seed 1)', () => {
    const admin = { token: 'Z'.repeat(32), source: 'environment' } as const
    const hint = (seed: number) => sandboxStartText({ ...base, admin, seeding: { seed, seeding_date: '2026-11-23' } }).split('\n').find((l) => l.includes('Reset data'))
    expect(hint(1)).toBe(`  Reset data:  curl -X POST -H "Authorization: Bearer ${'Z'.repeat(32)}" http://127.0.0.1:3000/api/admin/v1/sandbox/reset`)
    expect(hint(2)).toBe(`  Reset data:  curl -X POST -H "Authorization: Bearer ${'Z'.repeat(32)}" -H "Content-Type: application/json" -d '{"seed":2}' http://127.0.0.1:3000/api/admin/v1/sandbox/reset`)
  })

  it('S-19: one JSON line', () => {
    expect(productionStartLine({ url: 'http://0.0.0.0:3000', migrationsApplied: 0, adminTokens: 2 })).toBe(
      '{"level":"info","msg":"rect listening","mode":"production","url":"http://0.0.0.0:3000","database":"postgresql","migrations_applied":0,"admin_tokens":2}\n',
    )
  })
})
