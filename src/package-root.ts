// The package's own directory, found by walking up from this module to rect's package.json: the
// same answer from src/ (tsx, vitest) and from the one-file bundle in dist/ (bin/rect.js).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'rect') return dir
    if (dirname(dir) === dir) throw new Error(`rect's package.json not found above ${from}`)
  }
}

export const PACKAGE_ROOT: string = findRoot(dirname(fileURLToPath(import.meta.url)))
