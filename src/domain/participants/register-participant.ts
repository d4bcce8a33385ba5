// R-19 … R-23: a school registers an ECT or a mentor. Every check of R-20 in its order, then the
// effects of R-22 in one transaction, the previous school's period corrected as T-14 says.
import { newId } from '../ids.ts'
import type { Clock } from '../../clock.ts'
import type { Role, TrainingProgramme, WorkingPattern } from '../../db/schema.ts'
import { writeGuarded } from '../../db/constraints.ts'
import type { Tx } from '../../db/transaction.ts'
import type { Problem } from '../../errors.ts'
import { recordEvent } from '../events.ts'
import { Problems } from '../problems.ts'
import { endPeriod } from './cut-periods.ts'
import { ageProblem, cohortOf, earliestStart, fourMonthsFrom, fullName, isFinished, latest, reassignFrozenCohort, runsPast, text, type CohortDates } from './rules.ts'
import { allCohorts, emailInUse, insertPeriod, insertTeacherIfAbsent, latestProviderLedTraining, lockTeacherByTrn, periodsInRole, trainingOfPeriod, type TeacherRow } from './store.ts'
import { becomeEligible, checkTrainingChoice, startTraining, type DerivedCohort, type ResolvedChoice } from './training-choice.ts'
import { Touched } from './touched.ts'

export const REGISTRATION_FIELDS = [
  'trn', 'first_name', 'last_name', 'date_of_birth', 'email', 'started_on', 'working_pattern',
  'training_programme', 'lead_provider_id', 'cohort', 'partnership_id', 'use_previous_partnership',
] as const

export type RegistrationInput = {
  trn?: string
  first_name?: string
  last_name?: string
  date_of_birth?: string
  email?: string
  started_on?: string
  working_pattern?: WorkingPattern
  training_programme?: TrainingProgramme
  lead_provider_id?: string | null
  cohort?: number
  partnership_id?: string | null
  use_previous_partnership?: boolean
}

export type Registration = { school: { id: string; name: string }; role: Role; input: RegistrationInput }

type Context = {
  teacher: TeacherRow | undefined
  /** The teacher as stored before this request, for the checks against stored records. */
  known: TeacherRow | undefined
  periods: Awaited<ReturnType<typeof periodsInRole>>
  cohorts: CohortDates[]
}

async function loadContext(tx: Tx, registration: Registration, teacher: TeacherRow | undefined, created: boolean): Promise<Context> {
  const known = created ? undefined : teacher
  const periods = known ? await periodsInRole(tx, known.id, registration.role) : []
  return { teacher, known, periods, cohorts: await allCohorts(tx) }
}

/** Every R-20 check against stored records, in order; returns what the effects need. */
async function check(tx: Tx, clock: Clock, registration: Registration, context: Context, problems: Problems): Promise<ResolvedChoice> {
  const { school, role, input } = registration
  const { known, periods, cohorts } = context
  const today = clock.today
  const startedOn = input.started_on
  const name = known ? fullName(known) : ''

  if (known && !problems.has('trn')) {
    const here = periods.find((p) => p.school_id === school.id && (p.finished_on === null || (startedOn !== undefined && p.finished_on > startedOn)))
    if (here) problems.add('trn', text.alreadyRegistered(name, role))
  }
  const alreadyRegistered = problems.has('trn') && known !== undefined

  if (!problems.has('date_of_birth') && input.date_of_birth !== undefined) {
    const age = ageProblem(input.date_of_birth, today)
    if (age !== null) problems.add('date_of_birth', age)
    else if (known && known.date_of_birth !== input.date_of_birth) problems.add('date_of_birth', text.dateOfBirthMismatch)
  }

  // Needs a readable TRN to know who "another teacher" is.
  if (!problems.has('email') && input.email !== undefined && input.trn !== undefined) {
    if (await emailInUse(tx, input.email, context.teacher?.id ?? null, today)) problems.add('email', text.emailInUse)
  }

  if (startedOn !== undefined) {
    const bound = earliestStart(today, cohorts)
    if (bound !== null && startedOn < bound) problems.add('started_on', text.startTooEarly(bound))
    const previous = latest(periods)
    if (previous && !alreadyRegistered) {
      if (startedOn <= previous.started_on) {
        problems.add('started_on', text.startedAt(name, role, previous.school_name, previous.started_on))
      } else if (runsPast(previous, startedOn)) {
        const started = latest((await trainingOfPeriod(tx, previous.id)).filter((t) => t.started_on <= today))
        if (started && started.started_on >= startedOn) problems.add('started_on', text.startedTrainingAt(name, previous.school_name, started.started_on))
      }
      const limit = fourMonthsFrom(today)
      if (!isFinished(previous, today) && startedOn > limit) problems.add('started_on', text.tooFarAhead(role, limit))
    }
  }

  const programme = problems.has('training_programme') ? undefined : input.training_programme
  if (role === 'mentor' && programme === 'provider_led' && known?.mentor_ineligible_for_funding_on) {
    problems.add('training_programme', text.completedMentorTraining(name))
  }

  const derive = async (): Promise<DerivedCohort> => {
    if (problems.has('trn') || startedOn === undefined) return null
    // R-21 rule 1, with D-38 moving an ECT out of a payments-frozen cohort (never a mentor).
    const previous = programme === 'provider_led' && known ? await latestProviderLedTraining(tx, known.id, role) : undefined
    if (previous) return role === 'ect' ? reassignFrozenCohort(previous.cohort_year, cohorts, today) : { year: previous.cohort_year }
    const day = startedOn > today ? startedOn : today
    const cohort = cohortOf(day, cohorts)
    return cohort ? { year: cohort.year } : { noCohortFor: day }
  }
  const createsTraining = programme !== undefined && (programme === 'provider_led' || role === 'ect')
  return checkTrainingChoice(tx, clock, { school_id: school.id, choice: { ...input, training_programme: programme }, createsTraining, cohorts, derive }, problems)
}

