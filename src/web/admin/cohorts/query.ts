// W-81, W-82: cohorts and a cohort's pairings (lead provider → delivery partners).
import { sql } from 'kysely'
import type { Db } from '../../../db/connect.ts'

export async function countCohorts(db: Db): Promise<number> {
  const row = await db.selectFrom('cohorts').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
  return row.n
}

export type CohortPairings = { lead_provider_id: string; lead_provider_name: string; delivery_partners: { id: string; name: string }[] }

/** W-82: "Pairings in {year}", lead providers by name, each with its delivery partners by name. */
export async function cohortPairings(db: Db, year: number): Promise<CohortPairings[]> {
  return db
    .selectFrom('lead_provider_delivery_partners as p')
    .innerJoin('lead_providers as lp', 'lp.id', 'p.lead_provider_id')
    .innerJoin('delivery_partners as dp', 'dp.id', 'p.delivery_partner_id')
    .where('p.cohort_year', '=', year)
    .groupBy(['lp.id', 'lp.name'])
    .select([
      'lp.id as lead_provider_id',
      'lp.name as lead_provider_name',
      sql<{ id: string; name: string }[]>`json_agg(json_build_object('id', dp.id, 'name', dp.name) ORDER BY lower(dp.name), dp.id)`.as('delivery_partners'),
    ])
    .orderBy(sql`lower(lp.name)`)
    .orderBy('lp.id')
    .execute()
}

/** Every lead provider or delivery partner by name, for the pairing selects. */
export function namedChoices(db: Db, table: 'lead_providers' | 'delivery_partners'): Promise<{ id: string; name: string }[]> {
  return db.selectFrom(table).select(['id', 'name']).orderBy(sql`lower(name)`).orderBy('id').execute()
}

/** Every cohort's year, newest first (W-86's and W-89's choices). */
export async function cohortYears(db: Db): Promise<number[]> {
  return (await db.selectFrom('cohorts').select('year').orderBy('year', 'desc').execute()).map((r) => r.year)
}
