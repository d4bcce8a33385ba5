// What the registration and training journeys offer (W-51 step 9, W-53, W-61, W-70): the cohort a
// registration would land in (R-21, D-38), the lead providers available in it (P-2), and the
// "use the same choices" offer with the delivery partner it would bring.
import type { Kysely } from 'kysely'
import type { Clock } from '../../clock.ts'
import type { Database, Role } from '../../db/schema.ts'
import { cohortOf, reassignFrozenCohort } from '../../domain/participants/rules.ts'
import type { Offer } from './forms/register.ts'
import * as q from './queries.ts'

type Db = Kysely<Database>

/** R-21 for a provider-led registration: rule 1 for a teacher trained before, else the date rule. */
export async function registrationCohort(db: Db, clock: Clock, role: Role, teacherId: string | null, startedOn: string): Promise<number | null> {
  const cohorts = await q.cohorts(db)
  const previous = teacherId ? await q.latestProviderLedCohort(db, teacherId, role) : undefined
  if (previous) return role === 'ect' ? reassignFrozenCohort(previous.cohort_year, cohorts, clock.today).year : previous.cohort_year
  return cohortOf(startedOn > clock.today ? startedOn : clock.today, cohorts)?.year ?? null
}

/** W-53: offered when the school's latest ECT training is school-led, or provider-led with a lead provider available in C. */
export async function sameChoicesOffer(db: Db, schoolId: string, cohortYear: number | null): Promise<Offer | null> {
  const last = await q.latestEctTraining(db, schoolId)
  if (last === undefined) return null
  if (last.training_programme === 'school_led') return { training_programme: 'school_led', lead_provider_id: null, lead_provider_name: null, delivery_partner: null }
  if (cohortYear === null || last.lead_provider_id === null) return null
  const available = await q.leadProvidersAvailable(db, cohortYear)
  if (!available.some((lp) => lp.id === last.lead_provider_id)) return null
  const name = last.lead_provider_name!
  const primary = await q.primaryPartnershipPartner(db, schoolId, last.lead_provider_id, cohortYear)
  const carried = primary ? undefined : await q.carryForwardPartner(db, schoolId, last.lead_provider_id, cohortYear)
  const deliveryPartner = primary ? primary.name : carried ? `${carried.name} (continuing from ${carried.cohort_year})` : `To be confirmed by ${name}`
  return { training_programme: 'provider_led', lead_provider_id: last.lead_provider_id, lead_provider_name: name, delivery_partner: deliveryPartner }
}
