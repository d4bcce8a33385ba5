// `rect check` (issue 18): a conformance check a lead provider points at any v3 deployment.
// Read-only with a lead provider token; with an admin token against a rect sandbox it also runs
// the write journeys. Exit 0 when every check passed, 1 when any failed, 2 on a usage error.
import type { Command } from 'commander'
import { CliError, EXIT, usageError } from './errors.ts'
import { describe, HELP_FLAG } from './help.ts'
import type { Io } from './io.ts'

type CheckFlags = { baseUrl?: string; token?: string; adminToken?: string; reporter?: string; maxPages?: string }

export function checkCommand(rect: Command, io: Io): void {
  const command = rect
    .command('check')
    .description('check a v3 deployment against the contract')
    .option('--base-url <url>')
    .option('--token <token>')
    .option('--admin-token <token>')
    .option('--reporter <name>')
    .option('--max-pages <n>')
    .action(async (flags: CheckFlags) => {
      const options = checkFlags(flags, process.env)
      const { runCheck } = await import('../check/run.ts')
      const { junit, progressLine, summary } = await import('../check/report.ts')
      // With JUnit, stdout carries only the XML; the progress goes to stderr.
      const progress = options.reporter === 'junit' ? io.err : io.out
      progress(`rect check ${options.baseUrl}${options.adminToken ? ' (reads and write journeys)' : ' (read-only)'}\n`)
      const results = await runCheck({ ...options, onResult: (result) => progress(progressLine(result)) })
      progress(summary(results))
      if (options.reporter === 'junit') io.out(junit(results, options.baseUrl))
      if (results.some((r) => r.outcome === 'failed')) throw new CliError(EXIT.internal, [])
    })
  describe(command, {
    usage: 'rect check --base-url <url> --token <token> [options]',
    summary:
      'Check a Lead Provider API v3 deployment (rect, or any other) against the contract: authentication, every list\n' +
      'walked page by page with updated_since, filters and sort, error answers, each answer validated against the\n' +
      "v3 OpenAPI document. Read-only. With --admin-token on a rect sandbox it also runs write journeys from the named\n" +
      'scenarios (partnerships, expression of interest, transfers, declarations and voids), which add data.',
    flags: [
      { flags: '--base-url <url>', description: 'where the deployment answers, such as http://127.0.0.1:3000', env: 'RECT_CHECK_BASE_URL' },
      { flags: '--token <token>', description: 'a lead provider token of that deployment', env: 'RECT_CHECK_TOKEN' },
      { flags: '--admin-token <token>', description: 'rect sandbox only: an admin token, to run the write journeys', env: 'RECT_CHECK_ADMIN_TOKEN' },
      { flags: '--reporter <name>', description: 'text, or junit (XML on stdout, progress on stderr)', default: 'text' },
      { flags: '--max-pages <n>', description: 'pages walked per list at most', default: '20' },
      HELP_FLAG,
    ],
    notes: ['Exit status: 0 every check passed, 1 a check failed, 2 usage error. Works against either mode; journeys need sandbox mode.'],
  })
}

function checkFlags(flags: CheckFlags, env: NodeJS.ProcessEnv) {
  const problems: string[] = []
  const baseUrl = flags.baseUrl ?? env.RECT_CHECK_BASE_URL
  const token = flags.token ?? env.RECT_CHECK_TOKEN
  const adminToken = flags.adminToken ?? env.RECT_CHECK_ADMIN_TOKEN ?? null
  const reporter = flags.reporter ?? 'text'
  const maxPages = flags.maxPages === undefined ? 20 : Number(flags.maxPages)
  if (!baseUrl) problems.push('--base-url is required (or RECT_CHECK_BASE_URL)')
  else if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) problems.push(`--base-url must be an http:// or https:// URL (got '${baseUrl}')`)
  if (!token) problems.push('--token is required (or RECT_CHECK_TOKEN): a lead provider token of the deployment')
  if (reporter !== 'text' && reporter !== 'junit') problems.push(`--reporter must be text or junit (got '${reporter}')`)
  if (!Number.isInteger(maxPages) || maxPages < 1) problems.push(`--max-pages must be a whole number of at least 1 (got '${flags.maxPages}')`)
  if (problems.length > 0) throw usageError(...problems)
  return { baseUrl: baseUrl!, token: token!, adminToken, reporter, maxPages }
}
