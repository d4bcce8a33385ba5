// at most `limit` holders at once, the rest wait their turn in arrival order. Large pages pass
// through one, so however many clients ask for them at once, a process holds only a few pages'
// worth of rows and text; with the CPU already busy, waiting costs the others little.
export class Gate {
  readonly #waiting: (() => void)[] = []
  #held = 0

  constructor(readonly limit: number) {}

  /** Resolves when a place is free; call the returned function exactly once to give it back. */
  async enter(): Promise<() => void> {
    if (this.#held >= this.limit) await new Promise<void>((resolve) => this.#waiting.push(resolve))
    else this.#held++
    let left = false
    return () => {
      if (left) return
      left = true
      const next = this.#waiting.shift()
      if (next) next()
      else this.#held--
    }
  }
}
