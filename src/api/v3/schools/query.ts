// Schools as one lead provider sees them in one cohort (P-43 … P-47): eligible schools plus those
// with a partnership in the cohort, with the derived facts of P-25 … P-27 and P-31 and the shown
// updated_at of P-37 / C-59, shaped in one statement per page.
import { sql, type Expression } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import { orderAndPage } from '../../../db/fragments.ts'
import { calendarStamp, shownUpdatedAt } from '../../../domain/stamps.ts'
import type { Page } from '../../common/paging.ts'
import type { SortKey } from '../../common/sort.ts'
import { updatedSince as since, withUrn } from '../feed-filters.ts'
import type { SORT_KEYS } from './schemas.ts'

export type SchoolRow = {
  id: string
  name: string
  urn: string
  cohort: string
  in_partnership: boolean
  induction_programme_choice: 'provider_led' | 'school_led' | 'not_yet_known'
  expression_of_interest: boolean
  induction_tutor_name: string | null
  induction_tutor_email: string | null
  created_at: Date
  updated_at: Date
}

type SortName = (typeof SORT_KEYS)[number]

/** `leadProviderId` null: as shown to no lead provider (expression_of_interest false, no tutor). */
type Scope = { leadProviderId: string | null; cohortYear: number; today: string }

/** P-27, P-37: a period that is an expression of interest (provider-led, on no partnership). */
const eoiPeriod = sql<boolean>`(tp.partnership_id IS NULL AND tp.training_programme = 'provider_led')`

/** P-27 rule 1: an EOI period still live on `day`. */
const liveEoi = (day: Expression<unknown>) => sql<boolean>`(${eoiPeriod} AND (tp.finished_on IS NULL OR tp.finished_on > ${day}))`

/** P-27 rule 2: a partnership that has ever had training attached. */
const attached = sql<boolean>`(p.first_attached_at IS NOT NULL)`

/** P-31: the tutor a lead provider with expression_of_interest true is shown. */
const TUTOR_NAME = sql<string | null>`s.induction_tutor_name`
const TUTOR_EMAIL = sql<string | null>`COALESCE(s.induction_tutor_email, s.contact_email)`

function inCohort(db: Db, { leadProviderId, cohortYear, today }: Scope) {
  const day = sql`${today}::date`
  // P-27: rule 1 (a live EOI period for the caller) or rule 2 (a partnership of the caller that
  // has ever had training attached).
  const eoi = sql<boolean>`(COALESCE(tr.live_eoi, false) OR COALESCE(pa.attached_for_caller, false))`
  return db
    .selectFrom('schools as s')
    .innerJoin('cohorts as c', (join) => join.on('c.year', '=', cohortYear))
    .leftJoin('school_cohort_stamps as scs', (join) => join.onRef('scs.school_id', '=', 's.id').on('scs.cohort_year', '=', cohortYear))
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('partnerships as p')
          .whereRef('p.school_id', '=', 's.id')
          .where('p.cohort_year', '=', cohortYear)
          .select([
            sql<boolean>`count(*) > 0`.as('any'),
            sql<boolean>`bool_or(p.lead_provider_id = ${leadProviderId} AND ${attached})`.as('attached_for_caller'),
          ])
          .as('pa'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('training_periods as tp')
          .whereRef('tp.school_id', '=', 's.id')
          .where('tp.cohort_year', '=', cohortYear)
          .select([
            sql<boolean>`bool_or(tp.training_programme = 'provider_led')`.as('provider_led'),
            sql<number>`count(*)::int`.as('periods'),
            sql<boolean>`bool_or(${liveEoi(day)} AND tp.lead_provider_id = ${leadProviderId})`.as('live_eoi'),
            // C-58 dates of P-37: the finish of any EOI period of the school in the cohort.
            sql<string | null>`max(tp.finished_on) FILTER (WHERE ${eoiPeriod} AND tp.finished_on <= ${day})`.as('eoi_finished_on'),
          ])
          .as('tr'),
      (join) => join.onTrue(),
    )
    // P-43: eligible now, or partnered in the cohort (G30 … G32).
    .where((eb) => eb.or([eb('s.eligible', '=', true), sql<boolean>`pa.any`]))
    .select([
      's.id',
      's.name',
      's.urn',
      sql<string>`c.year::text`.as('cohort'),
      sql<boolean>`pa.any`.as('in_partnership'),
      sql<SchoolRow['induction_programme_choice']>`CASE WHEN tr.provider_led THEN 'provider_led'
        WHEN tr.periods > 0 THEN 'school_led' ELSE 'not_yet_known' END`.as('induction_programme_choice'),
      eoi.as('expression_of_interest'),
      // P-31: the tutor only when expression_of_interest is true for the caller.
      sql<string | null>`CASE WHEN ${eoi} THEN ${TUTOR_NAME} END`.as('induction_tutor_name'),
      sql<string | null>`CASE WHEN ${eoi} THEN ${TUTOR_EMAIL} END`.as('induction_tutor_email'),
      's.created_at',
      shownUpdatedAt(sql`GREATEST(s.updated_at, scs.updated_at)`, calendarStamp([sql`tr.eoi_finished_on`], today)).as('updated_at'),
    ])
}

