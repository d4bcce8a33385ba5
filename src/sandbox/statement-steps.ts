// S-37: statements for every lead provider and cohort 2021 … C, created on 1 July of the cohort's
// year (the standard calendar of D-83; for a payments-frozen cohort only the months whose cut-off
// is before its freeze date, added one by one as D-82 does). During the replay each becomes
// payable the day after its cut-off (the D-62 sweep, as at 00:05 that day) and is paid on its
// payment date (D-85, set-based: payStatements), except that the latest one of a cohort that is not frozen whose cut-off is
// before T stays payable. Statements with a cut-off on or after T stay open.
import { addDays, type Clock } from '../clock.ts'
import type { Tx } from '../db/transaction.ts'
import { createStatements } from '../domain/statements/create-statement.ts'
import { createStatementCalendar } from '../domain/statements/create-statement-calendar.ts'
import { applyMentorCompletion } from '../domain/declarations/mentor-completion.ts'
import { recordEvent } from '../domain/events.ts'
import { runStatementSweep } from '../domain/statements/run-statement-sweep.ts'
import { standardCalendar, type StatementDates } from '../domain/statements/rules.ts'
import { Problems } from '../domain/problems.ts'
import type { SeedDates } from './dates.ts'
import type { ReferencePlan } from './reference.ts'
import type { Step } from './steps.ts'

const STATEMENT_FIELDS = ['lead_provider_id', 'cohort', 'year', 'month', 'cut_off_date', 'payment_date']

/** The months each cohort gets (S-37). */
export function statementMonths(cohort: { year: number; payments_frozen_on: string | null }): StatementDates[] {
  const all = standardCalendar(cohort.year)
  return cohort.payments_frozen_on === null ? all : all.filter((s) => s.cut_off_date < cohort.payments_frozen_on!)
}

export function statementSteps(plan: ReferencePlan, dates: SeedDates): Step[] {
  const T = dates.seedingDate
  const cohorts = dates.cohorts.filter((c) => c.year <= dates.current)
  const steps: Step[] = []
  const left = new Set<string>()
  for (const cohort of cohorts) {
    const months = statementMonths(cohort)
    if (cohort.payments_frozen_on === null) {
      const latest = months.filter((s) => s.cut_off_date < T).pop()
      if (latest) left.add(`${cohort.year}:${latest.year}:${latest.month}`)
    }
    steps.push({
      on: `${cohort.year}-07-01`,
      name: `statements of cohort ${cohort.year}`,
      key: `statements:${cohort.year}`,
      run: async (tx, clock) => {
        if (cohort.payments_frozen_on === null) {
          await createStatementCalendar(tx, clock, cohort.year, undefined, new Problems(['lead_provider_id', 'cohort']))
          return
        }
        const statements = plan.leadProviders.flatMap((lp) => months.map((s) => ({ lead_provider_id: lp.id, cohort: cohort.year, ...s })))
        await createStatements(tx, clock, cohort.year, statements, () => new Problems(STATEMENT_FIELDS))
      },
    })
  }
  const all = cohorts.flatMap((c) => statementMonths(c).map((s) => ({ ...s, cohort: c.year })))
  const payableOn = [...new Set(all.map((s) => addDays(s.cut_off_date, 1)).filter((d) => d <= T))].sort()
  for (const on of payableOn) {
    steps.push({ on, name: `statement sweep ${on}`, run: async (tx, clock) => void (await runStatementSweep(tx, clock)) })
  }
  const paidOn = [...new Set(all.filter((s) => s.payment_date <= T).map((s) => s.payment_date))].sort()
  for (const on of paidOn) {
    steps.push({ on, name: `statements paid ${on}`, run: (tx, clock) => payStatements(tx, clock, on, left) })
  }
  return steps
}

/**
 * D-85 for every payable statement paid on `on` but those left payable, in one statement per
 * table instead of five per statement: payable declarations on them paid, those awaiting
 * clawback on them clawed back (D-49 after a mentor's completion), one event per statement.
 */
async function payStatements(tx: Tx, clock: Clock, on: string, left: Set<string>): Promise<void> {
  const due = (
    await tx.selectFrom('statements').select(['id', 'cohort_year', 'year', 'month']).where('payment_date', '=', on).where('status', '=', 'payable').orderBy('id').execute()
  ).filter((s) => !left.has(`${s.cohort_year}:${s.year}:${s.month}`))
  if (due.length === 0) return
  const ids = due.map((s) => s.id)
  const paid = await tx
    .updateTable('declarations')
    .set({ payment_status: 'paid', updated_at: clock.now })
    .where('statement_id', 'in', ids)
    .where('payment_status', '=', 'payable')
    .returning('statement_id')
    .execute()
  const clawedBack = await tx
    .updateTable('declarations')
    .set({ clawback_status: 'clawed-back', updated_at: clock.now })
    .where('clawback_statement_id', 'in', ids)
    .where('clawback_status', '=', 'awaiting-clawback')
    .returning(['clawback_statement_id', 'teacher_id', 'role', 'declaration_type', 'lead_provider_id'])
    .execute()
  await tx.updateTable('statements').set({ status: 'paid', marked_as_paid_at: clock.now, updated_at: clock.now }).where('id', 'in', ids).execute()
  for (const d of clawedBack) {
    if (d.role === 'mentor' && d.declaration_type === 'completed') await applyMentorCompletion(tx, clock, d.teacher_id, d.lead_provider_id)
  }
  for (const id of ids) {
    const data = { paid: paid.filter((d) => d.statement_id === id).length, clawed_back: clawedBack.filter((d) => d.clawback_statement_id === id).length }
    await recordEvent(tx, clock, { author: 'operator', action: 'statement.paid', subject_type: 'statement', subject_id: id, data })
  }
}
