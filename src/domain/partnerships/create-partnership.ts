// P-51 … P-53: a lead provider confirms a partnership with a school (POST /api/v3/partnerships).
import { sql } from 'kysely'
import { newId } from '../ids.ts'
import type { Clock } from '../../clock.ts'
import { unexplainedConflict } from '../../db/constraints.ts'
import type { Tx } from '../../db/transaction.ts'
import { InvalidError } from '../../errors.ts'
import { insertRecorded } from '../events.ts'
import { bumpSchoolCohort } from '../stamps.ts'
import { attachEoiTraining } from './attach-eoi-training.ts'
import { cohortYearOf, createProblems, idOf, programmeChoiceOf, type CreateFacts, type WireText } from './rules.ts'
import { partnershipInsertUnlessTaken, PARTNERSHIP_CONSTRAINTS } from './store.ts'

export type CreatePartnershipInput = { cohort: WireText; school_id: WireText; delivery_partner_id: WireText }

/**
 * P-52's facts in one statement (Q-4: a POST is a handful of round trips): each is looked up
 * only from the ones it depends on, as the checks read them — a pairing needs the cohort, a
 * duplicate and the programme need the school and the cohort.
 */
async function loadFacts(tx: Tx, leadProviderId: string, input: CreatePartnershipInput): Promise<CreateFacts> {
  const year = cohortYearOf(input.cohort)
  const schoolId = idOf(input.school_id)
  const deliveryPartnerId = idOf(input.delivery_partner_id)
  const { rows: [row] } = await sql<{
    year: number | null; starts_on: string | null; partnerships_open: boolean | null; school_id: string | null; eligible: boolean | null
    delivery_partner_found: boolean; paired: boolean; duplicate: boolean; any_provider_led: boolean | null; periods: number
  }>`
    SELECT c.year, c.starts_on, c.partnerships_open, s.id AS school_id, s.eligible,
      EXISTS (SELECT 1 FROM delivery_partners WHERE id = ${deliveryPartnerId}::uuid) AS delivery_partner_found,
      EXISTS (SELECT 1 FROM lead_provider_delivery_partners
        WHERE lead_provider_id = ${leadProviderId} AND delivery_partner_id = ${deliveryPartnerId}::uuid AND cohort_year = c.year) AS paired,
      EXISTS (SELECT 1 FROM partnerships WHERE school_id = s.id AND lead_provider_id = ${leadProviderId} AND cohort_year = c.year) AS duplicate,
      (SELECT bool_or(training_programme = 'provider_led') FROM training_periods WHERE school_id = s.id AND cohort_year = c.year) AS any_provider_led,
      (SELECT count(*)::int FROM training_periods WHERE school_id = s.id AND cohort_year = c.year) AS periods
    FROM (SELECT 1) AS one
    LEFT JOIN cohorts c ON c.year = ${year}::integer
    LEFT JOIN schools s ON s.id = ${schoolId}::uuid`.execute(tx)
  const cohort = row!.year === null ? null : { year: row!.year, starts_on: row!.starts_on!, partnerships_open: row!.partnerships_open! }
  const school = row!.school_id === null ? null : { id: row!.school_id, eligible: row!.eligible! }
  const both = school !== null && cohort !== null
  return {
    cohort,
    school,
    deliveryPartnerFound: row!.delivery_partner_found,
    paired: row!.paired,
    duplicate: both && row!.duplicate,
    programme: both ? programmeChoiceOf({ anyProviderLed: row!.any_provider_led === true, count: Number(row!.periods) }) : null,
  }
}

async function check(tx: Tx, clock: Clock, leadProviderId: string, input: CreatePartnershipInput) {
  const facts = await loadFacts(tx, leadProviderId, input)
  const problems = createProblems(input, facts, clock.today)
  if (problems.length > 0) throw new InvalidError(problems)
  return facts as CreateFacts & { cohort: { year: number }; school: { id: string } }
}

export async function createPartnership(tx: Tx, clock: Clock, leadProviderId: string, input: CreatePartnershipInput): Promise<{ id: string }> {
  const facts = await check(tx, clock, leadProviderId, input)
  const key = { id: newId(tx, 'partnership'), school_id: facts.school.id, lead_provider_id: leadProviderId, cohort_year: facts.cohort.year }
  const deliveryPartnerId = idOf(input.delivery_partner_id)!
  // P-6 under a race without a savepoint (Q-4: two round trips fewer): a row already holding the
  // school, lead provider and cohort means a concurrent creation won. The event (C-81) is written
  // by the same statement, only with the row.
  const row = {
    ...key,
    delivery_partner_id: deliveryPartnerId,
    additional: false,
    created_by: 'lead_provider' as const,
    carried_from_partnership_id: null,
    first_attached_at: null,
    created_at: clock.now,
    updated_at: clock.now,
  }
  const inserted = await insertRecorded(tx, clock, partnershipInsertUnlessTaken(tx, row), {
    author: 'lead_provider',
    lead_provider_id: leadProviderId,
    action: 'partnership.created',
    subject_type: 'partnership',
    subject_id: key.id,
    data: { school_id: key.school_id, delivery_partner_id: deliveryPartnerId, cohort: key.cohort_year },
  })
  if (!inserted) {
    // P-53, Q-10: the re-run checks now see the winner and give row 11.
    await check(tx, clock, leadProviderId, input)
    throw unexplainedConflict(PARTNERSHIP_CONSTRAINTS[0])
  }
  // P-33 in the same transaction; P-37: a partnership of the school in the cohort was created.
  // The EOI teachers' rows before the school's cohort stamp, the order of the school actions
  // (Touched.bump), so the two never wait on each other in a cycle.
  await attachEoiTraining(tx, clock, key)
  await bumpSchoolCohort(tx, clock.now, key.school_id, key.cohort_year)
  return { id: key.id }
}
