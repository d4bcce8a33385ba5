// S-17, S-18, Q-14, Q-23: one sandbox server for the file (in-memory PGlite, or a throwaway
// PostgreSQL database), started through the real CLI on a free port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { onPostgres, testDatabase, type TestDatabase } from '../support/db.ts'
import { LEAD_PROVIDER_NAMES } from '../../src/sandbox/names.ts'
import { sandboxToken, slugOf } from '../../src/sandbox/derive.ts'
import { rect, serve, type Server } from './rect.ts'

let server: Server
let database: TestDatabase | null = null
let lines: string[]

beforeAll(async () => {
  if (onPostgres) database = await testDatabase()
  const env: Record<string, string> = database?.url ? { DATABASE_URL: database.url } : {}
  server = await serve(database?.url ? ['--port', '0'] : ['--memory', '--port', '0'], env)
  lines = server.stdout().split('\n')
}, 120_000)

afterAll(async () => {
  await server?.stop('SIGKILL')
  await database?.close()
})

const get = (path: string, token?: string) =>
  fetch(`${server.baseUrl}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {})

describe('S-18 start-up output in sandbox mode', () => {
  it('S-18: version, mode and database first, then the three URLs on the bound port', () => {
    const where = onPostgres ? 'PostgreSQL 127\\.0\\.0\\.1:5432/rect_test_\\w+' : 'PGlite in memory'
    expect(lines[0]).toMatch(new RegExp(`^rect 1\\.0\\.0 · sandbox mode · ${where} \\((new|existing) database, seeded: seed 1, seeding date \\d{4}-\\d{2}-\\d{2}\\)$`))
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.baseUrl).not.toMatch(/:0$/)
    expect(lines.slice(1, 6)).toEqual(['', `  Base URL    ${server.baseUrl}`, `  API docs    ${server.baseUrl}/api/docs`, `  Health      ${server.baseUrl}/healthcheck`, ''])
  })

  it('S-18, S-15: the generated admin token, 40 characters, opens the operator API', async () => {
    const at = lines.indexOf('  Admin token (operator API /api/admin/v1 — new at every start; set RECT_ADMIN_TOKEN to keep one)')
    expect(at).toBe(6)
    const token = lines[at + 1]!.trim()
    expect(token).toMatch(/^[A-Za-z0-9]{40}$/)
    expect((await get('/api/admin/v1/lead-providers', token)).status).toBe(200)
  })

  it('S-18, S-34: every lead provider in name order with its derived seed token, each answering 200', async () => {
    const at = lines.indexOf('  Lead provider tokens (lead provider API /api/v3 — the same at every start for seed 1)')
    expect(at).toBeGreaterThan(0)
    const rows = lines.slice(at + 1, at + 7)
    expect(rows).toEqual(LEAD_PROVIDER_NAMES.map((name) => `    ${name.padEnd(33)}${sandboxToken(1, slugOf(name))}`))
    for (const name of LEAD_PROVIDER_NAMES) {
      const response = await get('/api/v3/delivery-partners', sandboxToken(1, slugOf(name)))
      expect(response.status).toBe(200)
      expect(((await response.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0)
    }
    expect(lines[at + 7]).toBe('')
  })

  it('S-17 step 5, S-20: the full seed data set is in place once it listens', async () => {
    const token = sandboxToken(1, slugOf(LEAD_PROVIDER_NAMES[0]))
    for (const path of ['/api/v3/participants', '/api/v3/participants/transfers', '/api/v3/participant-declarations', '/api/v3/statements']) {
      const response = await get(path, token)
      expect(response.status).toBe(200)
      expect(((await response.json()) as { data: unknown[] }).data.length, path).toBeGreaterThan(0)
    }
  })

  it('S-18, Q-23: one curl of /api/v3/partnerships with the first token, no globbing characters, that works', async () => {
    const at = lines.indexOf('  Try it:')
    const curl = lines[at + 1]!
    const first = sandboxToken(1, 'ambition-institute')
    expect(curl).toBe(`    curl -H "Authorization: Bearer ${first}" ${server.baseUrl}/api/v3/partnerships`)
    expect(curl).not.toMatch(/[[\]{}]/)
    const [, header, url] = /curl -H "([^"]+)" (\S+)$/.exec(curl)!
    const [name, value] = header!.split(': ')
    expect((await fetch(url!, { headers: { [name!]: value! } })).status).toBe(200)
  })

  it('S-18: the time-travel and reset hints close the output', () => {
    const tail = lines.filter((l) => l !== '').slice(-2)
    expect(tail[0]).toMatch(/^ {2}Time travel: add -H "X-With-Server-Date: \d{4}-\d{2}-\d{2}" to any \/api\/v3 or \/api\/admin\/v1 request\.$/)
    const admin = lines[7]!.trim()
    expect(tail[1]).toBe(`  Reset data:  curl -X POST -H "Authorization: Bearer ${admin}" ${server.baseUrl}/api/admin/v1/sandbox/reset`)
  })

  it('S-17 step 8: /healthcheck answers 200 once the output is printed', async () => {
    const response = await get('/healthcheck')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' })
  })

  it('S-17 step 8: a second server on the same port exits 3 and names the port', async () => {
    const port = new URL(server.baseUrl).port
    const run = await rect(['serve', '--memory', '--port', port, '--no-seed'])
    expect(run.code).toBe(3)
    expect(run.stderr).toBe(`port ${port} on 127.0.0.1 is in use; choose another with --port\n`)
    expect(run.stdout).toBe('')
  }, 180_000)
})

describe('Q-14 graceful shutdown', () => {
  it('Q-14, S-12: SIGTERM finishes in-flight requests, stops, and exits 0 within 10 s', async () => {
    const inFlight = get('/healthcheck')
    await new Promise((resolve) => setTimeout(resolve, 20))
    const started = Date.now()
    const code = await server.stop('SIGTERM')
    expect(code).toBe(0)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect((await inFlight).status).toBe(200)
    await expect(get('/healthcheck')).rejects.toThrow()
  })
})
