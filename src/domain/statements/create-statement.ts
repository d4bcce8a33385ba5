// D-82: the operator adds one output statement.
import { newId } from '../ids.ts'
import type { Clock } from '../../clock.ts'
import { unexplainedConflict, writeOrConflict } from '../../db/constraints.ts'
import type { Tx } from '../../db/transaction.ts'
import { recordEvent } from '../events.ts'
import { say, type Problems } from '../problems.ts'
import { isFrozen } from '../declarations/rules.ts'
import { checkNewStatement, STATEMENT_TEXT, type OutputMonth } from './rules.ts'
import { findCohortForStatements, insertStatement, leadProviderExists, STATEMENT_CONSTRAINTS, statementExists } from './store.ts'

export type NewStatement = {
  lead_provider_id: string
  cohort: number
  year: number
  month: OutputMonth
  cut_off_date: string
  payment_date: string
}

async function check(tx: Tx, clock: Clock, values: Partial<NewStatement>, problems: Problems): Promise<void> {
  if (values.lead_provider_id !== undefined && !(await leadProviderExists(tx, values.lead_provider_id))) problems.add('lead_provider_id', say.invalid('lead_provider_id'))
  let cohortFrozen = false
  if (values.cohort !== undefined) {
    const cohort = await findCohortForStatements(tx, values.cohort)
    if (!cohort) problems.add('cohort', say.invalid('cohort'))
    else cohortFrozen = isFrozen(cohort.payments_frozen_on, clock.today)
  }
  checkNewStatement(problems, values, { cohortFrozen })
  const { lead_provider_id: lp, cohort, year, month } = values
  if (lp !== undefined && cohort !== undefined && year !== undefined && month !== undefined && problems.allValid('lead_provider_id', 'cohort', 'year', 'month')) {
    if (await statementExists(tx, { lead_provider_id: lp, cohort_year: cohort, year, month })) problems.add('month', STATEMENT_TEXT.duplicate)
  }
}

/** `problems` holds what the wire reading found (C-76). */
export async function createStatement(tx: Tx, clock: Clock, values: Partial<NewStatement>, problems: Problems): Promise<{ id: string }> {
  await check(tx, clock, values, problems)
  problems.throwIfAny()
  const statement = values as NewStatement
  const id = newId(tx, 'statement')
  const conflict = await writeOrConflict(tx, STATEMENT_CONSTRAINTS, () =>
    insertStatement(tx, {
      id,
      lead_provider_id: statement.lead_provider_id,
      cohort_year: statement.cohort,
      year: statement.year,
      month: statement.month,
      cut_off_date: statement.cut_off_date,
      payment_date: statement.payment_date,
      marked_as_paid_at: null,
      created_at: clock.now,
      updated_at: clock.now,
    }),
  )
  if (conflict !== null) {
    // C-79, Q-10: a concurrent request created the month first; the re-check reports it.
    await check(tx, clock, values, problems)
    problems.throwIfAny()
    throw unexplainedConflict(conflict)
  }
  await recordEvent(tx, clock, { author: 'operator', action: 'statement.created', subject_type: 'statement', subject_id: id, lead_provider_id: statement.lead_provider_id, data: { ...statement } })
  return { id }
}

/**
 * D-82 for many statements of one cohort at once (the sandbox seed's frozen cohorts, Q-8): the
 * same rows, ids (taken in order) and events as createStatement for each, in a handful of
 * statements. When any would be refused, they go through createStatement one by one instead,
 * which reports exactly what it would. `problemsOf` gives each its problem collector.
 */
export async function createStatements(tx: Tx, clock: Clock, cohortYear: number, statements: NewStatement[], problemsOf: () => Problems): Promise<void> {
  if (statements.length === 0) return
  const leadProviders = [...new Set(statements.map((s) => s.lead_provider_id))]
  const cohort = await findCohortForStatements(tx, cohortYear)
  const known = await tx.selectFrom('lead_providers').select('id').where('id', 'in', leadProviders).execute()
  const present = await tx.selectFrom('statements').select('id').where('cohort_year', '=', cohortYear).where('lead_provider_id', 'in', leadProviders).executeTakeFirst()
  const months = new Set(statements.map((s) => `${s.lead_provider_id}:${s.year}:${s.month}`))
  const valid = (s: NewStatement) => {
    const problems = problemsOf()
    checkNewStatement(problems, s, { cohortFrozen: cohort !== undefined && isFrozen(cohort.payments_frozen_on, clock.today) })
    return problems.empty && s.cohort === cohortYear
  }
  const clean = cohort !== undefined && known.length === leadProviders.length && present === undefined && months.size === statements.length && statements.every(valid)
  if (!clean) {
    for (const s of statements) await createStatement(tx, clock, s, problemsOf())
    return
  }
  const rows = statements.map((s) => ({
    id: newId(tx, 'statement'),
    lead_provider_id: s.lead_provider_id,
    cohort_year: s.cohort,
    year: s.year,
    month: s.month,
    cut_off_date: s.cut_off_date,
    payment_date: s.payment_date,
    marked_as_paid_at: null,
    created_at: clock.now,
    updated_at: clock.now,
  }))
  await tx.insertInto('statements').values(rows).execute()
  for (const [i, s] of statements.entries()) {
    await recordEvent(tx, clock, { author: 'operator', action: 'statement.created', subject_type: 'statement', subject_id: rows[i]!.id, lead_provider_id: s.lead_provider_id, data: { ...s } })
  }
}
