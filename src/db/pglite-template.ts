// a new PGlite database costs an initdb (2.5–4.5 s measured here), which PGlite runs in a
// second, in-memory instance and then copies into the new one. `npm ci` runs `prepare`, which
// stores that pristine cluster once per PGlite version (scripts/prepare.ts); a new database is
// then loaded from it (1.3–1.7 s), the same copy without the initdb. Without the file (an install
// with --ignore-scripts), or if it cannot be read, PGlite runs its initdb as before. A seeded
// cluster is kept beside it as a directory (cli/seeded-template.ts) and copied with copyCluster.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { PACKAGE_ROOT } from '../package-root.ts'

export function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite')
  return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version
}

/** Where stored clusters are kept: outside the repository's files. */
export function templateCache(): string {
  return join(PACKAGE_ROOT, 'node_modules', '.cache', 'rect')
}

/** Where the pristine cluster of this PGlite version is kept. */
export function templateFile(): string {
  return join(templateCache(), `pglite-${pgliteVersion()}-initdb.tar`)
}

/** The stored cluster, or undefined when there is none. */
export function readTemplate(): Blob | undefined {
  const file = templateFile()
  if (!existsSync(file)) return undefined
  try {
    return new Blob([readFileSync(file)])
  } catch {
    return undefined
  }
}

/** Forgets a cluster that failed to load, so the next start runs initdb instead of failing again. */
export function discardTemplate(): void {
  rmSync(templateFile(), { force: true })
}

/** Stores `pglite`'s data directory (a fresh, empty instance) as the template; atomic. */
export async function writeTemplate(pglite: PGlite): Promise<string> {
  const file = templateFile()
  mkdirSync(dirname(file), { recursive: true })
  const dump = await pglite.dumpDataDir('none')
  const partial = `${file}.${process.pid}.tmp`
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
  renameSync(partial, file)
  return file
}

/**
 * Copies the cluster in `template` into `dataDir`, which holds no database yet. Returns what it
 * added, for `removeEntries` if the copy cannot be opened; on a failed copy it has removed them.
 */
export function copyCluster(template: string, dataDir: string): string[] | null {
  const before = new Set(existsSync(dataDir) ? readdirSync(dataDir) : [])
  const added = readdirSync(template).filter((entry) => !before.has(entry))
  try {
    copyTree(template, dataDir)
    return added
  } catch {
    removeEntries(dataDir, added)
    return null
  }
}

export function removeEntries(dataDir: string, entries: string[]): void {
  for (const entry of entries) rmSync(join(dataDir, entry), { recursive: true, force: true })
}

function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true })
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) copyTree(join(from, entry.name), join(to, entry.name))
    else copyFileSync(join(from, entry.name), join(to, entry.name))
  }
}
