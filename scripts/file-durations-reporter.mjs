// A vitest reporter that writes each file's seconds (collection, i.e. its top-level setup, plus
// its tests) to $FILE_DURATIONS_OUT (default test-results/file-durations-<database>.json), the
// figures test/support/file-durations.json holds for test/support/sequencer.ts:
//   RECT_TEST_DB=pglite npx vitest run --reporter=default --reporter=./scripts/file-durations-reporter.mjs
import { mkdirSync, writeFileSync } from 'node:fs'
import { relative } from 'node:path'

export default class FileDurations {
  seconds = {}
  onInit(vitest) {
    this.root = vitest.config.root
  }
  onTestModuleEnd(module) {
    const d = module.diagnostic()
    const ms = d.prepareDuration + d.collectDuration + d.setupDuration + d.duration
    this.seconds[relative(this.root, module.moduleId)] = Math.round(ms / 100) / 10
  }
  onTestRunEnd() {
    const database = process.env.RECT_TEST_DB === 'postgresql' ? 'postgresql' : 'pglite'
    const out = process.env.FILE_DURATIONS_OUT ?? `test-results/file-durations-${database}.json`
    mkdirSync('test-results', { recursive: true })
    const sorted = Object.fromEntries(Object.entries(this.seconds).sort(([a], [b]) => a.localeCompare(b)))
    writeFileSync(out, JSON.stringify(sorted, null, 2) + '\n')
  }
}
