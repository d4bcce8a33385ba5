// One ESM bundle of a TypeScript entry point (esbuild; packages stay external), for bin/rect.js
// and the bench server. Written aside and renamed: several processes may build at once.
import { mkdirSync, renameSync } from 'node:fs'
import { dirname } from 'node:path'

export async function bundle(entry, outfile) {
  const esbuild = await import('esbuild')
  mkdirSync(dirname(outfile), { recursive: true })
  const partial = `${outfile}.${process.pid}.tmp`
  await esbuild.build({
    entryPoints: [entry],
    outfile: partial,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  })
  renameSync(partial, outfile)
}
