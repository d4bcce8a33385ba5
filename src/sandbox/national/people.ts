// S-41 people: 4 or 5 provider-led people per partnership (the first a mentor, the rest ECTs,
// ≈ 270,000) and two school-led ECTs at ≈ 23 % of the unpartnered eligible school-cohorts
// (≈ 30,000, 10 %). Of the provider-led, 1 in 8 transfers to another school's partnership in the
// same cohort (half of them with the same lead provider), 1 in 20 leaves with no new school; of
// those who stay 3 % are withdrawn and 2 % deferred, and most ECTs of cohorts before C − 2 have
// completed induction. ECTs are mentored by their partnership's mentor, 1 in 5 by the mentor of
// the school's first partnership instead (often another lead provider's: an unfunded mentor).
//
// nat_people holds one row per teacher with every date; the inserts below read it.
import { sql } from 'kysely'
import type { Tx } from '../../db/transaction.ts'
import type { SeedDates } from '../dates.ts'
import { FIRST_NAMES, LAST_NAMES } from '../names.ts'
import { startOf } from './partnerships.ts'

const SCHOOL_LED_SLOTS = 0.227

const at = (date: ReturnType<typeof sql>, seconds = sql`0`) =>
  sql`(((${date}) + time '10:00')::timestamp AT TIME ZONE 'Europe/London' + (${seconds}) * interval '1 second')`

export async function seedNationalPeople(tx: Tx, dates: SeedDates): Promise<void> {
  const T = sql`${dates.seedingDate}::date`
  await sql`CREATE TEMP TABLE nat_people ON COMMIT DROP AS
    WITH provider AS (
      SELECT row_number() OVER (ORDER BY p.pn, slot) AS ti, p.pn, slot, p.school_i, p.school_id, p.cohort, p.lp_id, p.id AS partnership_id,
        p.rn_c, p.cnt_c, p.lp_idx, p.rn_cl, p.cnt_cl, p.first_cohort, ${startOf(dates)} AS start_on
      FROM nat_partnerships p CROSS JOIN LATERAL generate_series(0, p.size - 1) slot
    ),
    fated AS (
      SELECT pr.*, CASE WHEN pr.slot = 0 THEN 'mentor' ELSE 'ect' END AS role,
        CASE WHEN pg_temp.nat_rnd('fate:' || ti) < 0.125 THEN 'transfer'
          WHEN pg_temp.nat_rnd('fate:' || ti) < 0.175 THEN 'leave' ELSE 'stay' END AS fate,
        pr.start_on + 60 + floor(pg_temp.nat_rnd('leave:' || ti) * greatest(30, (${T} + 30) - (pr.start_on + 60)))::int AS leave_on,
        pg_temp.nat_rnd('status:' || ti) AS status_choice
      FROM provider pr
    )
    SELECT f.ti, f.pn, f.slot, f.role, 'provider_led'::text AS programme, f.school_i, f.school_id, f.cohort, f.lp_id, f.partnership_id,
      f.start_on, f.fate,
      CASE WHEN f.fate <> 'stay' THEN f.leave_on END AS leave_on,
      CASE WHEN f.fate = 'transfer' THEN f.leave_on + CASE WHEN pg_temp.nat_rnd('gap:' || f.ti) < 0.7 THEN 0
        ELSE 1 + floor(pg_temp.nat_rnd('gap-days:' || f.ti) * 30)::int END END AS join_on,
      CASE WHEN f.fate <> 'stay' THEN least(f.leave_on, ${T}) - 4 END AS reported_on,
      CASE WHEN f.fate = 'stay' AND f.status_choice < 0.03 THEN 'withdrawn'
        WHEN f.fate = 'stay' AND f.status_choice < 0.05 THEN 'deferred' ELSE 'active' END AS training_status,
      least(f.start_on + 200, ${T} - 2) AS action_on,
      f.role = 'ect' AND f.fate = 'stay' AND f.status_choice >= 0.05 AND f.cohort <= ${dates.current - 3}
        AND pg_temp.nat_rnd('completed:' || f.ti) < 0.8 AS completed,
      CASE WHEN f.fate = 'transfer' THEN
        CASE WHEN pg_temp.nat_rnd('dest-same:' || f.ti) < 0.5
          THEN (SELECT d.pn FROM nat_partnerships d WHERE d.cohort = f.cohort AND d.lp_idx = f.lp_idx
                AND d.rn_cl = (f.rn_cl - 1 + 1 + floor(pg_temp.nat_rnd('dest:' || f.ti) * (f.cnt_cl - 1))::int) % f.cnt_cl + 1)
          ELSE (SELECT d.pn FROM nat_partnerships d WHERE d.cohort = f.cohort
                AND d.rn_c = (f.rn_c - 1 + 1 + floor(pg_temp.nat_rnd('dest:' || f.ti) * (f.cnt_c - 1))::int) % f.cnt_c + 1) END
      END AS dest_pn,
      CASE WHEN f.role = 'ect' THEN
        CASE WHEN pg_temp.nat_rnd('mentor-from:' || f.ti) < 0.2
          THEN (SELECT d.pn FROM nat_partnerships d WHERE d.school_i = f.school_i AND d.cohort = f.first_cohort) ELSE f.pn END
      END AS mentor_pn
    FROM fated f`.execute(tx)
  await sql`
    INSERT INTO nat_people (ti, pn, slot, role, programme, school_i, school_id, cohort, start_on, fate, training_status, action_on, completed)
    SELECT (SELECT max(ti) FROM nat_people) + row_number() OVER (ORDER BY y, s.i, slot), NULL, slot, 'ect', 'school_led', s.i, s.id, y,
      ${startOf(dates, sql`y`)}, 'stay', 'active', NULL, false
    FROM nat_schools s CROSS JOIN generate_series(2021, ${dates.current}) y CROSS JOIN generate_series(1, 2) slot
    WHERE s.eligible AND NOT EXISTS (SELECT 1 FROM nat_partnerships p WHERE p.school_i = s.i AND p.cohort = y)
      AND pg_temp.nat_rnd('school-led:' || s.i || ':' || y) < ${SCHOOL_LED_SLOTS}`.execute(tx)
  await sql`ALTER TABLE nat_people ADD COLUMN id uuid, ADD COLUMN created_at timestamptz, ADD COLUMN first_name text, ADD COLUMN last_name text,
    ADD COLUMN d1_on date, ADD COLUMN d2_on date, ADD COLUMN d2_type text`.execute(tx)
  // Declaration days (declarations.ts): started a month in, then retained-1 (or, for a mentor in
  // a new-rules cohort, completed, D-49) five months in, before leaving, any withdrawal and T.
  const stop = sql`CASE WHEN training_status <> 'active' THEN action_on - 1 END`
  await sql`UPDATE nat_people SET id = pg_temp.nat_id('national:teacher:' || ti), created_at = ${at(sql`start_on`, sql`ti % 50000`)},
    d1_on = least(start_on + 30, ${T} - 1, ${stop}),
    d2_on = greatest(least(start_on + 30, ${T} - 1, ${stop}), least(start_on + 150, COALESCE(leave_on, ${T}) - 1, ${T} - 1, ${stop})),
    d2_type = CASE WHEN role = 'mentor' AND cohort >= 2025 THEN 'completed' ELSE 'retained-1' END,
    first_name = (${FIRST_NAMES}::text[])[1 + floor(pg_temp.nat_rnd('first-name:' || ti) * ${FIRST_NAMES.length})::int],
    last_name = (${LAST_NAMES}::text[])[1 + floor(pg_temp.nat_rnd('last-name:' || ti) * ${LAST_NAMES.length})::int]`.execute(tx)
  await sql`ALTER TABLE nat_people ADD PRIMARY KEY (ti)`.execute(tx)
  await sql`CREATE INDEX ON nat_people (pn, slot)`.execute(tx)
  await sql`ANALYZE nat_people`.execute(tx)

  await insertTeachers(tx)
  await insertPeriods(tx)
  await insertMentorships(tx)
  await sql`
    INSERT INTO participant_id_changes (id, teacher_id, from_participant_id, to_participant_id, changed_at)
    SELECT pg_temp.nat_id('national:id-change:' || ti), id, pg_temp.nat_id('national:teacher:' || ti || ':retired'), id,
      ${at(sql`${T} - 100`)}
    FROM nat_people WHERE programme = 'provider_led' AND ti % 997 = 0`.execute(tx)
}

