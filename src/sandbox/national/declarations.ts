// S-41 statements and declarations: every lead provider's calendar for every cohort up to C
// with the statuses the replay of S-37 would leave, and two declarations on the first training
// period of each provider-led participant, each on the first statement of its lead provider
// and cohort whose cut-off date is on or after its date: paid, payable or eligible as that
// statement is. 2 % of the unpaid ones are voided, 1 % of the paid ones await clawback on the
// next open statement (D-41, D-51).
import { sql, type Insertable } from 'kysely'
import { addDays, londonInstant } from '../../clock.ts'
import type { StatementStatus, StatementsTable } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'
import { isNewRules } from '../../domain/declarations/rules.ts'
import { standardCalendar } from '../../domain/statements/rules.ts'
import type { SeedDates } from '../dates.ts'
import { seedId } from '../derive.ts'
import type { LeadProviderPlan } from '../reference.ts'

type StatementSeed = Insertable<StatementsTable>

/** S-37: payable the day after the cut-off, paid on the payment date; the latest past cut-off of an unfrozen cohort stays payable. */
export function nationalStatements(seed: number, dates: SeedDates, leadProviders: LeadProviderPlan[]): StatementSeed[] {
  const T = dates.seedingDate
  const out: StatementSeed[] = []
  for (const cohort of dates.cohorts.filter((c) => c.year <= dates.current)) {
    const frozen = cohort.payments_frozen_on
    const calendar = standardCalendar(cohort.year).filter((s) => frozen === null || s.cut_off_date < frozen)
    const lastPast = frozen === null ? calendar.filter((s) => s.cut_off_date < T).at(-1) : undefined
    for (const lp of leadProviders) {
      for (const s of calendar) {
        const payableAt = londonInstant(addDays(s.cut_off_date, 1), '10:00:00')
        const paidAt = londonInstant(s.payment_date, '10:00:00')
        const status: StatementStatus = s.cut_off_date >= T ? 'open' : s === lastPast || s.payment_date > T ? 'payable' : 'paid'
        const created = londonInstant(`${cohort.year}-07-01`, '10:00:00')
        out.push({
          id: seedId(seed, `national:statement:${lp.slug}:${cohort.year}:${s.year}-${s.month}`),
          lead_provider_id: lp.id,
          cohort_year: cohort.year,
          ...s,
          status,
          marked_as_paid_at: status === 'paid' ? paidAt : null,
          created_at: created,
          updated_at: status === 'paid' ? paidAt : status === 'payable' ? payableAt : created,
        })
      }
    }
  }
  return out
}

export async function seedNationalDeclarations(tx: Tx, seed: number, dates: SeedDates, leadProviders: LeadProviderPlan[]): Promise<void> {
  const statements = nationalStatements(seed, dates, leadProviders)
  await tx.insertInto('statements').values(statements).execute()
  await sql`CREATE TEMP TABLE nat_statements ON COMMIT DROP AS
    SELECT id, lead_provider_id, cohort_year, cut_off_date, status, updated_at FROM statements`.execute(tx)
  await sql`CREATE INDEX ON nat_statements (lead_provider_id, cohort_year, cut_off_date)`.execute(tx)
  await sql`ANALYZE nat_statements`.execute(tx)
  const newRules = dates.cohorts.map((c) => c.year).filter(isNewRules)
  const T = sql`${dates.seedingDate}::date`
  await sql`
    WITH made AS (
      SELECT n.ti, n.id AS teacher_id, n.role, n.lp_id, n.cohort, kind.declaration_type, kind.on_date,
        (kind.on_date + time '09:00')::timestamp AT TIME ZONE 'Europe/London' AS declared_at,
        p.dp_id, s.pupil_premium_uplift AND c.uplift_fees_enabled AS pupil_premium_uplift,
        s.sparsity_uplift AND c.uplift_fees_enabled AS sparsity_uplift,
        pg_temp.nat_rnd('declaration-fate:' || n.ti || ':' || kind.declaration_type) AS fate
      FROM nat_people n
      JOIN nat_partnerships p ON p.pn = n.pn
      JOIN schools s ON s.id = n.school_id
      JOIN cohorts c ON c.year = n.cohort
      CROSS JOIN LATERAL (VALUES ('started', n.d1_on), (n.d2_type, n.d2_on)) kind (declaration_type, on_date)
      WHERE n.programme = 'provider_led'
    )
    INSERT INTO declarations (id, training_period_id, teacher_id, role, lead_provider_id, declaration_type, declaration_date,
      evidence_held, mentor_teacher_id, delivery_partner_id, pupil_premium_uplift, sparsity_uplift, payment_status,
      clawback_status, statement_id, clawback_statement_id, voided_at, created_at, updated_at)
    SELECT pg_temp.nat_id('national:declaration:' || m.ti || ':' || m.declaration_type),
      pg_temp.nat_id('national:training:' || m.ti || ':1'), m.teacher_id, m.role, m.lp_id, m.declaration_type, m.declared_at,
      CASE m.declaration_type
        WHEN 'started' THEN CASE WHEN m.cohort = ANY (${newRules}::int[]) THEN 'training-event-attended' END
        WHEN 'completed' THEN '75-percent-engagement-met'
        ELSE 'self-study-material-completed' END,
      CASE WHEN m.role = 'ect' THEN (SELECT ms.mentor_teacher_id FROM mentorships ms WHERE ms.ect_teacher_id = m.teacher_id LIMIT 1) END,
      m.dp_id, m.pupil_premium_uplift, m.sparsity_uplift,
      CASE WHEN st.id IS NULL THEN 'submitted' WHEN st.status <> 'paid' AND m.fate < 0.02 THEN 'voided'
        WHEN st.status = 'open' THEN 'eligible' ELSE st.status END,
      CASE WHEN st.status = 'paid' AND m.fate < 0.01 AND claw.id IS NOT NULL THEN 'awaiting-clawback' ELSE 'none' END,
      st.id,
      CASE WHEN st.status = 'paid' AND m.fate < 0.01 THEN claw.id END,
      CASE WHEN st.status <> 'paid' AND m.fate < 0.02 THEN m.declared_at + interval '12 hours' END,
      m.declared_at,
      CASE WHEN st.status <> 'paid' AND m.fate < 0.02 THEN m.declared_at + interval '12 hours'
        ELSE greatest(m.declared_at, st.updated_at) END
    FROM made m
    LEFT JOIN LATERAL (
      SELECT x.id, x.status, x.updated_at FROM nat_statements x
      WHERE x.lead_provider_id = m.lp_id AND x.cohort_year = m.cohort AND x.cut_off_date >= m.on_date
      ORDER BY x.cut_off_date LIMIT 1) st ON true
    LEFT JOIN LATERAL (
      SELECT x.id FROM nat_statements x
      WHERE x.lead_provider_id = m.lp_id AND x.cohort_year = m.cohort AND x.status = 'open' AND x.cut_off_date >= ${T}
      ORDER BY x.cut_off_date LIMIT 1) claw ON true
    ORDER BY m.ti, m.declaration_type DESC`.execute(tx)
}