/** create the teacher if the TRN is new, then lock the row; the checks run under the lock. */
async function findAndLockTeacher(tx: Tx, clock: Clock, input: RegistrationInput, problems: Problems) {
  if (problems.has('trn') || input.trn === undefined) return { teacher: undefined, created: false }
  let created = false
  if (problems.allValid('first_name', 'last_name', 'date_of_birth') && input.first_name && input.last_name && input.date_of_birth) {
    created = await insertTeacherIfAbsent(tx, {
      id: newId(tx, 'teacher'),
      trn: input.trn,
      first_name: input.first_name,
      last_name: input.last_name,
      date_of_birth: input.date_of_birth,
      ect_training_record_id: newId(tx, 'ect-training-record'),
      mentor_training_record_id: newId(tx, 'mentor-training-record'),
      created_at: clock.now,
      updated_at: clock.now,
    })
  }
  return { teacher: await lockTeacherByTrn(tx, input.trn), created }
}

export async function registerParticipant(
  tx: Tx,
  clock: Clock,
  registration: Registration,
  problems: Problems = new Problems(REGISTRATION_FIELDS),
): Promise<{ id: string }> {
  const { school, role, input } = registration
  const { teacher, created } = await findAndLockTeacher(tx, clock, input, problems)
  const context = await loadContext(tx, registration, teacher, created)
  const resolved = await check(tx, clock, registration, context, problems)
  problems.throwIfAny()

  const t = teacher!
  const startedOn = input.started_on!
  const id = newId(tx, 'at-school-period')
  const explain = async (constraint: string): Promise<Problem[]> => {
    const again = new Problems(REGISTRATION_FIELDS)
    await check(tx, clock, registration, await loadContext(tx, registration, t, created), again)
    if (!again.empty) return again.list()
    return [{ attribute: constraint.startsWith('at_school_periods') ? 'trn' : 'started_on', detail: constraint.startsWith('at_school_periods') ? text.alreadyRegistered(fullName(t), role) : `The '#/started_on' you have entered is invalid.` }]
  }
  await writeGuarded(tx, async () => {
    const touched = new Touched().teacher(t.id)
    // R-22 step 2, T-14: an overlapping period at another school finishes on started_on (T-15: else untouched).
    const previous = latest(context.periods)
    if (previous && previous.school_id !== school.id && runsPast(previous, startedOn)) {
      await endPeriod(tx, clock, { id: previous.id, teacher_id: t.id, role, school_id: previous.school_id }, startedOn, touched)
    }
    await insertPeriod(tx, {
      id,
      teacher_id: t.id,
      role,
      school_id: school.id,
      started_on: startedOn,
      finished_on: null,
      email: input.email!,
      working_pattern: role === 'ect' ? input.working_pattern! : null,
      reported_leaving_on: null,
      leaving_recorded_at: null,
      created_at: clock.now,
      updated_at: clock.now,
    })
    if (resolved.cohortYear !== null) {
      await startTraining(tx, clock, {
        period: { id, teacher_id: t.id, role, school_id: school.id },
        training_programme: input.training_programme!,
        lead_provider_id: resolved.leadProvider?.id ?? null,
        cohort_year: resolved.cohortYear,
        partnership_id: input.partnership_id ?? null,
        use_previous_partnership: input.use_previous_partnership ?? false,
        started_on: startedOn,
        finished_on: null,
        frozen_from: resolved.frozenFrom,
      }, touched)
    }
    // R-22 step 5: R-9's ECT fact on registration (the mentor's comes with provider-led training), then D-50.
    if (role === 'ect') await becomeEligible(tx, clock, t.id, 'ect')
    await touched.bump(tx, clock)
  }, explain)
  await recordEvent(tx, clock, { author: 'operator', action: `${role}.registered`, subject_type: 'at_school_period', subject_id: id, data: { school_id: school.id, teacher_id: t.id } })
  return { id }
}
