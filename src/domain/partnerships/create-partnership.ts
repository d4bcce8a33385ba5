// P-51 … P-53: a lead provider confirms a partnership with a school (POST /api/v3/partnerships).
import { sql, type Insertable } from 'kysely'
import { newId } from '../ids.ts'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/connect.ts'
import type { PartnershipsTable } from '../../db/schema.ts'
import { unexplainedConflict, violatedConstraint } from '../../db/constraints.ts'
import type { Tx } from '../../db/transaction.ts'
import { InvalidError } from '../../errors.ts'
import { eventForStatement, recordEvent } from '../events.ts'
import { cohortYearOf, createProblems, idOf, programmeChoiceOf, type CreateFacts, type WireText } from './rules.ts'
import { PARTNERSHIP_CONSTRAINTS } from './store.ts'

export type CreatePartnershipInput = { cohort: WireText; school_id: WireText; delivery_partner_id: WireText }

/**
 * P-52's facts in one statement (Q-4: a POST is a handful of round trips): each is looked up
 * only from the ones it depends on, as the checks read them — a pairing needs the cohort, a
 * duplicate and the programme need the school and the cohort.
 */
/** The one row of loadFacts' statement: a cohort's and a school's columns are null when none was found. */
type FactsRow = {
  year: number | null
  starts_on: string | null
  partnerships_open: boolean | null
  school_id: string | null
  eligible: boolean | null
  delivery_partner_found: boolean
  paired: boolean
  duplicate: boolean
  any_provider_led: boolean | null
  periods: number
}

/** P-52's facts, with the cohort's year and the school's id the write needs. */
type LoadedFacts = Omit<CreateFacts, 'cohort' | 'school'> & {
  cohort: (NonNullable<CreateFacts['cohort']> & { year: number }) | null
  school: (NonNullable<CreateFacts['school']> & { id: string }) | null
}

async function loadFacts(db: Db, leadProviderId: string, input: CreatePartnershipInput): Promise<LoadedFacts> {
  const year = cohortYearOf(input.cohort)
  const schoolId = idOf(input.school_id)
  const deliveryPartnerId = idOf(input.delivery_partner_id)
  const { rows } = await sql<FactsRow>`
    SELECT c.year, c.starts_on, c.partnerships_open, s.id AS school_id, s.eligible,
      EXISTS (SELECT 1 FROM delivery_partners WHERE id = ${deliveryPartnerId}::uuid) AS delivery_partner_found,
      EXISTS (SELECT 1 FROM lead_provider_delivery_partners
        WHERE lead_provider_id = ${leadProviderId} AND delivery_partner_id = ${deliveryPartnerId}::uuid AND cohort_year = c.year) AS paired,
      EXISTS (SELECT 1 FROM partnerships WHERE school_id = s.id AND lead_provider_id = ${leadProviderId} AND cohort_year = c.year) AS duplicate,
      (SELECT bool_or(training_programme = 'provider_led') FROM training_periods WHERE school_id = s.id AND cohort_year = c.year) AS any_provider_led,
      (SELECT count(*)::int FROM training_periods WHERE school_id = s.id AND cohort_year = c.year) AS periods
    FROM (SELECT 1) AS one
    LEFT JOIN cohorts c ON c.year = ${year}::integer
    LEFT JOIN schools s ON s.id = ${schoolId}::uuid`.execute(db)
  const [row] = rows
  if (row === undefined) throw new Error('the facts of a partnership are one row')
  return factsOf(row)
}

function factsOf(row: FactsRow): LoadedFacts {
  const { year, starts_on, partnerships_open, school_id, eligible } = row
  const cohort = year !== null && starts_on !== null && partnerships_open !== null ? { year, starts_on, partnerships_open } : null
  const school = school_id !== null && eligible !== null ? { id: school_id, eligible } : null
  const both = school !== null && cohort !== null
  return {
    cohort,
    school,
    deliveryPartnerFound: row.delivery_partner_found,
    paired: row.paired,
    duplicate: both && row.duplicate,
    programme: both ? programmeChoiceOf({ anyProviderLed: row.any_provider_led === true, count: Number(row.periods) }) : null,
  }
}

async function check(db: Db, clock: Clock, leadProviderId: string, input: CreatePartnershipInput) {
  const facts = await loadFacts(db, leadProviderId, input)
  const problems = createProblems(input, facts, clock.today)
  const deliveryPartnerId = idOf(input.delivery_partner_id)
  if (problems.length > 0) throw new InvalidError(problems)
  // P-52's checks pass only with all three found.
  if (facts.cohort === null || facts.school === null || deliveryPartnerId === null) throw new Error('P-52 passed without a cohort, a school or a delivery partner')
  return { cohort: facts.cohort, school: facts.school, deliveryPartnerId }
}

/**
 * The checks, then every write in one statement (partnership_create, 0014): the row, its event
 * (C-81), P-33's EOI training and P-37's stamp. `db` may be a transaction (the sandbox's scenes);
 * from the API it is not, and that one statement is the command's transaction (inOneStatement).
 */
export async function createPartnership(db: Db, clock: Clock, leadProviderId: string, input: CreatePartnershipInput): Promise<{ id: string }> {
  const { cohort, school, deliveryPartnerId } = await check(db, clock, leadProviderId, input)
  const id = newId(db, 'partnership')
  // Every column: partnership_create reads the row with jsonb_populate_record, where a missing key is null.
  const row: Required<Insertable<PartnershipsTable>> = {
    id,
    school_id: school.id,
    lead_provider_id: leadProviderId,
    delivery_partner_id: deliveryPartnerId,
    cohort_year: cohort.year,
    additional: false,
    created_by: 'lead_provider',
    carried_from_partnership_id: null,
    first_attached_at: null,
    created_at: clock.now,
    updated_at: clock.now,
  }
  const event = {
    author: 'lead_provider' as const,
    lead_provider_id: leadProviderId,
    action: 'partnership.created',
    subject_type: 'partnership',
    subject_id: id,
    data: { school_id: row.school_id, delivery_partner_id: deliveryPartnerId, cohort: row.cohort_year },
  }
  const inline = eventForStatement(db, clock, event)
  try {
    await sql`SELECT partnership_create(${JSON.stringify(row)}::jsonb, ${inline}::jsonb)`.execute(db)
  } catch (error) {
    // P-6 under a race, P-53, Q-10: a concurrent creation won and the statement wrote nothing;
    // the re-run checks now see the winner and give row 11.
    // Inside a caller's transaction the failed statement has aborted it: nothing more can be read.
    const constraint = violatedConstraint(error)
    if (db.isTransaction || constraint === null || !(PARTNERSHIP_CONSTRAINTS as readonly string[]).includes(constraint)) throw error
    await check(db, clock, leadProviderId, input)
    throw unexplainedConflict(constraint)
  }
  // Only a transaction holds its events (the seed's replay).
  if (inline === null) await recordEvent(db as Tx, clock, event)
  return { id }
}
