// Listening and stopping (S-17 step 8, Q-14, S-21): buildApp stays free of side effects; this is
// the one place that binds a port and that turns SIGTERM/SIGINT into a graceful stop.
import type { IncomingMessage } from 'node:http'
import { setFlagsFromString } from 'node:v8'
import type { AddressInfo, Socket } from 'node:net'
import type { App } from './app.ts'
import { addDays, londonDate, londonInstant } from './clock.ts'
import { unavailable } from './cli/errors.ts'

export const SHUTDOWN_BUDGET_MS = 10_000

/**
 * Q-7: after each full collection the old generation may grow by half its live size before the
 * next, rather than by V8's own factor (up to 4). A serving process's live heap is about 30 MB;
 * over the bench's read rows the resident set peaked at 268 MB without it and 189 MB with it,
 * every row's p50 within ±5 %, for twice as many full collections of a few milliseconds, mostly
 * incremental (A/B in BENCHMARKS.md). Read by V8 at every collection, so it holds when set after
 * start-up (rect serve, bench/server.ts).
 */
export function limitHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=50')
}

/** Binds without Fastify's own "Server listening" log line (S-19: one start-up line only). */
export async function listen(app: App, host: string, port: number): Promise<AddressInfo> {
  await app.ready()
  const server = app.server
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      server.off('listening', done)
      if (error.code === 'EADDRINUSE') reject(unavailable(`port ${port} on ${host} is in use; choose another with --port`))
      else reject(unavailable(`cannot listen on ${host}:${port}: ${error.message}`))
    }
    const done = () => {
      server.off('error', failed)
      resolve()
    }
    server.once('error', failed)
    server.once('listening', done)
    server.listen({ host, port })
  })
  return server.address() as AddressInfo
}

/** connections queued before the signal are taken in until none has come for this long … */
const QUIET_MS = 250
/** … or this long after the signal at most; then the listener closes. */
const ACCEPT_AT_MOST_MS = 1500
/** A connection that has sent nothing yet is waited for this long before it may be closed idle. */
const FIRST_BYTES_MS = 500

/**
 * Resolves once SIGTERM or SIGINT has stopped the server (Q-14, S-21):
 * 1. `/healthcheck` answers 503 at once, and every answer closes its connection;
 * 2. the connections clients opened before the signal (still in the kernel's queue, or accepted
 *    and not yet read) are taken in, until none has come for QUIET_MS: closing the listener at
 *    once would reset them;
 * 3. the listener closes; every request received is answered normally; idle keep-alive
 *    connections are closed;
 * 4. then `release` (database, lock file). Connections still open near the budget are cut so the
 *    process always exits within it.
 */
export function stopOnSignal(app: App, release: () => Promise<void>): Promise<void> {
  const connections = new Map<Socket, { since: number; requests: number }>()
  let lastConnectionAt = 0
  app.server.on('connection', (socket: Socket) => {
    lastConnectionAt = Date.now()
    connections.set(socket, { since: lastConnectionAt, requests: 0 })
    socket.once('close', () => connections.delete(socket))
  })
  app.server.on('request', (request: IncomingMessage) => {
    const seen = connections.get(request.socket)
    if (seen) seen.requests++
  })
  return new Promise((resolve) => {
    let stopping = false
    const stop = async () => {
      if (stopping) return
      stopping = true
      const signalled = Date.now()
      app.lifecycle.draining = true
      const cut = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_BUDGET_MS - 2000)
      cut.unref()
      // Node's close() closes every connection without a request under way: a client's request
      // still on its way would be reset. So first the queue, and the first bytes of new connections.
      lastConnectionAt = Math.max(lastConnectionAt, signalled)
      while (Date.now() - signalled < ACCEPT_AT_MOST_MS) {
        const now = Date.now()
        const waiting = [...connections.values()].some((c) => c.requests === 0 && now - c.since < FIRST_BYTES_MS)
        if (now - lastConnectionAt >= QUIET_MS && !waiting) break
        await sleep(25)
      }
      // Connections that fall idle afterwards (a keep-alive answer sent before the signal) too.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 250)
      try {
        await app.close()
      } catch (error) {
        app.log.error({ err: error }, 'error while closing the server')
      }
      clearInterval(sweep)
      clearTimeout(cut)
      try {
        await release()
      } finally {
        process.off('SIGTERM', stop)
        process.off('SIGINT', stop)
        resolve()
      }
    }
    process.on('SIGTERM', stop)
    process.on('SIGINT', stop)
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Milliseconds from `now` to the next `time` (HH:MM:SS) in Europe/London. */
export function untilNextLondon(time: string, now: Date): number {
  const today = londonDate(now)
  let next = londonInstant(today, time)
  if (next.getTime() <= now.getTime()) next = londonInstant(addDays(today, 1), time)
  return next.getTime() - now.getTime()
}

/**
 * S-7: runs `task` daily at `time` Europe/London on the real clock, until the app closes. A
 * failure is logged and the next day's run still happens.
 */
export function runDailyAt(app: App, time: string, task: () => Promise<unknown>): void {
  let timer: NodeJS.Timeout | null = null
  const arm = () => {
    timer = setTimeout(async () => {
      try {
        await task()
      } catch (error) {
        app.log.error({ err: error }, 'daily task failed')
      }
      arm()
    }, untilNextLondon(time, new Date()))
    timer.unref()
  }
  arm()
  app.addHook('onClose', async () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
  })
}

/**
 * Runs `task` after `firstAfterMs`, then `everyMs` after each run ends, until the app closes. The
 * task gets a signal that aborts when the app starts closing, and the close waits for the run in
 * flight (which should stop at its next step); a failure is logged. The returned `wake` brings the
 * next run forward to `wakeAfterMs` from now (or right after the run in flight): many wakes in
 * that time make one run.
 */
export function runRepeatedly(
  app: App,
  { firstAfterMs, everyMs, wakeAfterMs = 0 }: { firstAfterMs: number; everyMs: number; wakeAfterMs?: number },
  task: (signal: AbortSignal) => Promise<unknown>,
  name: string,
): { wake: () => void } {
  const stopping = new AbortController()
  let timer: NodeJS.Timeout | null = null
  let due = Infinity
  let running: Promise<void> | null = null
  let again = false
  const run = async () => {
    try {
      await task(stopping.signal)
    } catch (error) {
      if (!stopping.signal.aborted) app.log.error({ err: error }, `${name} failed`)
    }
  }
  const schedule = (ms: number) => {
    if (timer !== null) clearTimeout(timer)
    due = Date.now() + ms
    timer = setTimeout(() => {
      timer = null
      due = Infinity
      running = run().then(() => {
        running = null
        if (stopping.signal.aborted) return
        schedule(again ? wakeAfterMs : everyMs)
        again = false
      })
    }, ms)
    timer.unref()
  }
  schedule(firstAfterMs)
  app.addHook('preClose', async () => {
    stopping.abort()
    if (timer !== null) clearTimeout(timer)
    await running
  })
  return {
    wake() {
      if (stopping.signal.aborted) return
      if (running !== null) again = true
      else if (due > Date.now() + wakeAfterMs) schedule(wakeAfterMs)
    },
  }
}
