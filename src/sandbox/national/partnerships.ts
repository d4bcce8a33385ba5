// S-41 partnerships: at most one per eligible school and cohort (so ≈ 47.6 % of 21,000 × 6 is
// ≈ 60,000), with the school's usual lead provider 85 % of the time, a delivery partner that
// lead provider is paired with in that cohort, created on 1 July of the cohort (S-32).
import { sql } from 'kysely'
import type { Tx } from '../../db/transaction.ts'
import type { SeedDates } from '../dates.ts'

const PARTNERED = 0.476
const SAME_LEAD_PROVIDER = 0.85

export async function seedNationalPartnerships(tx: Tx, dates: SeedDates): Promise<void> {
  // pn numbers partnerships in creation order; rn_c / rn_cl within the cohort and within the
  // cohort and lead provider, so a transfer can pick another partnership by number.
  await sql`CREATE TEMP TABLE nat_partnerships ON COMMIT DROP AS
    WITH chosen AS (
      SELECT s.i AS school_i, s.id AS school_id, y AS cohort,
        CASE WHEN pg_temp.nat_rnd('switch:' || s.i || ':' || y) < ${SAME_LEAD_PROVIDER} THEN s.home_lp
          ELSE (s.home_lp + 1 + floor(pg_temp.nat_rnd('other-lp:' || s.i || ':' || y) * 5)::int) % 6 END AS lp_idx,
        pg_temp.nat_rnd('dp:' || s.i || ':' || y) AS dp_choice
      FROM nat_schools s CROSS JOIN generate_series(2021, ${dates.current}) y
      WHERE s.eligible AND pg_temp.nat_rnd('partnered:' || s.i || ':' || y) < ${PARTNERED}
    )
    SELECT row_number() OVER (ORDER BY c.cohort, c.school_i) AS pn,
      pg_temp.nat_id('national:partnership:' || c.school_i || ':' || c.cohort) AS id,
      c.school_i, c.school_id, c.cohort, c.lp_idx, pr.lp_id, pr.dp_id,
      row_number() OVER (PARTITION BY c.cohort ORDER BY c.school_i) AS rn_c,
      count(*) OVER (PARTITION BY c.cohort) AS cnt_c,
      row_number() OVER (PARTITION BY c.cohort, c.lp_idx ORDER BY c.school_i) AS rn_cl,
      count(*) OVER (PARTITION BY c.cohort, c.lp_idx) AS cnt_cl,
      4 + (pg_temp.nat_rnd('size:' || c.school_i || ':' || c.cohort) < 0.5)::int AS size,
      min(c.cohort) OVER (PARTITION BY c.school_i) AS first_cohort
    FROM chosen c
    JOIN nat_pairings pr ON pr.lp_idx = c.lp_idx AND pr.cohort = c.cohort AND pr.rn = 1 + floor(c.dp_choice * pr.cnt)`.execute(tx)
  await sql`ALTER TABLE nat_partnerships ADD PRIMARY KEY (pn)`.execute(tx)
  await sql`CREATE INDEX ON nat_partnerships (cohort, rn_c)`.execute(tx)
  await sql`CREATE INDEX ON nat_partnerships (cohort, lp_idx, rn_cl)`.execute(tx)
  await sql`CREATE INDEX ON nat_partnerships (school_i, cohort)`.execute(tx)
  await sql`ANALYZE nat_partnerships`.execute(tx)
  // Every partnership gets participants, attached when the cohort's training starts (P-27 rule 2).
  await sql`
    INSERT INTO partnerships (id, school_id, lead_provider_id, delivery_partner_id, cohort_year, additional, created_by,
      first_attached_at, created_at, updated_at)
    SELECT p.id, p.school_id, p.lp_id, p.dp_id, p.cohort, false, 'lead_provider',
      (${startOf(dates)} + time '10:00')::timestamp AT TIME ZONE 'Europe/London',
      ((make_date(p.cohort, 7, 1) + time '10:00')::timestamp AT TIME ZONE 'Europe/London') + p.rn_c * interval '1 second',
      ((make_date(p.cohort, 7, 1) + time '10:00')::timestamp AT TIME ZONE 'Europe/London') + p.rn_c * interval '1 second'
    FROM nat_partnerships p
    ORDER BY p.pn`.execute(tx)
}

/** The day a cohort's participants start: 1 September, S_C for cohort C (S-31). */
export function startOf(dates: SeedDates, cohort = sql`p.cohort`) {
  return sql`(CASE WHEN ${cohort} = ${dates.current} THEN ${dates.currentStart}::date ELSE make_date(${cohort}, 9, 1) END)`
}
