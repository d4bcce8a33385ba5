// S-41 reference data at national scale: the cohorts of S-33 (through the domain command, which
// also writes their schedules, D-36), the six lead providers with their seeded tokens (S-34, the
// small seed's ids and tokens), then 150 delivery partners, their pairings and 24,500 schools
// in set-based SQL.
import { sql } from 'kysely'
import { clockAt, londonInstant } from '../../clock.ts'
import { createCohort } from '../../domain/cohorts/create-cohort.ts'
import { createLeadProvider } from '../../domain/lead-providers/create-lead-provider.ts'
import { createLeadProviderToken } from '../../domain/tokens/create-lead-provider-token.ts'
import type { Tx } from '../../db/transaction.ts'
import type { SeedDates } from '../dates.ts'
import { randomFor, seedId } from '../derive.ts'
import { ESTABLISHMENT_TYPES, FIRST_NAMES, LAST_NAMES, LOCAL_AUTHORITIES, PLACES, SCHOOL_KINDS } from '../names.ts'
import { leadProviderPlans, SEED_TOKEN_DESCRIPTION, type LeadProviderPlan } from '../reference.ts'
import { REFERENCE_DATE } from '../reference-steps.ts'

export const NATIONAL = {
  schools: 24_500,
  /** Every seventh school is ineligible (independent or closed): 3,500, so 21,000 eligible. */
  ineligibleEvery: 7,
  deliveryPartners: 150,
  /** Market shares of the six lead providers in name order; the first is the largest. */
  shares: [0.24, 0.12, 0.16, 0.1, 0.22, 0.16],
} as const

export async function seedNationalReference(tx: Tx, seed: number, dates: SeedDates): Promise<LeadProviderPlan[]> {
  const clock = clockAt(londonInstant(REFERENCE_DATE, '10:00:00'))
  const leadProviders = leadProviderPlans(seed)
  for (const lp of leadProviders) {
    await createLeadProvider(tx, clock, { id: lp.id, name: lp.name })
    await createLeadProviderToken(tx, clock, lp.id, { id: lp.tokenId, description: SEED_TOKEN_DESCRIPTION, token: lp.token, seeded: true })
  }
  for (const cohort of dates.cohorts) {
    const { year, starts_on, payments_frozen_on, partnerships_open } = cohort
    const cohortClock = clockAt(londonInstant(`${year}-05-01`, '10:00:00'))
    await createCohort(tx, cohortClock, { id: seedId(seed, `cohort:${year}`), year, starts_on, payments_frozen_on, partnerships_open })
  }
  await sql`CREATE TEMP TABLE nat_lps ON COMMIT DROP AS
    SELECT i - 1 AS idx, id::uuid AS id, slug FROM unnest(${leadProviders.map((l) => l.id)}::text[], ${leadProviders.map((l) => l.slug)}::text[])
      WITH ORDINALITY AS x (id, slug, i)`.execute(tx)
  await insertDeliveryPartners(tx, seed, dates)
  await insertSchools(tx)
  return leadProviders
}

/**
 * Delivery partner k (0 … 149) is paired with lead provider k mod 6 and, for k < 60, also with
 * the next one, in every cohort up to C; every tenth (k mod 10 = 9) only up to 2024, like D3 of
 * S-35. So each lead provider has 35 delivery partners.
 */
