// W-87, W-88: the school search and a school's page. Every read is by school id or URN (indexed);
// the search's name match reads only the page of schools it shows, by URN.
import { sql } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import type { Page } from '../../../api/common/paging.ts'
import type { SchoolsTable } from '../../../db/schema.ts'
import type { Selectable } from 'kysely'

export type SchoolSearchRow = { id: string; urn: string; name: string; local_authority: string | null; eligible: boolean; current_ects: number }

/** W-87: a 6-digit `q` is that URN exactly; other text a part of the name, ignoring case. */
export type SchoolSearch = { urn: string } | { name: string } | null

export function schoolSearch(q: string): SchoolSearch {
  const text = q.trim()
  if (text === '') return null
  return /^\d{6}$/.test(text) ? { urn: text } : { name: text }
}

/** `%`, `_` and `\` are themselves in a search. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** ECT periods at the school not yet finished today (W-43's "current" list). */
const currentEcts = (today: string) =>
  sql<number>`(SELECT count(*) FROM at_school_periods a
    WHERE a.school_id = s.id AND a.role = 'ect' AND (a.finished_on IS NULL OR a.finished_on > ${today}::date))::int`

export async function searchSchools(db: Db, search: SchoolSearch, today: string, page: Page): Promise<{ rows: SchoolSearchRow[]; total: number }> {
  let base = db.selectFrom('schools as s')
  if (search && 'urn' in search) base = base.where('s.urn', '=', search.urn)
  if (search && 'name' in search) base = base.where(sql<boolean>`s.name ILIKE ${likePattern(search.name)}`)
  const rows = await base
    .select(['s.id', 's.urn', 's.name', 's.local_authority', 's.eligible', currentEcts(today).as('current_ects')])
    .orderBy('s.urn')
    .limit(page.perPage)
    .offset(page.offset)
    .execute()
  const total = rows.length < page.perPage && page.offset === 0
    ? rows.length
    : (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n
  return { rows, total }
}

export type SchoolRow = Selectable<SchoolsTable>

export function schoolByUrn(db: Db, urn: string): Promise<SchoolRow | undefined> {
  return db.selectFrom('schools').selectAll().where('urn', '=', urn).executeTakeFirst()
}

export type SchoolPartnershipRow = {
  id: string
  cohort: number
  lead_provider_id: string
  lead_provider_name: string
  delivery_partner_id: string
  delivery_partner_name: string
  additional: boolean
  created_by: 'lead_provider' | 'operator' | 'carry_forward'
  created_at: Date
  participants_currently_training: number
}

/** P-35: completion of the period's role. */
const completedOn = sql`CASE WHEN tp.role = 'ect' THEN t.induction_completed_on ELSE t.mentor_ineligible_for_funding_on END`

/** W-88: partnerships newest cohort first, then primary before additional, then creation. */
export function schoolPartnerships(db: Db, schoolId: string, today: string): Promise<SchoolPartnershipRow[]> {
  const day = sql`${today}::date`
  return db
    .selectFrom('partnerships as p')
    .innerJoin('lead_providers as lp', 'lp.id', 'p.lead_provider_id')
    .innerJoin('delivery_partners as dp', 'dp.id', 'p.delivery_partner_id')
    .where('p.school_id', '=', schoolId)
    .select([
      'p.id',
      'p.cohort_year as cohort',
      'p.lead_provider_id',
      'lp.name as lead_provider_name',
      'p.delivery_partner_id',
      'dp.name as delivery_partner_name',
      'p.additional',
      'p.created_by',
      'p.created_at',
      sql<number>`(SELECT count(*) FROM training_periods tp JOIN teachers t ON t.id = tp.teacher_id
        WHERE tp.partnership_id = p.id AND tp.started_on <= ${day} AND (tp.finished_on IS NULL OR tp.finished_on > ${day})
          AND (${completedOn} IS NULL OR ${completedOn} > ${day}))::int`.as('participants_currently_training'),
    ])
    .orderBy('p.cohort_year', 'desc')
    .orderBy(sql`lower(lp.name)`)
    .orderBy('p.additional')
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute()
}

export type ExpressionOfInterestRow = { lead_provider_id: string; lead_provider_name: string; cohort: number; participants: number }

/**
 * W-88: expressions of interest without a partnership (P-27 rule 1): training periods with a lead
 * provider, attached to no partnership, not finished today; counted per lead provider and cohort.
 */
export function schoolExpressionsOfInterest(db: Db, schoolId: string, today: string): Promise<ExpressionOfInterestRow[]> {
  return db
    .selectFrom('training_periods as tp')
    .innerJoin('lead_providers as lp', 'lp.id', 'tp.lead_provider_id')
    .where('tp.school_id', '=', schoolId)
    .where('tp.partnership_id', 'is', null)
    .where('tp.training_programme', '=', 'provider_led')
    .where((eb) => eb.or([eb('tp.finished_on', 'is', null), eb('tp.finished_on', '>', today)]))
    .groupBy(['tp.lead_provider_id', 'lp.name', 'tp.cohort_year'])
    .select([
      'tp.lead_provider_id as lead_provider_id',
      'lp.name as lead_provider_name',
      'tp.cohort_year as cohort',
      sql<number>`count(DISTINCT tp.teacher_id)::int`.as('participants'),
    ])
    .orderBy('tp.cohort_year', 'desc')
    .orderBy(sql`lower(lp.name)`)
    .execute() as Promise<ExpressionOfInterestRow[]>
}