async function insertTeachers(tx: Tx): Promise<void> {
  await sql`
    INSERT INTO teachers (id, trn, first_name, last_name, date_of_birth, ect_training_record_id, mentor_training_record_id,
      ect_eligible_for_funding_at, mentor_eligible_for_funding_at, mentor_ineligible_for_funding_on,
      mentor_ineligible_for_funding_reason, induction_started_on, induction_completed_on,
      latest_induction_period_finished_on, created_at, updated_at)
    SELECT n.id, (2900000 + n.ti)::text, n.first_name, n.last_name,
      date '1975-01-01' + floor(pg_temp.nat_rnd('birth:' || n.ti) * 9000)::int,
      pg_temp.nat_id('national:teacher:' || n.ti || ':ect'), pg_temp.nat_id('national:teacher:' || n.ti || ':mentor'),
      CASE WHEN n.role = 'ect' AND n.programme = 'provider_led' THEN n.created_at END,
      CASE WHEN n.role = 'mentor' THEN n.created_at END,
      CASE WHEN n.d2_type = 'completed' THEN n.d2_on END,
      CASE WHEN n.d2_type = 'completed' THEN 'completed_declaration_received' END,
      CASE WHEN n.role = 'ect' THEN n.start_on END,
      CASE WHEN n.completed THEN make_date(n.cohort + 2, 7, 15) END,
      CASE WHEN n.completed THEN make_date(n.cohort + 2, 7, 15) END,
      n.created_at,
      CASE WHEN n.reported_on IS NULL THEN n.created_at ELSE ${at(sql`n.reported_on + 1`, sql`n.ti % 50000`)} END
    FROM nat_people n ORDER BY n.ti`.execute(tx)
}