async function insertDeliveryPartners(tx: Tx, seed: number, dates: SeedDates): Promise<void> {
  const places = randomFor(seed).shuffle(PLACES)
  const at = londonInstant(REFERENCE_DATE, '10:00:00')
  await sql`
    INSERT INTO delivery_partners (id, name, created_at, updated_at)
    SELECT pg_temp.nat_id('national:delivery-partner:' || k),
      (${places}::text[])[1 + k % ${places.length}] || (ARRAY['', ' North', ' South'])[1 + k / ${places.length}] || ' Teaching School Hub',
      ${at}::timestamptz + k * interval '1 second', ${at}::timestamptz + k * interval '1 second'
    FROM generate_series(0, ${NATIONAL.deliveryPartners - 1}) k`.execute(tx)
  await sql`CREATE TEMP TABLE nat_pairings ON COMMIT DROP AS
    SELECT k, lp.idx AS lp_idx, lp.id AS lp_id, pg_temp.nat_id('national:delivery-partner:' || k) AS dp_id, y AS cohort,
      row_number() OVER (PARTITION BY lp.idx, y ORDER BY k) AS rn,
      count(*) OVER (PARTITION BY lp.idx, y) AS cnt
    FROM generate_series(0, ${NATIONAL.deliveryPartners - 1}) k
    CROSS JOIN generate_series(2021, ${dates.current}) y
    JOIN nat_lps lp ON lp.idx = k % 6 OR (k < 60 AND lp.idx = (k + 1) % 6)
    WHERE k % 10 <> 9 OR y <= 2024`.execute(tx)
  await sql`
    INSERT INTO lead_provider_delivery_partners (id, lead_provider_id, delivery_partner_id, cohort_year, created_at)
    SELECT pg_temp.nat_id('national:pairing:' || k || ':' || lp_idx || ':' || cohort), lp_id, dp_id, cohort,
      (make_date(cohort, 5, 1) + time '10:00')::timestamp AT TIME ZONE 'Europe/London'
    FROM nat_pairings`.execute(tx)
}

/** URNs 141001 upwards; names, local authorities and tutors drawn by key (sql-helpers.ts). */
async function insertSchools(tx: Tx): Promise<void> {
  const at = londonInstant(REFERENCE_DATE, '10:00:00')
  const pick = (list: readonly string[], key: string) =>
    sql`(${list}::text[])[1 + floor(pg_temp.nat_rnd(${key} || i) * ${list.length})::int]`
  await sql`CREATE TEMP TABLE nat_schools ON COMMIT DROP AS
    SELECT i, pg_temp.nat_id('national:school:' || i) AS id, i % ${NATIONAL.ineligibleEvery} <> 0 AS eligible,
      width_bucket(pg_temp.nat_rnd('home-lead-provider:' || i), ${cumulative(NATIONAL.shares)}::float8[]) AS home_lp,
      ${pick(PLACES, 'school-place:')} || ' ' || ${pick(SCHOOL_KINDS, 'school-kind:')} AS name,
      ${pick(FIRST_NAMES, 'tutor-first:')} AS tutor_first, ${pick(LAST_NAMES, 'tutor-last:')} AS tutor_last
    FROM generate_series(1, ${NATIONAL.schools}) i`.execute(tx)
  await sql`ALTER TABLE nat_schools ADD PRIMARY KEY (i)`.execute(tx)
  await sql`
    INSERT INTO schools (id, urn, name, local_authority, establishment_type, establishment_status, eligible, contact_email,
      pupil_premium_uplift, sparsity_uplift, induction_tutor_name, induction_tutor_email, created_at, updated_at)
    SELECT s.id, (141000 + s.i)::text, s.name, ${pick(LOCAL_AUTHORITIES, 'school-la:')},
      CASE WHEN NOT s.eligible AND (s.i / ${NATIONAL.ineligibleEvery}) % 2 = 1 THEN 'Other independent school'
        ELSE ${pick(ESTABLISHMENT_TYPES, 'school-type:')} END,
      CASE WHEN NOT s.eligible AND (s.i / ${NATIONAL.ineligibleEvery}) % 2 = 0 THEN 'closed' ELSE 'open' END,
      s.eligible, 'office@school' || s.i || '.sch.uk',
      pg_temp.nat_rnd('pupil-premium:' || s.i) < 0.2, pg_temp.nat_rnd('sparsity:' || s.i) < 0.1,
      CASE WHEN s.eligible AND pg_temp.nat_rnd('tutor:' || s.i) < 0.9 THEN s.tutor_first || ' ' || s.tutor_last END,
      CASE WHEN s.eligible AND pg_temp.nat_rnd('tutor:' || s.i) < 0.9 THEN lower(s.tutor_first || '.' || s.tutor_last || '@school' || s.i || '.sch.uk') END,
      ${at}::timestamptz + s.i * interval '1 second', ${at}::timestamptz + s.i * interval '1 second'
    FROM nat_schools s`.execute(tx)
}

function cumulative(shares: readonly number[]): number[] {
  const out: number[] = []
  let sum = 0
  for (const share of shares.slice(0, -1)) out.push((sum += share))
  return out
}
