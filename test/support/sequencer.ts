// The order files start in: longest first, so the workers finish together rather than one
// running the last long file alone (longest-processing-time-first scheduling). Vitest's own
// sequencer orders by the durations it cached in node_modules/.vite, which `npm ci` deletes, so
// on CI it fell back to ordering by file size. The durations here were measured (seconds per file,
// collection included, on each database; scripts/file-durations-reporter.mjs writes them).
// A file not in the table yet gets UNKNOWN_SECONDS, ahead of the many short files.
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

const UNKNOWN_SECONDS = 10

type Table = Record<'pglite' | 'postgresql', Record<string, number>>
const table = JSON.parse(readFileSync(new URL('./file-durations.json', import.meta.url), 'utf8')) as Table

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const durations = table[process.env.RECT_TEST_DB === 'postgresql' ? 'postgresql' : 'pglite']
    const seconds = (spec: TestSpecification) => durations[relative(spec.project.config.root, spec.moduleId)] ?? UNKNOWN_SECONDS
    return [...files].sort((a, b) => seconds(b) - seconds(a) || a.moduleId.localeCompare(b.moduleId))
  }
}
