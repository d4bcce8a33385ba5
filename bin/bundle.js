// One ESM bundle of a TypeScript entry point (esbuild), for bin/rect.js and the bench server.
// Written aside and renamed: several processes may build at once.
import { mkdirSync, renameSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * packages stay external (they read their own files, or load native or wasm parts), except
 * these pure-ESM ones, which only rect imports: typebox and kysely are about 1,300 small files,
 * and Node's loader resolved and compiled each at every start (0.4 s of 0.9 s of CPU to load the
 * bundle, measured with `rect --version`).
 */
const INLINED = new Set(['typebox', 'kysely'])

const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')

const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path, kind }) =>
      kind === 'entry-point' || INLINED.has(packageOf(path)) ? undefined : { path, external: true },
    )
  },
}

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
    plugins: [externalPackages],
    // Stack traces name the sources' files and lines; the sources' text is not needed for that.
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
  })
  renameSync(partial, outfile)
}
