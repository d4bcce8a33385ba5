// S-14, S-21: one process per PGlite data directory. The lock file holds the owner's pid; a lock
// whose process no longer exists is stale and taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { unavailable } from './errors.ts'

export const LOCK_FILE = 'rect.lock'

export type DataDirLock = { path: string; release: () => void }

export function lockDataDir(dataDir: string): DataDirLock {
  try {
    mkdirSync(dataDir, { recursive: true })
  } catch (error) {
    throw unavailable(`cannot create data directory ${dataDir}: ${(error as Error).message}`)
  }
  const path = join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' })
      return { path, release: () => releaseIfOurs(path) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw unavailable(`cannot write the lock file ${path}: ${(error as Error).message}`)
      }
    }
    const owner = ownerOf(path)
    if (owner !== null && owner !== process.pid && isAlive(owner)) {
      throw unavailable(`data directory ${dataDir} is in use by another rect process (pid ${owner})`)
    }
    // Stale (dead owner, or unreadable): remove it and try again.
    rmSync(path, { force: true })
  }
  throw unavailable(`cannot take the lock file ${path}`)
}

function ownerOf(path: string): number | null {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function releaseIfOurs(path: string): void {
  if (ownerOf(path) === process.pid) rmSync(path, { force: true })
}
