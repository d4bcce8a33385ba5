// How `rect check` reports: a progress line per check as it ends, a summary, and JUnit XML for CI.
import type { CheckResult } from './harness.ts'

const MARK = { passed: '✓', failed: '✗', skipped: '-' } as const

export function progressLine(result: CheckResult): string {
  const note = result.note ? ` — ${result.note}` : ''
  const lines = [`${MARK[result.outcome]} ${result.section} › ${result.name}${note} (${result.ms} ms)`]
  for (const problem of result.problems) lines.push(`    ${problem}`)
  return `${lines.join('\n')}\n`
}

export function summary(results: CheckResult[]): string {
  const count = (outcome: CheckResult['outcome']) => results.filter((r) => r.outcome === outcome).length
  const failed = results.filter((r) => r.outcome === 'failed')
  const lines = ['', `${results.length} checks: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`]
  if (failed.length > 0) lines.push('', 'Failed:', ...failed.map((r) => `  ${r.section} › ${r.name}`))
  return `${lines.join('\n')}\n`
}

/** Escaped for XML; control characters other than tab and newline are not allowed there at all. */
const xml = (text: string) =>
  [...text]
    .filter((c) => c >= ' ' || c === '\t' || c === '\n')
    .join('')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)

/** JUnit XML: one testsuite per section, one testcase per check. */
export function junit(results: CheckResult[], target: string): string {
  const sections = [...new Set(results.map((r) => r.section))]
  const seconds = (ms: number) => (ms / 1000).toFixed(3)
  const suites = sections.map((section) => {
    const own = results.filter((r) => r.section === section)
    const cases = own.map((r) => {
      const open = `    <testcase classname="rect-check.${xml(section)}" name="${xml(r.name)}" time="${seconds(r.ms)}"`
      if (r.outcome === 'passed') return `${open}/>`
      if (r.outcome === 'skipped') return `${open}>\n      <skipped message="${xml(r.note ?? '')}"/>\n    </testcase>`
      return `${open}>\n      <failure message="${xml(r.problems[0] ?? 'failed')}">${xml(r.problems.join('\n'))}</failure>\n    </testcase>`
    })
    const failures = own.filter((r) => r.outcome === 'failed').length
    const skipped = own.filter((r) => r.outcome === 'skipped').length
    const time = seconds(own.reduce((sum, r) => sum + r.ms, 0))
    return `  <testsuite name="${xml(section)}" tests="${own.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}">\n${cases.join('\n')}\n  </testsuite>`
  })
  const failures = results.filter((r) => r.outcome === 'failed').length
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="rect check ${xml(target)}" tests="${results.length}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`
}
