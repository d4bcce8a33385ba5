// Spawns the real `rect` command (bin/rect.js) for the CLI tests: one-shot runs, and servers that
// are read until their start-up output is complete.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, vi } from 'vitest'

// Spawned processes are slow on a busy machine: one start-up can take tens of seconds.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 })

/** Every child this file started; any still running when the file ends is killed. */
const children = new Set<ChildProcess>()
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

function track<T extends ChildProcess>(child: T): T {
  children.add(child)
  child.on('close', () => children.delete(child))
  return child
}

const BIN = fileURLToPath(new URL('../../bin/rect.js', import.meta.url))
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** The variables rect reads are removed, so only what a test passes counts. */
const READ_BY_RECT = ['PORT', 'HOST', 'RECT_MODE', 'DATABASE_URL', 'RECT_ADMIN_TOKEN', 'REDIS_URL', 'RECT_RATE_LIMIT_TOKEN', 'RECT_RATE_LIMIT_IP', 'LOG_LEVEL']

export function rectEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of READ_BY_RECT) delete env[name]
  // Request logs would share stdout with the start-up output.
  return { ...env, LOG_LEVEL: 'warn', ...extra }
}

export type Run = { code: number | null; stdout: string; stderr: string }

export function rect(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = track(spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: rectEnv(env), stdio: ['ignore', 'pipe', 'pipe'] }))
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

export type Server = {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  baseUrl: string
  /** Sends the signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>
  exited: Promise<number | null>
}

/**
 * Starts `rect serve …` and resolves when its start-up output is complete (the reset hint in
 * sandbox mode, the JSON line in production), or rejects with what it printed if it exits first.
 */
export function serve(args: string[], env: Record<string, string> = {}, timeoutMs = 170_000): Promise<Server> {
  const child = track(spawn(process.execPath, [BIN, 'serve', ...args], { cwd: ROOT, env: rectEnv(env), stdio: ['ignore', 'pipe', 'pipe'] }))
  let stdout = ''
  let stderr = ''
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`rect serve did not start in ${timeoutMs} ms\n${stdout}\n${stderr}`))
    }, timeoutMs)
    const ready = () => {
      const base = /Base URL\s+(\S+)/.exec(stdout)?.[1] ?? /"url":"([^"]+)"/.exec(stdout)?.[1]
      if (!/Reset data:.*\n/.test(stdout) && !/"msg":"rect listening".*\n/.test(stdout)) return
      clearTimeout(timer)
      resolve({
        child,
        stdout: () => stdout,
        stderr: () => stderr,
        baseUrl: base!.replace('0.0.0.0', '127.0.0.1'),
        exited,
        stop: (signal = 'SIGTERM') => {
          if (child.exitCode === null) child.kill(signal)
          return exited
        },
      })
    }
    child.stdout.on('data', (d) => {
      stdout += d
      ready()
    })
    child.stderr.on('data', (d) => (stderr += d))
    void exited.then((code) => {
      clearTimeout(timer)
      reject(Object.assign(new Error(`rect serve exited with ${code}\n${stdout}\n${stderr}`), { code, stdout, stderr }))
    })
  })
}

/** Runs `rect serve` expecting it to refuse to start. */
export async function serveFails(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return rect(['serve', ...args], env)
}
