// a school assigns a mentor to an ECT from a date; the ECT's mentorships from then on
// are cut and the new one runs until the earlier of the two periods ends.
import { newId } from '../ids.ts'
import type { Clock } from '../../clock.ts'
import { writeGuarded } from '../../db/constraints.ts'
import type { Tx } from '../../db/transaction.ts'
import { recordEvent } from '../events.ts'
import { Problems } from '../problems.ts'
import { cutMentorships } from './cut-periods.ts'
import { fullName, inForceOn, isFinished, latest, text, withOrder } from './rules.ts'
import { findPeriod, insertMentorship, latestPeriodAtSchool, lockTeacher, lockTeachers, mentorshipsWithMentor, touchPeriod } from './store.ts'
import { Touched } from './touched.ts'

export const MENTOR_FIELDS = ['participant_id', 'mentor_participant_id', 'started_on'] as const

export type MentorInput = { mentor_participant_id?: string; started_on?: string }

const max = (...dates: string[]) => dates.reduce((a, b) => (b > a ? b : a))
const min = (...dates: (string | null)[]) => dates.filter((d): d is string => d !== null).reduce<string | null>((a, b) => (a === null || b < a ? b : a), null)

export async function assignMentor(
  tx: Tx,
  clock: Clock,
  ectPeriodId: string,
  input: MentorInput,
  given: Problems = new Problems(MENTOR_FIELDS),
): Promise<{ id: string }> {
  const problems = withOrder(given, MENTOR_FIELDS)
  const today = clock.today
  const mentorId = problems.has('mentor_participant_id') ? undefined : input.mentor_participant_id
  const { teacher_id: ectTeacherId } = await findPeriod(tx, ectPeriodId)
  await lockTeachers(tx, mentorId !== undefined ? [ectTeacherId, mentorId] : [ectTeacherId])
  const teacher = (await lockTeacher(tx, ectTeacherId))!
  const period = await findPeriod(tx, ectPeriodId)
  const name = fullName(teacher)

  const check = async (into: Problems) => {
    if (isFinished(period, today)) into.add('participant_id', text.leftSchool(name, period.finished_on!))
    let mentorPeriod = mentorId === undefined ? undefined : await latestPeriodAtSchool(tx, mentorId, 'mentor', period.school_id)
    if (mentorId !== undefined && (mentorPeriod === undefined || isFinished(mentorPeriod, today))) {
      into.add('mentor_participant_id', text.notAMentorHere)
      mentorPeriod = undefined
    } else if (mentorId === teacher.id) {
      into.add('mentor_participant_id', text.cannotMentorSelf)
      mentorPeriod = undefined
    }
    const startedOn = into.has('started_on') ? undefined : (input.started_on ?? max(today, period.started_on, mentorPeriod?.started_on ?? today))
    const mentorships = await mentorshipsWithMentor(tx, period.id)
    // C-76: the date is compared with the periods only when the participant passed its own check.
    if (startedOn !== undefined && !into.has('participant_id')) {
      const starts = [period.started_on, ...(mentorPeriod ? [mentorPeriod.started_on] : [])]
      const ends = min(period.finished_on, mentorPeriod?.finished_on ?? null)
      if (startedOn < max(...starts)) into.add('started_on', text.mentorOnOrAfter(max(...starts)))
      if (ends !== null && startedOn >= ends) into.add('started_on', text.mentorBefore(ends))
      const running = latest(mentorships.filter((m) => m.started_on < today))
      if (running && startedOn <= running.started_on) into.add('started_on', text.mentoredSince(name, fullName(running), running.started_on))
    }
    if (mentorPeriod && startedOn !== undefined && !into.has('started_on')) {
      const current = mentorships.find((m) => inForceOn(m, startedOn))
      if (current?.mentor_teacher_id === mentorId) into.add('mentor_participant_id', text.alreadyAssigned)
    }
    return { mentorPeriod, startedOn }
  }
  const { mentorPeriod, startedOn } = await check(problems)
  problems.throwIfAny()

  const id = newId(tx, 'mentorship')
  const from = startedOn!
  const mentor = mentorPeriod!
  await writeGuarded(
    tx,
    async () => {
      const touched = new Touched().teacher(teacher.id)
      await cutMentorships(tx, clock, period, from, touched)
      await insertMentorship(tx, {
        id,
        ect_period_id: period.id,
        ect_teacher_id: teacher.id,
        mentor_period_id: mentor.id,
        mentor_teacher_id: mentor.teacher_id,
        school_id: period.school_id,
        started_on: from,
        finished_on: min(period.finished_on, mentor.finished_on),
        created_at: clock.now,
        updated_at: clock.now,
      })
      await touchPeriod(tx, period.id, clock.now)
      await touched.bump(tx, clock)
    },
    async () => {
      const again = new Problems(MENTOR_FIELDS)
      await check(again)
      return again.empty ? [{ attribute: 'mentor_participant_id', detail: text.alreadyAssigned }] : again.list()
    },
  )
  await recordEvent(tx, clock, { author: 'operator', action: 'mentor.assigned', subject_type: 'mentorship', subject_id: id, data: { ect_period_id: period.id, mentor_period_id: mentor.id, started_on: from } })
  return { id: period.id }
}
