// `npm ci` and `npm install` run this (the `prepare` script). Q-8: so that the first `npm start`
// only opens a database, it builds what that start would otherwise build: the bundle bin/rect.js
// runs (dist/rect.mjs), a pristine PGlite cluster, from which a new database skips initdb
// (src/db/pglite-template.ts), and a cluster migrated and seeded for today, which a new sandbox
// data directory starts as (src/cli/seeded-template.ts). It never fails the install: whatever is
// missing is built at start-up instead, as before.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { bundle } from '../bin/bundle.js'
import { systemClock } from '../src/clock.ts'
import { storeSeededTemplate } from '../src/cli/seeded-template.ts'
import { templateFile, writeTemplate } from '../src/db/pglite-template.ts'

// `npm pack` runs `prepare` too; the clusters live in node_modules, which no tarball carries, and
// prepack builds the bundle.
if (process.env.npm_command === 'pack' || process.env.npm_command === 'publish') process.exit(0)

const root = fileURLToPath(new URL('..', import.meta.url))
const out = join(root, 'dist', 'rect.mjs')

async function step(what: string, fn: () => Promise<string>, otherwise: string): Promise<boolean> {
  const started = performance.now()
  try {
    const done = await fn()
    console.log(`rect: ${what} ${done} (${Math.round(performance.now() - started)} ms)`)
    return true
  } catch (error) {
    console.warn(`rect: could not ${what} (${(error as Error).message}); ${otherwise}`)
    return false
  }
}

const bundled = await step('bundle src/main.ts into', async () => {
  await bundle(join(root, 'src', 'main.ts'), out)
  return out
}, 'rect will build it at its first start')

await step('store a pristine PGlite cluster in', async () => {
  const pglite = await PGlite.create()
  const file = await writeTemplate(pglite)
  await pglite.close()
  return file
}, `${templateFile()} is missing: new databases will run initdb`)

if (bundled && existsSync(out)) {
  const today = systemClock().today
  await step(`store the sandbox seeded for ${today} in`, () => storeSeededTemplate(out, today), 'a new sandbox will be seeded at start-up')
}
process.exit(0)
