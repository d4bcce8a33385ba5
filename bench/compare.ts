// `npm run bench -- --compare <ref>`: that commit checked out into a temporary worktree, its
// bench/server.ts bundled with its own bin/bundle.js, so the bench can drive it (A) beside the
// working tree's (B) over the same database and give an optimisation's effect as a ratio from one
// run. The worktree reuses this checkout's node_modules when the package-lock.json is the same.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'

export type Ref = { ref: string; commit: string; bundle: string; remove: () => void }

const ROOT = new URL('..', import.meta.url).pathname

const git = (args: string[], cwd = ROOT) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()

/** Checks `ref` out and bundles its server; throws (leaving nothing behind) when it has no bench/server.ts. */
export async function prepareRef(ref: string): Promise<Ref> {
  const commit = git(['rev-parse', '--verify', `${ref}^{commit}`])
  const dir = mkdtempSync(join(os.tmpdir(), 'rect-bench-ref-'))
  const remove = () => {
    try {
      git(['worktree', 'remove', '--force', dir])
    } catch {
      rmSync(dir, { recursive: true, force: true })
      git(['worktree', 'prune'])
    }
  }
  try {
    git(['worktree', 'add', '--detach', dir, commit])
    if (!existsSync(join(dir, 'bench/server.ts'))) throw new Error(`${ref} (${commit.slice(0, 7)}) has no bench/server.ts: nothing to compare with`)
    const sameLock = readFileSync(join(dir, 'package-lock.json'), 'utf8') === readFileSync(join(ROOT, 'package-lock.json'), 'utf8')
    if (sameLock) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
    else {
      console.log(`${ref}'s package-lock.json differs: npm ci in ${dir}`)
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] })
    }
    const bundle = join(dir, 'dist/bench-server.mjs')
    // Its own bin/bundle.js (this checkout's when it has none), run by its node_modules' esbuild.
    const bundler = existsSync(join(dir, 'bin/bundle.js')) ? join(dir, 'bin/bundle.js') : join(ROOT, 'bin/bundle.js')
    const { bundle: bundleOf } = (await import(bundler)) as { bundle: (entry: string, out: string) => Promise<void> }
    await bundleOf(join(dir, 'bench/server.ts'), bundle)
    return { ref, commit, bundle, remove }
  } catch (error) {
    remove()
    throw error
  }
}
