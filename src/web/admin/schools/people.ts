// W-88: a school's ECT and mentor periods, current first, each with its training (W-41) and
// status (W-42). Three indexed reads by school and period ids.
import { sql } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import type { Role } from '../../../db/schema.ts'
import { byName } from '../../format.ts'
import { describeTraining, statusOf, trainingShown, type Status, type TrainingDescription } from '../../people.ts'

export type SchoolPerson = {
  period_id: string
  participant_id: string
  role: Role
  first_name: string
  last_name: string
  trn: string
  started_on: string
  finished_on: string | null
  status: Status
  training: TrainingDescription
}

export async function schoolPeople(db: Db, schoolId: string, today: string): Promise<{ ects: SchoolPerson[]; mentors: SchoolPerson[] }> {
  const periods = await db
    .selectFrom('at_school_periods as a')
    .innerJoin('teachers as t', 't.id', 'a.teacher_id')
    .where('a.school_id', '=', schoolId)
    .select(['a.id', 'a.teacher_id', 'a.role', 'a.started_on', 'a.finished_on', 't.first_name', 't.last_name', 't.trn'])
    .execute()
  if (periods.length === 0) return { ects: [], mentors: [] }
  const ids = periods.map((p) => p.id)
  const training = await db
    .selectFrom('training_periods as tp')
    .leftJoin('lead_providers as lp', 'lp.id', 'tp.lead_provider_id')
    .leftJoin('partnerships as p', 'p.id', 'tp.partnership_id')
    .leftJoin('delivery_partners as dp', 'dp.id', 'p.delivery_partner_id')
    .where(sql<boolean>`tp.at_school_period_id = ANY(${ids}::uuid[])`)
    .select(['tp.at_school_period_id', 'tp.training_programme', 'lp.name as lead_provider_name', 'tp.partnership_id', 'dp.name as delivery_partner_name', 'tp.started_on', 'tp.finished_on', 'tp.created_at'])
    .execute()
  const mentorships = await db
    .selectFrom('mentorships')
    .where(sql<boolean>`ect_period_id = ANY(${ids}::uuid[])`)
    .select(['ect_period_id', 'started_on', 'finished_on'])
    .execute()
  const trainingOf = groupBy(training, (t) => t.at_school_period_id)
  const mentorshipsOf = groupBy(mentorships, (m) => m.ect_period_id)
  const people = periods.map((p): SchoolPerson => ({
    period_id: p.id,
    participant_id: p.teacher_id,
    role: p.role,
    first_name: p.first_name,
    last_name: p.last_name,
    trn: p.trn,
    started_on: p.started_on,
    finished_on: p.finished_on,
    status: statusOf(p, p.role, mentorshipsOf.get(p.id) ?? [], today),
    training: describeTraining(trainingShown(trainingOf.get(p.id) ?? [], today)),
  }))
  // Current first (not finished today), then by name (W-15), then the later period first.
  const finished = (p: SchoolPerson) => (p.finished_on !== null && p.finished_on <= today ? 1 : 0)
  people.sort((a, b) => finished(a) - finished(b) || byName(a, b) || b.started_on.localeCompare(a.started_on))
  return { ects: people.filter((p) => p.role === 'ect'), mentors: people.filter((p) => p.role === 'mentor') }
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    const list = map.get(k)
    if (list) list.push(row)
    else map.set(k, [row])
  }
  return map
}
