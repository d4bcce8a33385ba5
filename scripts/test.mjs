#!/usr/bin/env node
// `npm test`: the whole suite on PGlite, then again on PostgreSQL when DATABASE_URL is set.
// Each run writes vitest's JSON report to test-results/<database>.json; the last line printed is
// the plain summary `N passed, N failed` over every run (read by .ci/run).
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'

const extra = process.argv.slice(2)
const runs = ['pglite', ...(process.env.DATABASE_URL ? ['postgresql'] : [])]
// Files that would run the same on both passes run once, on PGlite, which keeps the two passes
// inside CI's time: the browser journeys (test/e2e), whose every read and write the in-process web
// tests (test/web) run on both databases; the tests of the sandbox's own embedded database
// (its data directory, its template cluster, its stored seeded cluster and its SQL dialect); and
// the CLI's configuration errors, which exit before any database is opened. None of these uses
// DATABASE_URL.
const onlyOnPGlite = [
  'test/e2e/**',
  'test/cli/data-dir.test.ts',
  'test/cli/seeded-template.test.ts',
  'test/cli/config-errors.test.ts',
  'test/cli/web-config.test.ts',
  'test/unit/db/pglite-*.test.ts',
].flatMap((glob) => ['--exclude', glob])
mkdirSync('test-results', { recursive: true })
let passed = 0
let failed = 0
let broken = false
for (const database of runs) {
  const report = `test-results/${database}.json`
  rmSync(report, { force: true })
  console.log(`\n— test suite on ${database} —`)
  const result = spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...(database === 'postgresql' ? onlyOnPGlite : []), ...extra],
    { stdio: 'inherit', env: { ...process.env, RECT_TEST_DB: database } },
  )
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'))
    passed += json.numPassedTests
    failed += json.numFailedTests
    // A file that fails to load has no failed test of its own: count it as one failure.
    failed += json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length
  } catch {
    broken = true
  }
  if (result.status !== 0) broken = true
}
if (broken && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || broken ? 1 : 0)
