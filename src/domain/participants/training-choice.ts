// The training part of a registration (R-19 … R-22) and of a change of training (R-26 … R-29):
// the checks they share on lead provider, cohort and partnership, and creating the new period
// with its schedule (D-37) and partnership (P-5, P-34).
import { newId } from '../ids.ts'
import type { Clock } from '../../clock.ts'
import type { Role, TrainingProgramme } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'
import { makeDeclarationsEligible } from '../declarations/make-declarations-eligible.ts'
import { setPaymentsFrozenYear } from '../participant-actions/store.ts'
import { partnershipForNewTraining } from '../partnerships/partnership-for-new-training.ts'
import type { Problems } from '../problems.ts'
import { say } from '../problems.ts'
import type { PeriodRef } from './cut-periods.ts'
import { isPaymentsFrozen, text, type CohortDates } from './rules.ts'
import { defaultSchedule } from './schedule.ts'
import { findLeadProvider, insertTraining, leadProviderAvailable, partnershipMatches, setEligibleForFunding } from './store.ts'
import type { Touched } from './touched.ts'

export type TrainingChoice = {
  training_programme?: TrainingProgramme
  lead_provider_id?: string | null
  cohort?: number
  partnership_id?: string | null
  use_previous_partnership?: boolean
}

/**
 * when the body names no cohort: a year (with the payments-frozen year it was moved
 * from by D-38, if so), the date no cohort contains, or unknown.
 */
export type DerivedCohort = { year: number; frozenFrom?: number | null } | { noCohortFor: string } | null

export type ResolvedChoice = { leadProvider: { id: string; name: string } | null; cohortYear: number | null; frozenFrom?: number | null }

/**
 * The R-20 rows on `lead_provider_id`, `cohort` and `partnership_id` that look at stored records
 * (R-27 says "as R-20"). The cohort and availability checks run only when training is created.
 */
export async function checkTrainingChoice(
  tx: Tx,
  clock: Clock,
  input: { school_id: string; choice: TrainingChoice; createsTraining: boolean; cohorts: readonly CohortDates[]; derive: () => Promise<DerivedCohort> },
  problems: Problems,
): Promise<ResolvedChoice> {
  const { choice } = input
  const providerLed = choice.training_programme === 'provider_led'
  let leadProvider: ResolvedChoice['leadProvider'] = null
  if (providerLed && !problems.has('lead_provider_id') && choice.lead_provider_id) {
    leadProvider = (await findLeadProvider(tx, choice.lead_provider_id)) ?? null
    if (leadProvider === null) problems.add('lead_provider_id', say.invalid('lead_provider_id'))
  }
  if (!input.createsTraining) return { leadProvider, cohortYear: null }

  let cohortYear: number | null = null
  let frozenFrom: number | null = null
  if (choice.cohort !== undefined) {
    if (!problems.has('cohort')) {
      const cohort = input.cohorts.find((c) => c.year === choice.cohort)
      if (cohort === undefined) problems.add('cohort', say.invalid('cohort'))
      else if (isPaymentsFrozen(cohort, clock.today)) problems.add('cohort', text.frozenCohort)
      else cohortYear = cohort.year
    }
  } else {
    const derived = await input.derive()
    if (derived !== null && 'year' in derived) [cohortYear, frozenFrom] = [derived.year, derived.frozenFrom ?? null]
    else if (derived !== null) problems.add('cohort', text.noCohortFor(derived.noCohortFor))
  }
  if (leadProvider === null || cohortYear === null) return { leadProvider, cohortYear, frozenFrom }

  if (!(await leadProviderAvailable(tx, leadProvider.id, cohortYear))) {
    problems.add('lead_provider_id', text.notWorkingInCohort(leadProvider.name, cohortYear))
  }
  if (choice.partnership_id && !problems.has('partnership_id') && !problems.has('lead_provider_id')) {
    if (!(await partnershipMatches(tx, choice.partnership_id, input.school_id, leadProvider.id, cohortYear))) {
      problems.add('partnership_id', say.invalid('partnership_id'))
    }
  }
  return { leadProvider, cohortYear, frozenFrom }
}

/** R-9 then D-50: a role that becomes funding-eligible makes its submitted declarations eligible. */
export async function becomeEligible(tx: Tx, clock: Clock, teacherId: string, role: Role): Promise<void> {
  if (await setEligibleForFunding(tx, teacherId, role, clock.now)) await makeDeclarationsEligible(tx, clock, teacherId, role)
}

export type NewTraining = {
  period: PeriodRef
  training_programme: TrainingProgramme
  lead_provider_id: string | null
  cohort_year: number
  partnership_id: string | null
  use_previous_partnership: boolean
  started_on: string
  finished_on: string | null
  /** D-38: the payments-frozen cohort this ECT training was moved from into 2024. */
  frozen_from?: number | null
}

/**
 * R-22 step 4 and R-29: the new training period. Provider-led: the default schedule and the
 * partnership of P-5 / P-34, else awaiting partnership; school-led: a school-led period for an
 * ECT, nothing for a mentor. A mentor's first provider-led period sets the funding fact;
 * a D-38 reassignment records the ECT's payments-frozen year (D-9).
 */
export async function startTraining(tx: Tx, clock: Clock, training: NewTraining, touched: Touched): Promise<string | null> {
  const { period } = training
  if (training.training_programme === 'school_led' && period.role === 'mentor') return null
  const id = newId(tx, 'training-period')
  let partnershipId: string | null = null
  let schedule: string | null = null
  if (training.training_programme === 'provider_led') {
    schedule = await defaultSchedule(tx, clock, period.teacher_id, period.role, training.started_on, Boolean(training.frozen_from))
    partnershipId = await partnershipForNewTraining(tx, clock, {
      school_id: period.school_id,
      lead_provider_id: training.lead_provider_id!,
      cohort_year: training.cohort_year,
      partnership_id: training.partnership_id,
      use_previous_partnership: training.use_previous_partnership,
    })
  }
  await insertTraining(tx, {
    id,
    at_school_period_id: period.id,
    teacher_id: period.teacher_id,
    role: period.role,
    school_id: period.school_id,
    training_programme: training.training_programme,
    lead_provider_id: training.training_programme === 'provider_led' ? training.lead_provider_id : null,
    cohort_year: training.cohort_year,
    partnership_id: partnershipId,
    schedule_identifier: schedule,
    began_as_eoi: training.training_programme === 'provider_led' && partnershipId === null,
    started_on: training.started_on,
    finished_on: training.finished_on,
    withdrawn_at: null,
    withdrawal_reason: null,
    deferred_at: null,
    deferral_reason: null,
    created_at: clock.now,
    updated_at: clock.now,
  })
  // P-27 rule 2 and P-36 when attached at once (with the other stamps, Touched.bump); P-37 for the cohort; R-14.
  if (training.frozen_from) await setPaymentsFrozenYear(tx, period.teacher_id, 'ect', training.frozen_from)
  touched.teacher(period.teacher_id).attached(partnershipId).schoolCohort(period.school_id, training.cohort_year)
  if (training.training_programme === 'provider_led' && partnershipId === null) {
    touched.eoiPeriod({ school_id: period.school_id, lead_provider_id: training.lead_provider_id!, cohort_year: training.cohort_year })
  }
  if (period.role === 'mentor' && training.training_programme === 'provider_led') {
    await becomeEligible(tx, clock, period.teacher_id, 'mentor')
  }
  return id
}
