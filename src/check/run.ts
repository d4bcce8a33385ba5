// `rect check`: reads (any v3 deployment, lead provider token), then the write journeys (a rect
// sandbox, admin token). Resolves with every result; the caller reports and picks the exit code.
import { clientFor } from './client.ts'
import { v3Document, validatorFor } from './document.ts'
import { harness, type CheckResult } from './harness.ts'
import { journeyChecks } from './journeys.ts'
import { readChecks } from './reads.ts'

export type CheckOptions = {
  baseUrl: string
  token: string
  adminToken?: string | null
  /** Pages walked per list at most (national-scale data sets are large). */
  maxPages?: number
  timeoutMs?: number
  onResult?: (result: CheckResult) => void
  /** The document to validate against; rect's own v3 document when absent. */
  document?: Record<string, unknown>
}

export async function runCheck(options: CheckOptions): Promise<CheckResult[]> {
  const validator = validatorFor(options.document ?? (await v3Document()))
  const h = harness(clientFor(options.baseUrl, options.timeoutMs), validator, options.onResult ?? (() => {}))
  await h.run('connection', `the deployment answers at ${options.baseUrl}`, async (ctx) => {
    const res = await ctx.call({ template: '/api/v3/partnerships', token: null })
    ctx.check(res.status === 401, `GET /api/v3/partnerships without a token answered ${res.status}; is ${options.baseUrl} a v3 deployment?`)
  }).catch(() => undefined)
  if (h.results[0]?.problems.some((p) => p.startsWith('unexpected error'))) return h.results
  await readChecks(h, { token: options.token, maxPages: options.maxPages ?? 20 })
  if (options.adminToken) await journeyChecks(h, options.adminToken)
  return h.results
}
