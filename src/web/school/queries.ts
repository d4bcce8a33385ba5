// The school pages' reads (W-40 … W-46, W-51, W-53, W-65): each page's rows in one statement,
// scoped to the signed-in school; the pages decide what to show with ../people.ts.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Database, Role } from '../../db/schema.ts'
import type { Mentorship, ShownTraining } from '../people.ts'

type Db = Kysely<Database>
type Eb = ExpressionBuilder<Database & { p: Database['at_school_periods'] }, 'p'>

/** The period's training, oldest first, with its lead provider and current delivery partner (P-55). */
function trainingsOf(eb: Eb) {
  return jsonArrayFrom(
    eb
      .selectFrom('training_periods as tp')
      .leftJoin('lead_providers as lp', 'lp.id', 'tp.lead_provider_id')
      .leftJoin('partnerships as pa', 'pa.id', 'tp.partnership_id')
      .leftJoin('delivery_partners as dp', 'dp.id', 'pa.delivery_partner_id')
      .select([
        'tp.training_programme', 'tp.lead_provider_id', 'lp.name as lead_provider_name', 'tp.partnership_id',
        'dp.name as delivery_partner_name', 'tp.cohort_year as cohort', 'tp.started_on', 'tp.finished_on',
      ])
      .whereRef('tp.at_school_period_id', '=', 'p.id')
      .orderBy('tp.started_on')
      .orderBy('tp.created_at'),
  )
}

/** As mentee (ECT) or as mentor: the other teacher's name and participant id. */
function mentorshipsOf(eb: Eb, role: Role) {
  const other = role === 'ect' ? 'm.mentor_teacher_id' : 'm.ect_teacher_id'
  return jsonArrayFrom(
    eb
      .selectFrom('mentorships as m')
      .innerJoin('teachers as o', 'o.id', other)
      .select(['m.started_on', 'm.finished_on', 'o.id as participant_id', sql<string>`o.first_name || ' ' || o.last_name`.as('name')])
      .whereRef(role === 'ect' ? 'm.ect_period_id' : 'm.mentor_period_id', '=', 'p.id')
      .orderBy('m.started_on'),
  )
}

export type TeacherRow = {
  participant_id: string
  period_id: string
  trn: string
  first_name: string
  last_name: string
  started_on: string
  finished_on: string | null
  trainings: ShownTraining[]
  mentorships: Mentorship[]
}

/** W-43, W-44: each teacher's latest period in the role at the school (R-15 step 2). */
export async function teachersAtSchool(db: Db, schoolId: string, role: Role): Promise<TeacherRow[]> {
  const latest = db
    .selectFrom('at_school_periods')
    .select(['id'])
    .distinctOn('teacher_id')
    .where('school_id', '=', schoolId)
    .where('role', '=', role)
    .orderBy('teacher_id')
    .orderBy('started_on', 'desc')
  const rows = await db
    .selectFrom('at_school_periods as p')
    .innerJoin('teachers as t', 't.id', 'p.teacher_id')
    .select(['t.id as participant_id', 'p.id as period_id', 't.trn', 't.first_name', 't.last_name', 'p.started_on', 'p.finished_on'])
    .select((eb) => [trainingsOf(eb).as('trainings'), mentorshipsOf(eb, role).as('mentorships')])
    .where('p.id', 'in', latest)
    .execute()
  return rows as TeacherRow[]
}

export type TeacherPage = TeacherRow & {
  email: string
  working_pattern: string | null
  reported_leaving_on: string | null
  date_of_birth: string
}

