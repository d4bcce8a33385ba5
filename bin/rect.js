#!/usr/bin/env node
// The `rect` command. It runs one ESM bundle of src/ (esbuild; packages stay external), rebuilt
// whenever a source file is newer than it, so an edit is never served stale. Q-8: tsx's loader
// hooks cost about 1.5 s of every start; the bundle loads in about 0.5 s and builds in about 0.5 s
// (`npm ci` builds it: scripts/prepare.ts).
// Without esbuild (an install without its binary) it runs the TypeScript sources through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bundle = join(root, 'dist', 'rect.mjs')

/** The newest modification time of the bundle's inputs: src/, bin/ and package.json. */
function newestInput() {
  const own = ['bin/rect.js', 'bin/bundle.js', 'package.json'].map((file) => statSync(join(root, file)).mtimeMs)
  let newest = Math.max(...own)
  const walk = (dir) => {
    newest = Math.max(newest, statSync(dir).mtimeMs) // a file removed or renamed
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  walk(join(root, 'src'))
  return newest
}

function builtAt() {
  try {
    return statSync(bundle).mtimeMs
  } catch {
    return -1
  }
}

async function build() {
  const { bundle: build } = await import('./bundle.js')
  await build(join(root, 'src', 'main.ts'), bundle)
}

let entry = bundle
try {
  // An installed package ships the bundle built by `npm pack` (scripts/prepack.mjs) and no sources.
  if (existsSync(join(root, 'src', 'main.ts')) && builtAt() < newestInput()) await build()
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error
  entry = null
}
process.setSourceMapsEnabled(true)
if (entry !== null) {
  await import(pathToFileURL(entry).href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/main.ts')
}
