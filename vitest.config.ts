import { defineConfig } from 'vitest/config'
import LongestFirst from './test/support/sequencer.ts'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Files share one module graph per worker: PGlite's WebAssembly and the app's modules load
    // once per worker rather than once per file (halved the suite's time). Each file still gets
    // its own database (test/support/db.ts), so no data is shared.
    isolate: false,
    maxWorkers: 2,
    // Longest files first from measured durations, so both workers finish together (sequencer.ts).
    sequence: { sequencer: LongestFirst },
  },
})
