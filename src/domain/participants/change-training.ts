// R-26 … R-29: a school changes an ECT's or mentor's training programme or lead provider from a
// date: the old training is cut there (R-12, awaiting periods withdrawn), the new one starts.
import type { Clock } from '../../clock.ts'
import { writeGuarded } from '../../db/constraints.ts'
import type { Tx } from '../../db/transaction.ts'
import { recordEvent } from '../events.ts'
import { Problems } from '../problems.ts'
import { cutTraining } from './cut-periods.ts'
import { cohortOf, fullName, inForceOn, isFinished, latest, reassignFrozenCohort, text, withOrder } from './rules.ts'
import { allCohorts, latestProviderLedTraining, lockParticipant, touchPeriod, trainingOfPeriod, type TrainingRow } from './store.ts'
import { checkTrainingChoice, startTraining, type DerivedCohort, type TrainingChoice } from './training-choice.ts'
import { Touched } from './touched.ts'

export const TRAINING_FIELDS = ['participant_id', 'training_programme', 'lead_provider_id', 'started_on', 'cohort', 'partnership_id', 'use_previous_partnership'] as const

export type TrainingInput = TrainingChoice & { started_on?: string }

const isAwaiting = (tp: TrainingRow) => tp.training_programme === 'provider_led' && tp.partnership_id === null

export async function changeTraining(
  tx: Tx,
  clock: Clock,
  periodId: string,
  input: TrainingInput,
  given: Problems = new Problems(TRAINING_FIELDS),
): Promise<{ id: string }> {
  const problems = withOrder(given, TRAINING_FIELDS)
  const { teacher, period } = await lockParticipant(tx, periodId)
  const name = fullName(teacher)
  const today = clock.today
  const startedOn = problems.has('started_on') ? undefined : (input.started_on ?? today)
  const programme = problems.has('training_programme') ? undefined : input.training_programme

  const check = async (into: Problems) => {
    const trainings = await trainingOfPeriod(tx, period.id)
    if (isFinished(period, today)) into.add('participant_id', text.leftSchool(name, period.finished_on!))
    const inForce = startedOn === undefined ? undefined : trainings.find((tp) => inForceOn(tp, startedOn))
    // C-76: the date is compared with the period only when the participant passed its own check.
    if (startedOn !== undefined && !into.has('participant_id')) {
      if (startedOn < period.started_on) into.add('started_on', text.changeOnOrAfter(period.started_on, name))
      if (period.finished_on !== null && startedOn >= period.finished_on) into.add('started_on', text.changeBefore(period.finished_on, name))
      // no training that started before today is emptied or deleted, awaiting periods aside.
      const started = latest(trainings.filter((tp) => tp.started_on < today && !isAwaiting(tp)))
      if (started && startedOn <= started.started_on) into.add('started_on', text.latestTrainingHere(name, started.started_on))
      const schoolLedAlready = period.role === 'ect' ? inForce?.training_programme === 'school_led' : inForce === undefined
      if (programme === 'school_led' && schoolLedAlready) into.add('training_programme', text.alreadySchoolLed)
    }
    const cohorts = await allCohorts(tx)
    const derive = async (): Promise<DerivedCohort> => {
      // R-28: the cohort of the training in force, else of the period's latest, else R-21's date rule.
      if (startedOn === undefined) return null
      const from = inForce ?? latest(trainings)
      if (from) {
        // D-38: new provider-led ECT training in the cohort of the earlier one, payments-frozen today, goes to 2024.
        const earlier = programme === 'provider_led' && period.role === 'ect' ? await latestProviderLedTraining(tx, teacher.id, 'ect') : undefined
        return earlier?.cohort_year === from.cohort_year ? reassignFrozenCohort(from.cohort_year, cohorts, today) : { year: from.cohort_year }
      }
      const day = startedOn > today ? startedOn : today
      const cohort = cohortOf(day, cohorts)
      return cohort ? { year: cohort.year } : { noCohortFor: day }
    }
    const createsTraining = programme !== undefined && (programme === 'provider_led' || period.role === 'ect')
    const choice = { ...input, training_programme: programme }
    const resolved = await checkTrainingChoice(tx, clock, { school_id: period.school_id, choice, createsTraining, cohorts, derive }, into)
    if (programme === 'provider_led' && resolved.leadProvider && inForce?.lead_provider_id === resolved.leadProvider.id) {
      into.add('lead_provider_id', text.differentLeadProvider)
    }
    return resolved
  }
  const resolved = await check(problems)
  problems.throwIfAny()

  const from = startedOn!
  await writeGuarded(
    tx,
    async () => {
      const touched = new Touched().teacher(teacher.id)
      await cutTraining(tx, clock, period, from, true, touched)
      if (resolved.cohortYear !== null) {
        await startTraining(tx, clock, {
          period,
          training_programme: programme!,
          lead_provider_id: resolved.leadProvider?.id ?? null,
          cohort_year: resolved.cohortYear,
          partnership_id: input.partnership_id ?? null,
          use_previous_partnership: input.use_previous_partnership ?? false,
          started_on: from,
          finished_on: period.finished_on,
          frozen_from: resolved.frozenFrom,
        }, touched)
      }
      await touchPeriod(tx, period.id, clock.now)
      await touched.bump(tx, clock)
    },
    async () => {
      const again = new Problems(TRAINING_FIELDS)
      await check(again)
      return again.empty ? [{ attribute: 'started_on', detail: `The '#/started_on' you have entered is invalid.` }] : again.list()
    },
  )
  await recordEvent(tx, clock, { author: 'operator', action: `${period.role}.training_changed`, subject_type: 'at_school_period', subject_id: period.id, data: { ...input, started_on: from } })
  return { id: period.id }
}