export async function listSchools(
  db: Db,
  scope: Scope,
  options: { urn: string | null; updatedSince: Date | null; sort: SortKey<SortName>[]; page: Page },
): Promise<SchoolRow[]> {
  const { urn, updatedSince, sort, page } = options
  if (page.beyondEnd) return []
  let inner = inCohort(db, scope)
  if (urn !== null) inner = inner.where(withUrn(sql.ref('s.urn'), urn))
  // C-59: updated_since and sort=updated_at use exactly the shown value, so filter outside.
  let query = db.selectFrom(inner.as('x')).selectAll()
  if (updatedSince !== null) query = query.where(since(sql.ref('x.updated_at'), updatedSince))
  const columns = { created_at: sql`x.created_at`, updated_at: sql`x.updated_at`, urn: sql`x.urn` }
  return orderAndPage(query, sort, columns, sql`x.id`, page, [{ key: 'created_at', direction: 'asc' }]).execute()
}

export function findSchool(db: Db, scope: Scope, id: string): Promise<SchoolRow | undefined> {
  return inCohort(db, scope).where('s.id', '=', id).executeTakeFirst()
}

/**
 * What a school's document in a cohort is built from (src/read-models/schools.ts): the row as shown to no lead
 * provider, the tutor P-31 unlocks, the lead providers for whom P-27 holds on `today`, and the
 * days around `today` between which neither P-27 nor P-37's calendar stamp changes by itself (the
 * finish dates of the school's EOI periods). Schools P-43 does not list in the cohort are absent.
 */
export type SchoolDocumentFacts = SchoolRow & {
  tutor_name: string | null
  tutor_email: string | null
  eoi_lead_provider_ids: string[]
  valid_from: string
  valid_until: string
}

export function schoolsForDocuments(db: Db, cohortYear: number, today: string, ids: readonly string[]): Promise<SchoolDocumentFacts[]> {
  const day = sql`${today}::date`
  return inCohort(db, { leadProviderId: null, cohortYear, today })
    .where(sql<boolean>`s.id = ANY(${[...ids]}::uuid[])`)
    .select([
      TUTOR_NAME.as('tutor_name'),
      TUTOR_EMAIL.as('tutor_email'),
      sql<string[]>`ARRAY(
        SELECT p.lead_provider_id FROM partnerships p WHERE p.school_id = s.id AND p.cohort_year = ${cohortYear} AND ${attached}
        UNION
        SELECT tp.lead_provider_id FROM training_periods tp WHERE tp.school_id = s.id AND tp.cohort_year = ${cohortYear} AND ${liveEoi(day)})`.as(
        'eoi_lead_provider_ids',
      ),
      sql<string>`COALESCE(tr.eoi_finished_on, '-infinity'::date)::text`.as('valid_from'),
      sql<string>`COALESCE((SELECT min(tp.finished_on) FROM training_periods tp
        WHERE tp.school_id = s.id AND tp.cohort_year = ${cohortYear} AND ${eoiPeriod} AND tp.finished_on > ${day}), 'infinity'::date)::text`.as('valid_until'),
    ])
    .execute()
}
