// Q-4's mixed row: identical reads arriving together share one run, and a read never shares a
// run that started before it arrived (its snapshot could miss a write committed before the read).
import { describe, expect, it } from 'vitest'
import { coalescer } from '../../../src/read-models/coalesce.ts'

/** A run that ends when told, numbered in the order runs started. */
function runs() {
  const started: { n: number; end: (value: string) => void; fail: (e: Error) => void }[] = []
  const run = () => new Promise<string>((resolve, reject) => {
    started.push({ n: started.length + 1, end: resolve, fail: reject })
  })
  return { started, run }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('coalescer', () => {
  it('Q-4: a read with nothing running starts at once; reads arriving while it runs share the next run, not it', async () => {
    const c = coalescer<string>()
    const { started, run } = runs()
    const first = c('k', run)
    expect(started.length).toBe(1)
    const second = c('k', run)
    const third = c('k', run)
    await tick()
    expect(started.length).toBe(1)
    started[0]!.end('one')
    await tick()
    expect(started.length).toBe(2)
    // Arriving while the second run is under way: a third run, after it.
    const fourth = c('k', run)
    started[1]!.end('two')
    await tick()
    expect(started.length).toBe(3)
    started[2]!.end('three')
    expect(await Promise.all([first, second, third, fourth])).toEqual(['one', 'two', 'two', 'three'])
  })

  it('Q-4: other keys run apart; a failed run fails its own reads and the next run still starts', async () => {
    const c = coalescer<string>()
    const { started, run } = runs()
    const a = c('a', run)
    const b = c('b', run)
    expect(started.length).toBe(2)
    const a2 = c('a', run)
    started[0]!.fail(new Error('lost race'))
    await expect(a).rejects.toThrow('lost race')
    await tick()
    expect(started.length).toBe(3)
    started[2]!.end('a again')
    started[1]!.end('b')
    expect(await Promise.all([a2, b])).toEqual(['a again', 'b'])
    // Nothing running: the next read starts a run of its own at once.
    const a3 = c('a', run)
    expect(started.length).toBe(4)
    started[3]!.end('fresh')
    expect(await a3).toBe('fresh')
  })
})
