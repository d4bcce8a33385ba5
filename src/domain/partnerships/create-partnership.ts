// P-51 … P-53: a lead provider confirms a partnership with a school (POST /api/v3/partnerships).
import { newId } from '../ids.ts'
import type { Clock } from '../../clock.ts'
import { unexplainedConflict, writeOrConflict } from '../../db/constraints.ts'
import type { Tx } from '../../db/transaction.ts'
import { InvalidError } from '../../errors.ts'
import { recordEvent } from '../events.ts'
import { bumpSchoolCohort } from '../stamps.ts'
import { attachEoiTraining } from './attach-eoi-training.ts'
import { cohortYearOf, createProblems, idOf, programmeChoiceOf, type CreateFacts, type WireText } from './rules.ts'
import {
  findCohort,
  findDeliveryPartner,
  findSchoolById,
  hasPartnershipWith,
  insertPartnership,
  pairingExists,
  PARTNERSHIP_CONSTRAINTS,
  trainingOfCohort,
} from './store.ts'

export type CreatePartnershipInput = { cohort: WireText; school_id: WireText; delivery_partner_id: WireText }

async function loadFacts(tx: Tx, leadProviderId: string, input: CreatePartnershipInput): Promise<CreateFacts> {
  const year = cohortYearOf(input.cohort)
  const schoolId = idOf(input.school_id)
  const deliveryPartnerId = idOf(input.delivery_partner_id)
  const cohort = year === null ? null : ((await findCohort(tx, year)) ?? null)
  const school = schoolId === null ? null : ((await findSchoolById(tx, schoolId)) ?? null)
  const deliveryPartnerFound = deliveryPartnerId !== null && (await findDeliveryPartner(tx, deliveryPartnerId)) !== undefined
  const paired = deliveryPartnerFound && cohort !== null && (await pairingExists(tx, leadProviderId, deliveryPartnerId!, cohort.year))
  const both = school !== null && cohort !== null
  return {
    cohort,
    school,
    deliveryPartnerFound,
    paired,
    duplicate: both && (await hasPartnershipWith(tx, school.id, leadProviderId, cohort.year)),
    programme: both ? programmeChoiceOf(await trainingOfCohort(tx, school.id, cohort.year)) : null,
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
  const conflict = await writeOrConflict(tx, PARTNERSHIP_CONSTRAINTS, () =>
    insertPartnership(tx, {
      ...key,
      delivery_partner_id: deliveryPartnerId,
      additional: false,
      created_by: 'lead_provider',
      carried_from_partnership_id: null,
      first_attached_at: null,
      created_at: clock.now,
      updated_at: clock.now,
    }),
  )
  if (conflict !== null) {
    // P-53, Q-10: a concurrent creation won; the re-run checks now see it and give row 11.
    await check(tx, clock, leadProviderId, input)
    throw unexplainedConflict(conflict)
  }
  await recordEvent(tx, clock, {
    author: 'lead_provider',
    lead_provider_id: leadProviderId,
    action: 'partnership.created',
    subject_type: 'partnership',
    subject_id: key.id,
    data: { school_id: key.school_id, delivery_partner_id: deliveryPartnerId, cohort: key.cohort_year },
  })
  // P-33 in the same transaction; P-37: a partnership of the school in the cohort was created.
  // The EOI teachers' rows before the school's cohort stamp, the order of the school actions
  // (Touched.bump), so the two never wait on each other in a cycle.
  await attachEoiTraining(tx, clock, key)
  await bumpSchoolCohort(tx, clock.now, key.school_id, key.cohort_year)
  return { id: key.id }
}
