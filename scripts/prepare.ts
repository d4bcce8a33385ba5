// `npm ci` and `npm install` run this (the `prepare` script): it stores a pristine PGlite cluster
// so that a new sandbox database skips initdb (src/db/pglite-template.ts, Q-8). It never fails the
// install: without the file, PGlite runs initdb at start-up instead.
import { PGlite } from '@electric-sql/pglite'
import { templateFile, writeTemplate } from '../src/db/pglite-template.ts'

// `npm pack` runs `prepare` too; the cluster lives in node_modules, which no tarball carries.
if (process.env.npm_command === 'pack' || process.env.npm_command === 'publish') process.exit(0)

try {
  const started = performance.now()
  const pglite = await PGlite.create()
  const file = await writeTemplate(pglite)
  await pglite.close()
  console.log(`rect: stored a pristine PGlite cluster in ${file} (${Math.round(performance.now() - started)} ms)`)
} catch (error) {
  console.warn(`rect: could not store a PGlite cluster in ${templateFile()} (${(error as Error).message}); new databases will run initdb`)
}
process.exit(0)