/** W-45, W-46, W-26: the teacher's latest period in the role at this school only, else undefined. */
export async function teacherAtSchool(db: Db, schoolId: string, participantId: string, role: Role): Promise<TeacherPage | undefined> {
  const row = await db
    .selectFrom('at_school_periods as p')
    .innerJoin('teachers as t', 't.id', 'p.teacher_id')
    .select([
      't.id as participant_id', 'p.id as period_id', 't.trn', 't.first_name', 't.last_name', 't.date_of_birth',
      'p.started_on', 'p.finished_on', 'p.email', 'p.working_pattern', 'p.reported_leaving_on',
    ])
    .select((eb) => [trainingsOf(eb).as('trainings'), mentorshipsOf(eb, role).as('mentorships')])
    .where('p.teacher_id', '=', participantId)
    .where('p.school_id', '=', schoolId)
    .where('p.role', '=', role)
    .orderBy('p.started_on', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row as TeacherPage | undefined
}

/** W-40: the school's partnerships in a cohort, and lead providers with an unfinished EOI period (P-27 rule 1). */
export async function workingWith(db: Db, schoolId: string, cohortYear: number, today: string) {
  const partnerships = await db
    .selectFrom('partnerships as pa')
    .innerJoin('lead_providers as lp', 'lp.id', 'pa.lead_provider_id')
    .innerJoin('delivery_partners as dp', 'dp.id', 'pa.delivery_partner_id')
    .select(['pa.id', 'lp.id as lead_provider_id', 'lp.name as lead_provider_name', 'dp.name as delivery_partner_name'])
    .where('pa.school_id', '=', schoolId)
    .where('pa.cohort_year', '=', cohortYear)
    .orderBy('lp.name')
    .orderBy('dp.name')
    .execute()
  const awaiting = await db
    .selectFrom('training_periods as tp')
    .innerJoin('lead_providers as lp', 'lp.id', 'tp.lead_provider_id')
    .select(['lp.id', 'lp.name'])
    .distinct()
    .where('tp.school_id', '=', schoolId)
    .where('tp.cohort_year', '=', cohortYear)
    .where('tp.training_programme', '=', 'provider_led')
    .where('tp.partnership_id', 'is', null)
    .where((eb) => eb.or([eb('tp.finished_on', 'is', null), eb('tp.finished_on', '>', today)]))
    .orderBy('lp.name')
    .execute()
  const partnered = new Set(partnerships.map((p) => p.lead_provider_id))
  return { partnerships, awaiting: awaiting.filter((lp) => !partnered.has(lp.id)) }
}

/** W-40: current ECTs and mentors (periods not finished today). */
export async function currentCounts(db: Db, schoolId: string, today: string): Promise<{ ect: number; mentor: number }> {
  const rows = await db
    .selectFrom('at_school_periods')
    .select(['role', sql<number>`count(DISTINCT teacher_id)::int`.as('n')])
    .where('school_id', '=', schoolId)
    .where((eb) => eb.or([eb('finished_on', 'is', null), eb('finished_on', '>', today)]))
    .groupBy('role')
    .execute()
  return { ect: rows.find((r) => r.role === 'ect')?.n ?? 0, mentor: rows.find((r) => r.role === 'mentor')?.n ?? 0 }
}

export function cohorts(db: Db) {
  return db.selectFrom('cohorts').select(['year', 'starts_on', 'ends_on', 'payments_frozen_on']).orderBy('year').execute()
}

/** P-2: lead providers with a pairing in the cohort, by name (W-51 step 9, W-61, W-70). */
export function leadProvidersAvailable(db: Db, cohortYear: number) {
  return db
    .selectFrom('lead_providers as lp')
    .select(['lp.id', 'lp.name'])
    .where((eb) => eb.exists(eb.selectFrom('lead_provider_delivery_partners as x').select('x.id').whereRef('x.lead_provider_id', '=', 'lp.id').where('x.cohort_year', '=', cohortYear)))
    .orderBy('lp.name')
    .execute()
}

export function findTeacherByTrn(db: Db, trn: string) {
  return db.selectFrom('teachers').select(['id', 'trn', 'first_name', 'last_name', 'date_of_birth']).where('trn', '=', trn).executeTakeFirst()
}

/** W-51 step 3a: the teacher's earlier periods in the role at any school, with their training. */
export async function earlierPeriods(db: Db, teacherId: string, role: Role) {
  const rows = await db
    .selectFrom('at_school_periods as p')
    .innerJoin('schools as s', 's.id', 'p.school_id')
    .select(['p.id', 's.name as school_name', 's.id as school_id', 'p.started_on', 'p.finished_on', 'p.reported_leaving_on'])
    .select((eb) => trainingsOf(eb).as('trainings'))
    .where('p.teacher_id', '=', teacherId)
    .where('p.role', '=', role)
    .orderBy('p.started_on')
    .execute()
  return rows as (Omit<(typeof rows)[number], 'trainings'> & { trainings: ShownTraining[] })[]
}

/** W-53: the school's latest ECT training period at the school, by `created_at`, then id. */
export function latestEctTraining(db: Db, schoolId: string) {
  return db
    .selectFrom('training_periods as tp')
    .leftJoin('lead_providers as lp', 'lp.id', 'tp.lead_provider_id')
    .select(['tp.training_programme', 'tp.lead_provider_id', 'lp.name as lead_provider_name'])
    .where('tp.school_id', '=', schoolId)
    .where('tp.role', '=', 'ect')
    .orderBy('tp.created_at', 'desc')
    .orderBy('tp.id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** W-65: mentor periods at the school not finished today, each with the ECTs it mentors today or later. */
export async function mentorsOffered(db: Db, schoolId: string, today: string) {
  return db
    .selectFrom('at_school_periods as p')
    .innerJoin('teachers as t', 't.id', 'p.teacher_id')
    .select(['t.id as participant_id', 't.first_name', 't.last_name', 't.trn'])
    .select((eb) =>
      eb
        .selectFrom('mentorships as m')
        .select(sql<number>`count(DISTINCT m.ect_period_id)::int`.as('n'))
        .whereRef('m.mentor_period_id', '=', 'p.id')
        .where((w) => w.or([w('m.finished_on', 'is', null), w('m.finished_on', '>', today)]))
        .as('mentoring'),
    )
    .where('p.school_id', '=', schoolId)
    .where('p.role', '=', 'mentor')
    .where((eb) => eb.or([eb('p.finished_on', 'is', null), eb('p.finished_on', '>', today)]))
    .execute()
}

/** R-21 rule 1: the teacher's latest provider-led training in the role, any school. */
export function latestProviderLedCohort(db: Db, teacherId: string, role: Role) {
  return db
    .selectFrom('training_periods')
    .select('cohort_year')
    .where('teacher_id', '=', teacherId)
    .where('role', '=', role)
    .where('training_programme', '=', 'provider_led')
    .orderBy('started_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** W-53 (b): the delivery partner of the primary partnership (school, L, C). */
export function primaryPartnershipPartner(db: Db, schoolId: string, leadProviderId: string, cohortYear: number) {
  return db
    .selectFrom('partnerships as pa')
    .innerJoin('delivery_partners as dp', 'dp.id', 'pa.delivery_partner_id')
    .select('dp.name')
    .where('pa.school_id', '=', schoolId)
    .where('pa.lead_provider_id', '=', leadProviderId)
    .where('pa.cohort_year', '=', cohortYear)
    .where('pa.additional', '=', false)
    .executeTakeFirst()
}

/** W-53 (b), P-34 step 2: the partnership a carry-forward would copy, with its delivery partner. */
export function carryForwardPartner(db: Db, schoolId: string, leadProviderId: string, cohortYear: number) {
  return db
    .selectFrom('partnerships as pa')
    .innerJoin('delivery_partners as dp', 'dp.id', 'pa.delivery_partner_id')
    .select(['dp.name', 'pa.cohort_year'])
    .where('pa.school_id', '=', schoolId)
    .where('pa.lead_provider_id', '=', leadProviderId)
    .where('pa.cohort_year', '!=', cohortYear)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('lead_provider_delivery_partners as x')
          .select('x.id')
          .whereRef('x.lead_provider_id', '=', 'pa.lead_provider_id')
          .whereRef('x.delivery_partner_id', '=', 'pa.delivery_partner_id')
          .where('x.cohort_year', '=', cohortYear),
      ),
    )
    .orderBy('pa.cohort_year', 'desc')
    .orderBy('pa.created_at', 'desc')
    .orderBy('pa.id', 'desc')
    .limit(1)
    .executeTakeFirst()
}
