// Q-4 … Q-6: the documents' warm-up runs first after a moment, then on a period, and sooner when a
// read finds documents stale and wakes it (src/read-models/warm-up.ts); it stops with the server.
import { describe, expect, it, vi } from 'vitest'
import Fastify from 'fastify'
import { runRepeatedly } from '../../src/server.ts'

describe('runRepeatedly: the warm-up\'s timer', () => {
  it('Q-4: a wake brings the next run forward; wakes within the delay make one run; a wake during a run makes one more after it', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T10:00:00Z') })
    try {
      const app = Fastify()
      let finish: (() => void) | null = null
      const task = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
      const { wake } = runRepeatedly(app, { firstAfterMs: 1000, everyMs: 60_000, wakeAfterMs: 200 }, task, 'test')
      await app.ready()
      await vi.advanceTimersByTimeAsync(1000)
      expect(task).toHaveBeenCalledTimes(1)
      finish!()
      await vi.advanceTimersByTimeAsync(1000)
      expect(task).toHaveBeenCalledTimes(1)

      wake()
      wake()
      await vi.advanceTimersByTimeAsync(150)
      wake()
      await vi.advanceTimersByTimeAsync(50)
      expect(task).toHaveBeenCalledTimes(2)

      // Woken while running: once more, 200 ms after this run ends, however many wakes came.
      wake()
      wake()
      finish!()
      await vi.advanceTimersByTimeAsync(199)
      expect(task).toHaveBeenCalledTimes(2)
      await vi.advanceTimersByTimeAsync(1)
      expect(task).toHaveBeenCalledTimes(3)
      finish!()
      // Not woken: the period again.
      await vi.advanceTimersByTimeAsync(59_999)
      expect(task).toHaveBeenCalledTimes(3)
      await vi.advanceTimersByTimeAsync(1)
      expect(task).toHaveBeenCalledTimes(4)
      finish!()

      await app.close()
      wake()
      await vi.advanceTimersByTimeAsync(120_000)
      expect(task).toHaveBeenCalledTimes(4)
    } finally {
      vi.useRealTimers()
    }
  })
})
