// the gate large pages pass through (src/api/common/gate.ts).
import { describe, expect, it } from 'vitest'
import { Gate } from '../../src/api/common/gate.ts'

describe('Q-7: Gate', () => {
  it('lets `limit` in at once and the rest in arrival order as places are given back', async () => {
    const gate = new Gate(2)
    const order: string[] = []
    const first = await gate.enter()
    const second = await gate.enter()
    const third = gate.enter().then((leave) => (order.push('third'), leave))
    const fourth = gate.enter().then((leave) => (order.push('fourth'), leave))
    await new Promise((r) => setTimeout(r, 5))
    expect(order).toEqual([])
    first()
    first() // giving a place back twice frees one place only
    await third
    await new Promise((r) => setTimeout(r, 5))
    expect(order).toEqual(['third'])
    second()
    const leaveFourth = await fourth
    expect(order).toEqual(['third', 'fourth'])
    ;(await third)()
    leaveFourth()
    // Everyone left: two places free again, without waiting.
    const again = await Promise.race([Promise.all([gate.enter(), gate.enter()]), new Promise((r) => setTimeout(() => r('waited'), 50))])
    expect(again).not.toBe('waited')
  })
})
