// What every bench shares about the machine: its speed beside the absolute times, and a free port.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'

/**
 * The machine's speed, beside the absolute times: the median of three runs of a fixed CPU loop (a
 * function counting to 3e8 in its own `node -e`), in seconds. 0.20 s on the machine of the
 * 2026-12-01 table in BENCHMARKS.md.
 */
export function cpuLoopSeconds(): number {
  const times: number[] = []
  for (let i = 0; i < 3; i++) {
    const started = performance.now()
    spawnSync(process.execPath, ['-e', 'let n = 0; for (let i = 0; i < 3e8; i++) n++'], { stdio: 'ignore' })
    times.push((performance.now() - started) / 1000)
  }
  return Math.round(times.sort((a, b) => a - b)[1]! * 100) / 100
}

/**
 * CPU time the hypervisor gave to others while this machine's cores wanted it (steal, the 8th
 * figure of /proc/stat's cpu line, in USER_HZ ticks of 1/100 s), in seconds summed over the
 * cores; null where the kernel does not report it. On a shared host a run's figures change with
 * it: one run's CPU loop went from 0.36 to 0.49 s while the host took 164 s of the machine's CPU
 * in half an hour.
 */
export function stolenSeconds(): number | null {
  try {
    const steal = Number(readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/)[8])
    return Number.isFinite(steal) ? steal / 100 : null
  } catch {
    return null
  }
}

/** A port nothing listens on, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}
