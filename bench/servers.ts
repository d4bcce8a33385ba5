// The servers the bench drives: each one bundle run as its own process (as `rect serve`
// runs bin/rect.js, not through tsx), over the bench database, with the rate limits off, and its
// resident set sampled from /proc every 200 ms, the peak kept per phase of the run.
import { spawn, type ChildProcess } from 'node:child_process'
import { rssMb } from './load.ts'
import { freePort } from './machine.ts'

/** The servers' MALLOC_ARENA_MAX (results.json's settings name it). */
export const MALLOC_ARENAS = process.env.MALLOC_ARENA_MAX ?? '2'

export type Server = {
  /** 'A' (the ref of --compare) or 'B' (the working tree); 'B' alone without --compare. */
  label: string
  base: string
  pid: number
  /** Peak RSS in MB by phase ('rows', 'mixed', 'rebuild'). */
  peaks: Record<string, number>
  /** The phase the samples are counted in; null between phases (the bench's own builds). */
  phase: string | null
  stop: () => Promise<void>
}

export type ServerOptions = {
  label: string
  bundle: string
  databaseUrl: string
  /** bench/server.ts's background warm-up: first run and period in ms (a ref's server may ignore them). */
  warmUp?: { firstMs: number; everyMs: number }
}

export async function startServer(o: ServerOptions): Promise<Server> {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [o.bundle], {
    env: {
      ...process.env,
      DATABASE_URL: o.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      RECT_MODE: 'sandbox',
      RECT_RATE_LIMIT_TOKEN: '0',
      RECT_RATE_LIMIT_IP: '0',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      // As README's production step 7 runs it: two glibc malloc arenas, not one per thread that
      // allocates (Q-7's peak RSS over the read rows 194 → 176 MB, rows' p50 unchanged: A/B in BENCHMARKS.md).
      MALLOC_ARENA_MAX: MALLOC_ARENAS,
      ...(o.warmUp ? { RECT_WARMUP_FIRST_MS: String(o.warmUp.firstMs), RECT_WARMUP_EVERY_MS: String(o.warmUp.everyMs) } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const server: Server = {
    label: o.label,
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    peaks: {},
    phase: null,
    async stop() {
      clearInterval(sampler)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
    },
  }
  const sampler = setInterval(() => {
    const phase = server.phase
    if (phase === null) return
    void rssMb(server.pid).then((mb) => {
      if (mb > 0) server.peaks[phase] = Math.max(server.peaks[phase] ?? 0, mb)
    })
  }, 200)
  try {
    await waitForHealth(server.base, exited)
  } catch (error) {
    await server.stop()
    throw error
  }
  return server
}

/** The highest RSS the server reached in any phase. */
export function peakOf(server: Server): number {
  return Math.max(0, ...Object.values(server.peaks))
}

async function waitForHealth(base: string, exited: Promise<void>): Promise<void> {
  let gone = false
  void exited.then(() => (gone = true))
  const until = Date.now() + 60_000
  while (Date.now() < until && !gone) {
    const ok = await fetch(`${base}/healthcheck`).then((r) => r.status === 200, () => false)
    if (ok) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(gone ? `the bench server at ${base} exited before answering /healthcheck` : 'the bench server did not answer /healthcheck within 60 s')
}
