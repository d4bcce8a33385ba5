// S-23 `rect seed`: replaces all data (admin tokens kept), adds scenarios, refuses production.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { leadProviderPlans } from '../../src/sandbox/reference.ts'
import { SCENARIO_NAMES } from '../../src/sandbox/scenarios/catalogue.ts'
import { NOT_SEEDED } from '../../src/sandbox/scenarios/run-scenario.ts'
import { SCENARIO_SUMMARIES } from '../../src/sandbox/scenarios/summaries.ts'
import { onPostgres, testDatabase, type TestDatabase } from '../support/db.ts'
import { rect } from './rect.ts'

const root = mkdtempSync(join(tmpdir(), 'rect-seed-'))
const database: TestDatabase | null = onPostgres ? await testDatabase() : null
afterAll(async () => {
  rmSync(root, { recursive: true, force: true })
  await database?.close()
})
const where = database?.url ? [] : ['--data-dir', join(root, 'data')]
const env: Record<string, string> = database?.url ? { DATABASE_URL: database.url } : {}

describe('S-23 rect seed', () => {
  it('S-26: the help says it replaces all data and lists every flag', async () => {
    const help = await rect(['seed', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('DELETES ALL EXISTING DATA')
    for (const flag of ['--seed <n>', '--scale <scale>', '--scenario <name>', '--lead-provider <name>', '--data-dir <path>']) expect(help.stdout).toContain(flag)
  })

  it('S-23: --scenario with --seed or --scale, and bad values, are usage errors', async () => {
    expect(await rect(['seed', '--scenario', 'eoi-school', '--seed', '2'])).toMatchObject({ code: 2, stderr: '--scenario cannot be combined with --seed or --scale\n' })
    expect(await rect(['seed', '--seed', 'x', '--scale', 'huge'])).toMatchObject({
      code: 2,
      stderr: "--seed must be a whole number from 0 to 2147483647 (got 'x')\n--scale must be small or national (got 'huge')\n",
    })
  })

  it('S-23, S-4: refused in production mode', async () => {
    const run = await rect(['seed'], { RECT_MODE: 'production', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' })
    expect(run).toMatchObject({ code: 2, stderr: "rect seed works in sandbox mode only (RECT_MODE is 'production')\n" })
  })

  it('S-26, S-52, issue 18: the help lists every scenario, in table order, with one line on what it sets up', async () => {
    expect(Object.keys(SCENARIO_SUMMARIES)).toEqual(SCENARIO_NAMES)
    const help = (await rect(['seed', '--help'])).stdout
    const listed = help.split('\n').filter((line) => /^ {2}[a-z-]+ {2,}\S/.test(line) && !line.trimStart().startsWith('-'))
    expect(listed.map((line) => line.trim().split(/ {2,}/))).toEqual(SCENARIO_NAMES.map((name) => [name, SCENARIO_SUMMARIES[name]]))
    expect(help).toContain('  transfer-unknown-destination           an ECT leaving LP\'s school with no new school yet (unknown destination)\n')
  })

  it('S-23, S-51, issue 18: a scenario on a database that was never seeded says to seed first', async () => {
    const run = await rect(['seed', '--scenario', 'eoi-school', ...where], env)
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: `${NOT_SEEDED}\n` })
    expect(NOT_SEEDED).toBe('The database holds no data yet: load the seed data set first (POST /api/admin/v1/sandbox/seed, or rect seed), then add the scenario.')
  })

  it('S-23: replaces all data with the seed data set, prints counts and tokens; then adds a scenario', async () => {
    const seeded = await rect(['seed', ...where], env)
    expect(seeded.stderr).toBe('')
    expect(seeded.code).toBe(0)
    expect(seeded.stdout).toMatch(/^seeded: seed 1, seeding date \d{4}-\d{2}-\d{2}, scale small/)
    expect(seeded.stdout).toMatch(/ teachers +222\n/)
    for (const lp of leadProviderPlans(1)) expect(seeded.stdout).toContain(lp.token)

    const again = await rect(['seed', '--seed', '2', ...where], env)
    expect(again.code).toBe(0)
    expect(again.stdout).toContain(leadProviderPlans(2)[0]!.token)
    expect(again.stdout).toMatch(/ teachers +222\n/)

    const scenario = await rect(['seed', '--scenario', 'eoi-school', '--lead-provider', ' teach first ', ...where], env)
    expect(scenario.code).toBe(0)
    const report = JSON.parse(scenario.stdout).data
    expect(report).toMatchObject({ scenario: 'eoi-school', lead_provider_id: leadProviderPlans(2)[4]!.id, schools: [{ urn: '149001' }] })
  }, 600_000)
})
