// Partnerships as one lead provider sees them (P-49, P-50): its own, whoever created them, with
// the derived count of P-35 and the shown updated_at of P-36 / C-59, shaped in one statement.
// The timestamps leave PostgreSQL already in wire form (C-15): at 3,000 rows a page, parsing them
// into Dates and formatting them back was a sixth of the server's CPU under load (Q-3).
import { sql, type Expression } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import { orderAndPage, wireTime } from '../../../db/fragments.ts'
import { calendarStamp, shownUpdatedAt } from '../../../domain/stamps.ts'
import type { Page } from '../../common/paging.ts'
import type { SortKey } from '../../common/sort.ts'
import { inCohorts, ofDeliveryPartners, updatedSince as since } from '../feed-filters.ts'
import type { SORT_KEYS } from './schemas.ts'

export type PartnershipRow = {
  id: string
  cohort: string
  urn: string
  school_id: string
  delivery_partner_id: string
  delivery_partner_name: string
  induction_tutor_name: string | null
  induction_tutor_email: string | null
  participants_currently_training: number
  created_at: string
  updated_at: string
}

/** The wire columns; `scoped` adds the raw instants `created_ts` and `updated_ts` to sort and filter on. */
const WIRE_COLUMNS = [
  'id',
  'cohort',
  'urn',
  'school_id',
  'delivery_partner_id',
  'delivery_partner_name',
  'induction_tutor_name',
  'induction_tutor_email',
  'participants_currently_training',
  'created_at',
  'updated_at',
] as const

type SortName = (typeof SORT_KEYS)[number]

/** P-35: completion of the period's role — an ECT's induction, a mentor's funded mentor training. */
const completedOn = sql`CASE WHEN tp.role = 'ect' THEN t.induction_completed_on ELSE t.mentor_ineligible_for_funding_on END`

/** The caller's partnerships with every wire column; `today` is the request's London date (C-18). */
function scoped(db: Db, leadProviderId: string, today: string) {
  const day = sql`${today}::date`
  const onOrBefore = (d: Expression<unknown>) => sql`CASE WHEN ${d} <= ${day} THEN ${d} END`
  const updatedAt = shownUpdatedAt(sql`p.updated_at`, calendarStamp([sql`tr.changed_on`], today))
  return db
    .selectFrom('partnerships as p')
    .innerJoin('schools as s', 's.id', 'p.school_id')
    .innerJoin('delivery_partners as dp', 'dp.id', 'p.delivery_partner_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('training_periods as tp')
          .innerJoin('teachers as t', 't.id', 'tp.teacher_id')
          .whereRef('tp.partnership_id', '=', 'p.id')
          .select([
            // P-35: attached periods covering today (C-17) whose participant has not completed.
            sql<number>`count(*) FILTER (WHERE tp.started_on <= ${day} AND (tp.finished_on IS NULL OR tp.finished_on > ${day})
              AND (${completedOn} IS NULL OR ${completedOn} > ${day}))::int`.as('current'),
            // C-58 dates of P-35: the latest of them that is ≤ today.
            sql<string | null>`max(GREATEST(${onOrBefore(sql`tp.started_on`)}, ${onOrBefore(sql`tp.finished_on`)}, ${onOrBefore(completedOn)}))`.as('changed_on'),
          ])
          .as('tr'),
      (join) => join.onTrue(),
    )
    .where('p.lead_provider_id', '=', leadProviderId)
    .select([
      'p.id',
      sql<string>`p.cohort_year::text`.as('cohort'),
      's.urn',
      'p.school_id',
      'p.delivery_partner_id',
      'dp.name as delivery_partner_name',
      // P-31: partnerships always show the tutor; the email falls back to the school's.
      's.induction_tutor_name',
      sql<string | null>`COALESCE(s.induction_tutor_email, s.contact_email)`.as('induction_tutor_email'),
      sql<number>`COALESCE(tr.current, 0)`.as('participants_currently_training'),
      wireTime(sql`p.created_at`).as('created_at'),
      wireTime(updatedAt).as('updated_at'),
      'p.created_at as created_ts',
      updatedAt.as('updated_ts'),
    ])
}

export type PartnershipFilters = { cohorts: number[] | null; deliveryPartnerIds: string[] | null; updatedSince: Date | null }

export async function listPartnerships(
  db: Db,
  leadProviderId: string,
  today: string,
  options: PartnershipFilters & { sort: SortKey<SortName>[]; page: Page },
): Promise<PartnershipRow[]> {
  const { cohorts, deliveryPartnerIds, updatedSince, sort, page } = options
  if (cohorts?.length === 0 || deliveryPartnerIds?.length === 0 || page.beyondEnd) return []
  let inner = scoped(db, leadProviderId, today)
  if (cohorts !== null) inner = inner.where(inCohorts(sql.ref('p.cohort_year'), cohorts))
  if (deliveryPartnerIds !== null) inner = inner.where(ofDeliveryPartners(sql.ref('p.delivery_partner_id'), deliveryPartnerIds))
  // C-59: updated_since and sort=updated_at use exactly the shown value, so filter outside.
  let query = db.selectFrom(inner.as('x')).select(WIRE_COLUMNS)
  if (updatedSince !== null) query = query.where(since(sql.ref('x.updated_ts'), updatedSince))
  const columns = { created_at: sql`x.created_ts`, updated_at: sql`x.updated_ts` }
  return orderAndPage(query, sort, columns, sql`x.id`, page, [{ key: 'created_at', direction: 'asc' }]).execute()
}

export function findPartnership(db: Db, leadProviderId: string, today: string, id: string): Promise<PartnershipRow | undefined> {
  return db.selectFrom(scoped(db, leadProviderId, today).where('p.id', '=', id).as('x')).select(WIRE_COLUMNS).executeTakeFirst()
}

/** These partnerships of the caller, as the list shows them (building their documents, src/read-models/partnerships.ts). */
export function partnershipsByIds(db: Db, leadProviderId: string, today: string, ids: readonly string[]): Promise<(PartnershipRow & { updated_ts: Date })[]> {
  const inner = scoped(db, leadProviderId, today).where(sql<boolean>`p.id = ANY(${[...ids]}::uuid[])`)
  // The shown updated_at to the instant (updated_since and the sort compare it so), besides its wire form.
  return db.selectFrom(inner.as('x')).select([...WIRE_COLUMNS, 'x.updated_ts']).execute() as Promise<(PartnershipRow & { updated_ts: Date })[]>
}

/**
 * The days around `today` between which P-35's count and P-36's calendar stamp cannot change by
 * themselves: the latest of P-35's dates on or before today and the first one after.
 */
export async function partnershipWindows(db: Db, ids: readonly string[], today: string): Promise<Map<string, { from: string; until: string }>> {
  const { rows } = await sql<{ id: string; valid_from: string; valid_until: string }>`
    SELECT tp.partnership_id AS id,
      coalesce(max(dates.d) FILTER (WHERE dates.d <= ${today}::date), '-infinity'::date) AS valid_from,
      coalesce(min(dates.d) FILTER (WHERE dates.d > ${today}::date), 'infinity'::date) AS valid_until
    FROM training_periods tp
    JOIN teachers t ON t.id = tp.teacher_id
    CROSS JOIN LATERAL (VALUES (tp.started_on), (tp.finished_on), (${completedOn})) AS dates (d)
    WHERE tp.partnership_id = ANY(${[...ids]}::uuid[])
    GROUP BY tp.partnership_id`.execute(db)
  return new Map(rows.map((r) => [r.id, { from: r.valid_from, until: r.valid_until }]))
}
