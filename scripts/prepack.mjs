#!/usr/bin/env node
// `npm pack` and `npm publish` run this (the `prepack` script): the package ships the one-file
// bundle of src/ (dist/rect.mjs), built now from the sources being packed, and no TypeScript; the
// installed `rect` runs the bundle as it is (bin/rect.js), so it needs neither esbuild nor tsx.
// The bundle is written aside and renamed (bin/bundle.js): a `rect` running meanwhile never reads half a file.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundle } from '../bin/bundle.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = join(root, 'dist', 'rect.mjs')
await bundle(join(root, 'src', 'main.ts'), out)
console.log(`rect: bundled src/main.ts into ${out}`)
