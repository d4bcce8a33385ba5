// Pure decisions about statements (D-60 … D-66, D-81 … D-85): the standard calendar, the checks
// of a new statement and the texts of the operator's payment steps.
import { addDays } from '../../clock.ts'
import type { StatementStatus } from '../../db/schema.ts'
import type { Problems } from '../problems.ts'

/** D-60: rect keeps the output statements only. */
export const OUTPUT_MONTHS = [1, 4, 8, 11] as const
export type OutputMonth = (typeof OUTPUT_MONTHS)[number]

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** D-64: the English month name. */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1]!
}

export type StatementDates = { year: number; month: OutputMonth; cut_off_date: string; payment_date: string }

const pad = (n: number) => String(n).padStart(2, '0')

/** D-83: the cut-off is the last day of the previous month, the payment date the 25th. */
export function standardDates(year: number, month: OutputMonth): StatementDates {
  return { year, month, cut_off_date: addDays(`${year}-${pad(month)}-01`, -1), payment_date: `${year}-${pad(month)}-25` }
}

/**
 * D-83 (decided): November of the cohort's year, then January, April, August and November of each
 * later year, up to August four years on — 16 statements.
 */
export function standardCalendar(cohortYear: number): StatementDates[] {
  const out: StatementDates[] = [standardDates(cohortYear, 11)]
  for (let year = cohortYear + 1; year <= cohortYear + 4; year++) {
    for (const month of OUTPUT_MONTHS) {
      if (year === cohortYear + 4 && month === 11) continue
      out.push(standardDates(year, month))
    }
  }
  return out
}

export const STATEMENT_TEXT = {
  frozen: (year: number) => `Cohort ${year} is payments-frozen; statements cannot be added.`,
  yearRange: "The '#/year' must be from the cohort year to four years after it.",
  month: "The '#/month' must be one of: 1, 4, 8, 11.",
  paymentDate: 'The payment date must be after the cut-off date.',
  duplicate: 'A statement for this lead provider, cohort, year and month already exists.',
  notOpen: 'Only an open statement can be marked payable.',
  cutOffNotPassed: (date: string) => `The cut-off date ${date} has not passed yet.`,
  notPayable: 'Only a payable statement can be marked paid.',
}

/** D-82, the checks after the wire reading; each runs only when the fields it needs are valid (C-76). */
export function checkNewStatement(
  problems: Problems,
  values: { cohort?: number; year?: number; cut_off_date?: string; payment_date?: string },
  facts: { cohortFrozen: boolean },
): void {
  if (values.cohort !== undefined && facts.cohortFrozen) problems.add('cohort', STATEMENT_TEXT.frozen(values.cohort))
  if (values.cohort !== undefined && values.year !== undefined && problems.allValid('cohort', 'year')) {
    if (values.year < values.cohort || values.year > values.cohort + 4) problems.add('year', STATEMENT_TEXT.yearRange)
  }
  if (values.cut_off_date !== undefined && values.payment_date !== undefined && problems.allValid('cut_off_date', 'payment_date')) {
    if (values.payment_date <= values.cut_off_date) problems.add('payment_date', STATEMENT_TEXT.paymentDate)
  }
}

/** D-84: an open statement whose cut-off has passed. */
export function payableProblems(statement: { status: StatementStatus; cut_off_date: string }, today: string): [string, string][] {
  const out: [string, string][] = []
  if (statement.status !== 'open') out.push(['status', STATEMENT_TEXT.notOpen])
  if (statement.cut_off_date >= today) out.push(['cut_off_date', STATEMENT_TEXT.cutOffNotPassed(statement.cut_off_date)])
  return out
}
