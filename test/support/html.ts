// W-114: html-validate (10.x) with the html-validate:standard preset, for in-process pages and
// for what the browser tests receive.
import { HtmlValidate } from 'html-validate'

const validator = new HtmlValidate({ extends: ['html-validate:standard'] })

export type HtmlProblem = { rule: string; message: string; line: number; column: number; selector: string | null }

/** Every error html-validate finds in a document (empty when it is valid). */
export async function htmlProblems(html: string): Promise<HtmlProblem[]> {
  const report = await validator.validateString(html)
  return report.results.flatMap((r) =>
    r.messages
      .filter((m) => m.severity === 2)
      .map((m) => ({ rule: m.ruleId, message: m.message, line: m.line, column: m.column, selector: m.selector ?? null })),
  )
}