async function insertPeriods(tx: Tx): Promise<void> {
  // Leaving is reported 4 days before the leaving date (or T), the new school registers the day after.
  await sql`
    INSERT INTO at_school_periods (id, teacher_id, role, school_id, started_on, finished_on, email, working_pattern,
      reported_leaving_on, leaving_recorded_at, created_at, updated_at)
    SELECT pg_temp.nat_id('national:period:' || n.ti || ':1'), n.id, n.role, n.school_id, n.start_on, n.leave_on,
      lower(n.first_name || '.' || n.last_name || '.' || n.ti || '@school' || n.school_i || '.sch.uk'),
      CASE WHEN n.role = 'ect' THEN CASE WHEN pg_temp.nat_rnd('part-time:' || n.ti) < 0.1 THEN 'part_time' ELSE 'full_time' END END,
      n.leave_on, ${at(sql`n.reported_on`, sql`n.ti % 50000`)}, n.created_at,
      COALESCE(${at(sql`n.reported_on`, sql`n.ti % 50000`)}, n.created_at)
    FROM nat_people n
    UNION ALL
    SELECT pg_temp.nat_id('national:period:' || n.ti || ':2'), n.id, n.role, d.school_id, n.join_on, NULL,
      lower(n.first_name || '.' || n.last_name || '.' || n.ti || '@school' || d.school_i || '.sch.uk'),
      CASE WHEN n.role = 'ect' THEN 'full_time' END, NULL, NULL,
      ${at(sql`n.reported_on + 1`, sql`n.ti % 50000`)}, ${at(sql`n.reported_on + 1`, sql`n.ti % 50000`)}
    FROM nat_people n JOIN nat_partnerships d ON d.pn = n.dest_pn`.execute(tx)
  // Withdrawal and deferral finish the training period on their day (D-12, D-13).
  await sql`
    INSERT INTO training_periods (id, at_school_period_id, teacher_id, role, school_id, training_programme, lead_provider_id,
      cohort_year, partnership_id, schedule_identifier, started_on, finished_on, withdrawn_at, withdrawal_reason,
      deferred_at, deferral_reason, created_at, updated_at)
    SELECT pg_temp.nat_id('national:training:' || n.ti || ':1'), pg_temp.nat_id('national:period:' || n.ti || ':1'), n.id, n.role,
      n.school_id, n.programme, n.lp_id, n.cohort, n.partnership_id,
      CASE WHEN n.programme = 'provider_led' THEN 'ecf-standard-september' END,
      n.start_on, CASE WHEN n.training_status <> 'active' THEN n.action_on
        WHEN n.d2_type = 'completed' THEN n.d2_on + 1 ELSE n.leave_on END,
      CASE WHEN n.training_status = 'withdrawn' THEN ${at(sql`n.action_on`)} END,
      CASE WHEN n.training_status = 'withdrawn' THEN CASE WHEN n.role = 'mentor' THEN 'mentor-no-longer-being-mentor' ELSE 'left-teaching-profession' END END,
      CASE WHEN n.training_status = 'deferred' THEN ${at(sql`n.action_on`)} END,
      CASE WHEN n.training_status = 'deferred' THEN 'parental-leave' END,
      n.created_at,
      CASE WHEN n.training_status <> 'active' THEN ${at(sql`n.action_on`)}
        ELSE COALESCE(${at(sql`n.reported_on`, sql`n.ti % 50000`)}, n.created_at) END
    FROM nat_people n
    UNION ALL
    SELECT pg_temp.nat_id('national:training:' || n.ti || ':2'), pg_temp.nat_id('national:period:' || n.ti || ':2'), n.id, n.role,
      d.school_id, 'provider_led', d.lp_id, n.cohort, d.id, 'ecf-standard-september', n.join_on, NULL, NULL, NULL, NULL, NULL,
      ${at(sql`n.reported_on + 1`, sql`n.ti % 50000`)}, ${at(sql`n.reported_on + 1`, sql`n.ti % 50000`)}
    FROM nat_people n JOIN nat_partnerships d ON d.pn = n.dest_pn`.execute(tx)
}

/** One mentorship per ECT period, inside both periods (R-10); none when they never overlap. */
async function insertMentorships(tx: Tx): Promise<void> {
  await sql`
    INSERT INTO mentorships (id, ect_period_id, ect_teacher_id, mentor_period_id, mentor_teacher_id, school_id, started_on, finished_on,
      created_at, updated_at)
    SELECT pg_temp.nat_id('national:mentorship:' || e.ti), pg_temp.nat_id('national:period:' || e.ti || ':1'), e.id,
      pg_temp.nat_id('national:period:' || m.ti || ':1'), m.id, e.school_id,
      greatest(e.start_on, m.start_on), least(e.leave_on, m.leave_on),
      greatest(e.created_at, m.created_at), greatest(e.created_at, m.created_at)
    FROM nat_people e JOIN nat_people m ON m.pn = e.mentor_pn AND m.slot = 0
    WHERE e.role = 'ect' AND (least(e.leave_on, m.leave_on) IS NULL OR least(e.leave_on, m.leave_on) > greatest(e.start_on, m.start_on))`.execute(tx)
}
