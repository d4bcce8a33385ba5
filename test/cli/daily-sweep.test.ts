// S-7: the statement sweep runs daily at 00:05 Europe/London on the real clock; the timer goes
// with the server.
import { describe, expect, it, vi } from 'vitest'
import Fastify from 'fastify'
import { runDailyAt, untilNextLondon } from '../../src/server.ts'

describe('S-7 the daily sweep', () => {
  it.each([
    ['2026-12-01T07:00:00Z', '2026-12-02T00:05:00Z'],
    ['2026-12-01T00:04:59Z', '2026-12-01T00:05:00Z'],
    ['2026-12-01T00:05:00Z', '2026-12-02T00:05:00Z'],
    ['2026-07-01T12:00:00Z', '2026-07-01T23:05:00Z'],
    ['2026-03-28T12:00:00Z', '2026-03-29T00:05:00Z'],
    ['2026-10-24T12:00:00Z', '2026-10-24T23:05:00Z'],
  ])('S-7: from %s the next run is at %s (00:05 London)', (now, next) => {
    expect(untilNextLondon('00:05:00', new Date(now))).toBe(Date.parse(next) - Date.parse(now))
  })

  it('S-7: runs at 00:05, again the next day, and stops when the server closes', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T23:00:00Z') })
    try {
      const app = Fastify()
      const task = vi.fn(async () => {})
      runDailyAt(app, '00:05:00', task)
      await app.ready()
      await vi.advanceTimersByTimeAsync(65 * 60_000)
      expect(task).toHaveBeenCalledTimes(1)
      await vi.advanceTimersByTimeAsync(24 * 3600_000)
      expect(task).toHaveBeenCalledTimes(2)
      await app.close()
      await vi.advanceTimersByTimeAsync(48 * 3600_000)
      expect(task).toHaveBeenCalledTimes(2)
    } finally {
      vi.useRealTimers()
    }
  })
})
