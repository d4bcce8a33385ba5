// `npm run bench:startup` (Q-8, issue 21 part 5): the sandbox's start-up, timed from launching
// `npm start` to the first 200 on /healthcheck (polled every 50 ms). Five starts on an empty data
// directory, then five on the directory the last of them left; the median and spread of each,
// beside the machine's CPU loop. Exits 1 when a median misses its bar: 5 s new, 2 s existing.
//
// It times this checkout as `npm ci` leaves it (prepare's bundle and stored clusters, which it
// builds first with `npm run prepare` when they are missing or stale), or with `--clone` a fresh
// clone of HEAD after its own `npm ci`. `--runs <n>` changes the five; `--stages` starts with
// LOG_LEVEL=debug and prints each start's stages beside its time.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { systemClock } from '../src/clock.ts'
import { seededTemplateDir } from '../src/cli/seeded-template.ts'
import { cpuLoopSeconds, freePort } from './machine.ts'

const BARS = { new: 5000, existing: 2000 }
const POLL_MS = 50
const GIVE_UP_MS = 60_000

const args = process.argv.slice(2)
const runs = Number(args[args.indexOf('--runs') + 1]) || 5
const withStages = args.includes('--stages')
const here = fileURLToPath(new URL('..', import.meta.url))

function run(command: string, argv: string[], cwd: string): void {
  const result = spawnSync(command, argv, { cwd, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} exited ${result.status}`)
}

/** The checkout to time, with prepare's bundle and the seeded cluster for today in place. */
async function prepared(): Promise<{ root: string; cleanUp: () => void }> {
  if (args.includes('--clone')) {
    const parent = mkdtempSync(join(os.tmpdir(), 'rect-startup-'))
    const root = join(parent, 'rect')
    console.log(`cloning HEAD into ${root} and running npm ci there`)
    run('git', ['clone', '--quiet', here, root], parent)
    run('npm', ['ci', '--no-audit', '--no-fund'], root)
    return { root, cleanUp: () => rmSync(parent, { recursive: true, force: true }) }
  }
  // The bundle is rebuilt when a source is newer (bin/rect.js); the seeded cluster is named by it.
  run(process.execPath, ['bin/rect.js', '--version'], here)
  const bundle = join(here, 'dist', 'rect.mjs')
  if (!existsSync(bundle) || !existsSync(join(await seededTemplateDir(bundle, systemClock().today), 'PG_VERSION'))) {
    console.log('the seeded cluster for this code and today is missing: npm run prepare (as npm ci does)')
    run('npm', ['run', 'prepare'], here)
  }
  return { root: here, cleanUp: () => {} }
}

type Start = { ms: number; stages: string }

/** Launches `npm start` on `dataDir`, times it to the first 200 on /healthcheck, then stops it. */
async function timeStart(root: string, dataDir: string): Promise<Start> {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: withStages ? 'debug' : 'warn' }
  for (const name of ['PORT', 'HOST', 'RECT_MODE', 'DATABASE_URL', 'REDIS_URL']) delete env[name]
  const started = performance.now()
  const child = spawn('npm', ['start', '--', '--port', String(port), '--data-dir', dataDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let stderr = ''
  child.stdout.resume()
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()))
  let ms: number | null = null
  while (ms === null && performance.now() - started < GIVE_UP_MS && child.exitCode === null) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthcheck`)
      if (response.status === 200) ms = Math.round(performance.now() - started)
    } catch {
      // not listening yet
    }
    if (ms === null) await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
  if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM')
  await exited
  if (ms === null) throw new Error(`npm start did not answer /healthcheck 200 within ${GIVE_UP_MS} ms\n${stderr}`)
  return { ms, stages: /start-up stages \(ms\): (.*)/.exec(stderr)?.[1] ?? '' }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

function summary(name: string, starts: Start[], bar: number) {
  const times = starts.map((s) => s.ms)
  const result = { median_ms: median(times), min_ms: Math.min(...times), max_ms: Math.max(...times), bar_ms: bar, runs_ms: times }
  const verdict = result.median_ms <= bar ? 'ok' : 'MISSED'
  console.log(`${name.padEnd(24)} median ${result.median_ms} ms (${result.min_ms}–${result.max_ms}) · bar ${bar} ms · ${verdict}`)
  return result
}

async function main(): Promise<number> {
  const { root, cleanUp } = await prepared()
  const cpuLoopStart = cpuLoopSeconds()
  console.log(`rect bench:startup · ${os.cpus().length} cores · load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} · CPU loop ${cpuLoopStart} s`)
  const scratch = mkdtempSync(join(os.tmpdir(), 'rect-startup-data-'))
  const fresh: Start[] = []
  const existing: Start[] = []
  let dataDir = ''
  try {
    for (let i = 0; i < runs; i++) {
      dataDir = join(scratch, `new-${i}`)
      const start = await timeStart(root, dataDir)
      fresh.push(start)
      console.log(`  empty data directory     ${String(start.ms).padStart(5)} ms  ${start.stages}`)
      if (i < runs - 1) rmSync(dataDir, { recursive: true, force: true })
    }
    for (let i = 0; i < runs; i++) {
      const start = await timeStart(root, dataDir)
      existing.push(start)
      console.log(`  existing data directory  ${String(start.ms).padStart(5)} ms  ${start.stages}`)
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
    cleanUp()
  }
  const cpuLoopEnd = cpuLoopSeconds()
  const result = {
    at: new Date().toISOString(),
    machine: { cores: os.cpus().length, cpu_loop_s: { start: cpuLoopStart, end: cpuLoopEnd }, load_average_end: os.loadavg() },
    new: summary('empty data directory', fresh, BARS.new),
    existing: summary('existing data directory', existing, BARS.existing),
  }
  console.log(`CPU loop ${cpuLoopEnd} s at the end (${cpuLoopStart} s at the start) · load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  mkdirSync(join(here, 'bench', 'results'), { recursive: true })
  writeFileSync(join(here, 'bench', 'results', 'startup-latest.json'), `${JSON.stringify(result, null, 2)}\n`)
  return result.new.median_ms <= BARS.new && result.existing.median_ms <= BARS.existing ? 0 : 1
}

process.exitCode = await main()
