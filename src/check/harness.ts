// The frame every check of `rect check` runs in: a named step that collects problems, a result
// per check, and a progress line as each one ends.
import type { Answer, Call, Client } from './client.ts'
import type { Validator } from './document.ts'

export type Outcome = 'passed' | 'failed' | 'skipped'

export type CheckResult = { section: string; name: string; outcome: Outcome; problems: string[]; note: string | null; ms: number }

/** Stops a check at once with its problems (the rest of it depends on what failed). */
export class Stop extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '))
  }
}

/** Skips a check: it does not apply to what the deployment holds (an empty list, say). */
export class Skip extends Error {}

export type Context = {
  /** One request, validated against the document; every problem is recorded on the check. */
  call: (call: Call) => Promise<Answer>
  /** A request whose answer must have this status (else the check stops). */
  expect: (status: number, call: Call) => Promise<Answer>
  /** Records a problem and goes on. */
  fail: (problem: string) => void
  /** Records a problem when `ok` is false. */
  check: (ok: boolean, problem: string) => void
  /** A line shown beside the check's name in the report. */
  note: (text: string) => void
}

export type Harness = {
  results: CheckResult[]
  run: (section: string, name: string, body: (ctx: Context) => Promise<void>) => Promise<CheckResult>
}

export function harness(client: Client, validator: Validator, onResult: (result: CheckResult) => void): Harness {
  const results: CheckResult[] = []
  const run: Harness['run'] = async (section, name, body) => {
    const problems: string[] = []
    let note: string | null = null
    const started = performance.now()
    const call = async (c: Call) => {
      const answer = await client(c)
      // The v3 document covers /api/v3; operator API calls only set up the journeys.
      if (c.template.startsWith('/api/v3/')) problems.push(...validator.problems(answer))
      return answer
    }
    const ctx: Context = {
      call,
      expect: async (status, c) => {
        const answer = await call(c)
        if (answer.status !== status) {
          const why = answer.status === 429 ? ` (rate limited; Retry-After ${answer.retryAfter ?? 'not given'})` : ''
          throw new Stop([`${answer.method} ${answer.url} answered ${answer.status}, expected ${status}${why}: ${answer.text.slice(0, 200)}`])
        }
        return answer
      },
      fail: (problem) => void problems.push(problem),
      check: (ok, problem) => {
        if (!ok) problems.push(problem)
      },
      note: (text) => {
        note = text
      },
    }
    let outcome: Outcome = 'passed'
    try {
      await body(ctx)
    } catch (error) {
      if (error instanceof Skip) outcome = 'skipped'
      else if (error instanceof Stop) problems.push(...error.problems)
      else problems.push(`unexpected error: ${error instanceof Error ? error.message : String(error)}`)
      if (error instanceof Skip) note = error.message
    }
    if (problems.length > 0) outcome = 'failed'
    const result: CheckResult = { section, name, outcome, problems: [...new Set(problems)], note, ms: Math.round(performance.now() - started) }
    results.push(result)
    onResult(result)
    return result
  }
  return { results, run }
}
