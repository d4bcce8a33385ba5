// D-83 (decided): the standard calendar of a cohort for one lead provider, or for every lead
// provider paired in the cohort, skipping months that exist.
import { newId } from '../ids.ts'
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { NotFoundError } from '../../errors.ts'
import { recordEvent } from '../events.ts'
import { say, type Problems } from '../problems.ts'
import { isFrozen } from '../declarations/rules.ts'
import { standardCalendar, STATEMENT_TEXT } from './rules.ts'
import { findCohortForStatements, insertStatementsIfAbsent, leadProviderExists, leadProvidersPairedIn } from './store.ts'

export async function createStatementCalendar(
  tx: Tx,
  clock: Clock,
  cohortYear: number,
  leadProviderId: string | undefined,
  problems: Problems,
): Promise<{ created: string[]; already_present: number }> {
  const cohort = await findCohortForStatements(tx, cohortYear)
  if (!cohort) throw new NotFoundError()
  if (leadProviderId !== undefined && !(await leadProviderExists(tx, leadProviderId))) problems.add('lead_provider_id', say.invalid('lead_provider_id'))
  if (isFrozen(cohort.payments_frozen_on, clock.today)) problems.add('cohort', STATEMENT_TEXT.frozen(cohortYear))
  problems.throwIfAny()

  const leadProviders = leadProviderId !== undefined ? [leadProviderId] : (await leadProvidersPairedIn(tx, cohortYear)).map((r) => r.id)
  const calendar = standardCalendar(cohortYear)
  const rows = leadProviders.flatMap((lp) =>
    calendar.map((dates) => ({
      id: newId(tx, 'statement'),
      lead_provider_id: lp,
      cohort_year: cohortYear,
      ...dates,
      marked_as_paid_at: null,
      created_at: clock.now,
      updated_at: clock.now,
    })),
  )
  const created = await insertStatementsIfAbsent(tx, rows)
  await recordEvent(tx, clock, {
    author: 'operator',
    action: 'statements.calendar_created',
    subject_type: 'cohort',
    subject_id: null,
    lead_provider_id: leadProviderId ?? null,
    data: { cohort: cohortYear, created: created.length },
  })
  return { created, already_present: rows.length - created.length }
}
