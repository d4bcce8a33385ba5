// Issue 18: `rect check` against rect itself over real HTTP (reads and write journeys), and
// against a test double that answers one wrong field, which it must catch.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { runCheck } from '../../src/check/run.ts'
import { v3Document } from '../../src/check/document.ts'
import { junit, progressLine, summary } from '../../src/check/report.ts'
import type { CheckResult } from '../../src/check/harness.ts'
import { inTransaction } from '../../src/db/transaction.ts'
import { seedDataSet } from '../../src/sandbox/seed.ts'
import { systemClock } from '../../src/clock.ts'
import { setupTestApp } from '../support/app.ts'
import { rect } from '../cli/rect.ts'

const t = await setupTestApp()
const seeded = await inTransaction(t.db, (tx) => seedDataSet(tx, { seed: 1, seedingDate: systemClock().today }))
const token = seeded.lead_providers[0]!.token
const baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' })
const document = await v3Document()

/** Forwards to rect, but GET /api/v3/partnerships answers the first partnership's cohort as a number. */
const double: Server = createServer((request, response) => {
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', async () => {
    const headers: Record<string, string> = {}
    for (const name of ['authorization', 'content-type', 'accept']) if (typeof request.headers[name] === 'string') headers[name] = request.headers[name]
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined
    const answer = await fetch(`${baseUrl}${request.url}`, { method: request.method!, headers, ...(body ? { body } : {}) })
    let text = await answer.text()
    if (request.method === 'GET' && /^\/api\/v3\/partnerships(\?|$)/.test(request.url!) && answer.status === 200) {
      const json = JSON.parse(text)
      if (json.data[0]) json.data[0].attributes.cohort = Number(json.data[0].attributes.cohort)
      text = JSON.stringify(json)
    }
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' })
    response.end(text)
  })
})
await new Promise<void>((resolve) => double.listen(0, '127.0.0.1', resolve))
const doubleUrl = `http://127.0.0.1:${(double.address() as AddressInfo).port}`
afterAll(() => new Promise<void>((resolve) => double.close(() => resolve())))

/** The year the double turned into a number, read back from the problem that names it. */
const seededCohortOf = (problem: string | undefined) => /\(got (\d{4})\)$/.exec(problem ?? '')?.[1] ?? 'none'

const failedOf = (results: CheckResult[]) => results.filter((r) => r.outcome === 'failed')

describe('issue 18: rect check', () => {
  it('C-8, C-25 … C-50, P-51 … P-53, T-14, D-47: every read check and write journey passes against rect', async () => {
    const lines: string[] = []
    const results = await runCheck({ baseUrl, token, adminToken: t.adminToken, document, onResult: (r) => lines.push(progressLine(r)) })
    expect(failedOf(results).map((r) => [r.name, r.problems])).toEqual([])
    const sections = new Set(results.map((r) => r.section))
    expect([...sections]).toEqual(['connection', 'authentication', 'lists', 'delivery partners', 'partnerships', 'schools', 'participants', 'transfers', 'declarations', 'statements', 'unfunded mentors', 'filters', 'errors', 'journeys'])
    expect(results.filter((r) => r.section === 'journeys' && r.outcome === 'passed')).toHaveLength(7)
    // One progress line per check, as each ends.
    expect(lines).toHaveLength(results.length)
    expect(lines.find((l) => l.includes('GET /partnerships walks'))).toMatch(/^✓ partnerships › GET \/partnerships walks every page to the empty one, each answer as documented — \d+ records, 3 pages of \d+, then an empty page \(\d+ ms\)\n$/)
    expect(summary(results)).toMatch(new RegExp(`^\\n${results.length} checks: ${results.length - results.filter((r) => r.outcome === 'skipped').length} passed, 0 failed, \\d+ skipped\\n$`))
  }, 300_000)

  it('a test double answering one wrong field (a cohort as a number) is caught, with the field named', async () => {
    const results = await runCheck({ baseUrl: doubleUrl, token, document })
    const walk = results.find((r) => r.name.startsWith('GET /partnerships walks'))!
    expect(walk.outcome).toBe('failed')
    const cohort = seededCohortOf(walk.problems[0])
    expect(walk.problems[0]).toBe(`GET /api/v3/partnerships → 200: /data/0/attributes/cohort must be string (got ${cohort})`)
    // The other lists are untouched and still pass.
    expect(results.find((r) => r.name.startsWith('GET /participants walks'))!.outcome).toBe('passed')
    const xml = junit(results, doubleUrl)
    expect(xml).toContain('<testcase classname="rect-check.partnerships" name="GET /partnerships walks every page to the empty one, each answer as documented"')
    expect(xml).toContain(`<failure message="GET /api/v3/partnerships → 200: /data/0/attributes/cohort must be string (got ${cohort})">`)
  }, 300_000)

  it('the command: exit 1 and JUnit XML on stdout when a check fails; exit 0 when all pass; 2 on bad usage', async () => {
    const broken = await rect(['check', '--base-url', doubleUrl, '--token', token, '--reporter', 'junit', '--max-pages', '5'])
    expect(broken.code).toBe(1)
    expect(broken.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="rect check http:\/\/127\.0\.0\.1:\d+" tests="\d+" failures="[1-9]\d*">/)
    expect(broken.stderr).toContain('✗ partnerships › GET /partnerships walks every page')
    expect(broken.stderr).toMatch(/\n {4}GET \/api\/v3\/partnerships → 200: \/data\/0\/attributes\/cohort must be string \(got 20\d\d\)\n/)
    const good = await rect(['check', '--base-url', baseUrl, '--token', token])
    expect([good.code, good.stderr]).toEqual([0, ''])
    expect(good.stdout).toMatch(/\n\d+ checks: \d+ passed, 0 failed, \d+ skipped\n$/)
    const usage = await rect(['check', '--base-url', 'localhost:3000', '--reporter', 'tap'])
    expect(usage).toMatchObject({
      code: 2,
      stderr:
        "--base-url must be an http:// or https:// URL (got 'localhost:3000')\n--token is required (or RECT_CHECK_TOKEN): a lead provider token of the deployment\n--reporter must be text or junit (got 'tap')\n",
    })
  }, 300_000)
})
