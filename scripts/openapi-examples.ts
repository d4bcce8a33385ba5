// `npm run openapi:examples`: seeds an in-memory sandbox with seed 1, sends the example cases
// (src/api/openapi/example-cases.ts) and writes their answers to src/api/openapi/examples.json,
// which the v3 document shows. test/contract/examples.test.ts fails when the file is stale.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { exampleSandbox } from '../src/api/openapi/example-sandbox.ts'
import { captureExamples } from '../src/api/openapi/capture-examples.ts'

const sandbox = await exampleSandbox()
try {
  const examples = await captureExamples(sandbox.app)
  const file = fileURLToPath(new URL('../src/api/openapi/examples.json', import.meta.url))
  writeFileSync(file, `${JSON.stringify(examples, null, 2)}\n`)
  console.log(`wrote ${file}: ${Object.keys(examples).length} operations`)
} finally {
  await sandbox.close()
}
