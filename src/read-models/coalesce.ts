// Identical reads that arrive together share one run (Q-4's mixed row: lead providers polling
// the same page while writes keep a few documents stale, each poll deriving the same few). A read
// never joins a run already under way, whose snapshot may be older than the request: it joins the
// next run of its key, which starts when the running one ends, after every read that joined it
// arrived. So each answer still holds every write committed before its request came.

export type Coalescer<T> = (key: string, run: () => Promise<T>) => Promise<T>

export function coalescer<T>(): Coalescer<T> {
  const running = new Map<string, Promise<T>>()
  const next = new Map<string, Promise<T>>()
  const start = (key: string, run: () => Promise<T>): Promise<T> => {
    next.delete(key)
    const p: Promise<T> = run().finally(() => {
      if (running.get(key) === p) running.delete(key)
    })
    running.set(key, p)
    return p
  }
  return (key, run) => {
    const waiting = next.get(key)
    if (waiting !== undefined) return waiting
    const current = running.get(key)
    if (current === undefined) return start(key, run)
    const after = () => start(key, run)
    const p = current.then(after, after)
    next.set(key, p)
    return p
  }
}

/**
 * Identical runs share the one under way, whenever it began: for callers that know its answer
 * holds every write committed before they came (page-copies.ts: requests that met the same scope
 * state).
 */
export function sharing<T>(): Coalescer<T> {
  const running = new Map<string, Promise<T>>()
  return (key, run) => {
    const current = running.get(key)
    if (current !== undefined) return current
    const p: Promise<T> = run().finally(() => {
      if (running.get(key) === p) running.delete(key)
    })
    running.set(key, p)
    return p
  }
}
