// W-91: a teacher's full history — at-school periods in both roles with their training periods
// and mentorships, declarations, and every event about any of them — read by indexed ids.
import { sql } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import type { Author, Role } from '../../../db/schema.ts'
import { wireState, type ClawbackStatus, type PaymentStatus } from '../../../domain/declarations/rules.ts'

export function teacherIdByTrn(db: Db, trn: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('teachers').select('id').where('trn', '=', trn).executeTakeFirst()
}

export type HistoryTraining = {
  id: string
  training_programme: 'provider_led' | 'school_led'
  lead_provider_name: string | null
  delivery_partner_name: string | null
  cohort: number
  schedule_identifier: string | null
  started_on: string
  finished_on: string | null
  withdrawn_at: Date | null
  withdrawal_reason: string | null
  deferred_at: Date | null
  deferral_reason: string | null
}

export type HistoryMentorship = { id: string; other_participant_id: string; other_name: string; started_on: string; finished_on: string | null }

export type HistoryPeriod = {
  id: string
  role: Role
  school_urn: string
  school_name: string
  started_on: string
  finished_on: string | null
  reported_leaving_on: string | null
  training: HistoryTraining[]
  mentorships: HistoryMentorship[]
}

export type HistoryDeclaration = {
  id: string
  declaration_type: string
  declaration_date: Date
  state: string
  lead_provider_name: string
  statement_id: string | null
  statement_year: number | null
  statement_month: number | null
}

export type HistoryEvent = { id: string; occurred_at: Date; author: Author; actor: string | null; action: string; data: Record<string, unknown> }

export type TeacherHistory = {
  id: string
  trn: string
  first_name: string
  last_name: string
  date_of_birth: string
  periods: HistoryPeriod[]
  declarations: HistoryDeclaration[]
  events: HistoryEvent[]
}

export async function teacherHistory(db: Db, id: string): Promise<TeacherHistory | undefined> {
  const teacher = await db.selectFrom('teachers').select(['id', 'trn', 'first_name', 'last_name', 'date_of_birth']).where('id', '=', id).executeTakeFirst()
  if (!teacher) return undefined
  const periods = await db
    .selectFrom('at_school_periods as a')
    .innerJoin('schools as s', 's.id', 'a.school_id')
    .where('a.teacher_id', '=', id)
    .select(['a.id', 'a.role', 's.urn as school_urn', 's.name as school_name', 'a.started_on', 'a.finished_on', 'a.reported_leaving_on'])
    .orderBy('a.started_on', 'desc')
    .orderBy('a.role')
    .execute()
  const training = await db
    .selectFrom('training_periods as tp')
    .leftJoin('lead_providers as lp', 'lp.id', 'tp.lead_provider_id')
    .leftJoin('partnerships as p', 'p.id', 'tp.partnership_id')
    .leftJoin('delivery_partners as dp', 'dp.id', 'p.delivery_partner_id')
    .where('tp.teacher_id', '=', id)
    .select([
      'tp.id', 'tp.at_school_period_id', 'tp.training_programme', 'lp.name as lead_provider_name', 'dp.name as delivery_partner_name',
      'tp.cohort_year as cohort', 'tp.schedule_identifier', 'tp.started_on', 'tp.finished_on',
      'tp.withdrawn_at', 'tp.withdrawal_reason', 'tp.deferred_at', 'tp.deferral_reason',
    ])
    .orderBy('tp.started_on')
    .orderBy('tp.created_at')
    .execute()
  const mentorships = await mentorshipsOf(db, id)
  const declarations = await db
    .selectFrom('declarations as d')
    .innerJoin('lead_providers as lp', 'lp.id', 'd.lead_provider_id')
    .leftJoin('statements as st', 'st.id', 'd.statement_id')
    .where('d.teacher_id', '=', id)
    .select(['d.id', 'd.declaration_type', 'd.declaration_date', 'd.payment_status', 'd.clawback_status', 'lp.name as lead_provider_name', 'd.statement_id', 'st.year as statement_year', 'st.month as statement_month'])
    .orderBy('d.declaration_date', 'desc')
    .orderBy('d.id')
    .execute()
  const events = await eventsAbout(db, [
    ['teacher', [id]],
    ['participant', [id]],
    ['at_school_period', periods.map((p) => p.id)],
    ['training_period', training.map((t) => t.id)],
    ['mentorship', mentorships.map((m) => m.id)],
    ['declaration', declarations.map((d) => d.id)],
  ])
  return {
    ...teacher,
    periods: periods.map((p) => ({
      ...p,
      training: training.filter((t) => t.at_school_period_id === p.id).map(({ at_school_period_id: _, ...t }) => t),
      mentorships: mentorships.filter((m) => m.period_id === p.id).map(({ period_id: _, ...m }) => m),
    })),
    declarations: declarations.map(({ payment_status, clawback_status, ...d }) => ({
      ...d,
      state: wireState(payment_status as PaymentStatus, clawback_status as ClawbackStatus),
    })),
    events,
  }
}

/** Mentorships from either side: an ECT period's mentor, or a mentor period's ECTs. */
async function mentorshipsOf(db: Db, teacherId: string) {
  const asEct = db
    .selectFrom('mentorships as m')
    .innerJoin('teachers as o', 'o.id', 'm.mentor_teacher_id')
    .where('m.ect_teacher_id', '=', teacherId)
    .select(['m.id', 'm.ect_period_id as period_id', 'o.id as other_participant_id', sql<string>`o.first_name || ' ' || o.last_name`.as('other_name'), 'm.started_on', 'm.finished_on'])
  const asMentor = db
    .selectFrom('mentorships as m')
    .innerJoin('teachers as o', 'o.id', 'm.ect_teacher_id')
    .where('m.mentor_teacher_id', '=', teacherId)
    .select(['m.id', 'm.mentor_period_id as period_id', 'o.id as other_participant_id', sql<string>`o.first_name || ' ' || o.last_name`.as('other_name'), 'm.started_on', 'm.finished_on'])
  return asEct.unionAll(asMentor).orderBy('started_on').execute()
}

/** Events about these subjects, newest first; each (type, ids) pair reads events_by_subject. */
async function eventsAbout(db: Db, subjects: [string, string[]][]): Promise<HistoryEvent[]> {
  const wanted = subjects.filter(([, ids]) => ids.length > 0)
  if (wanted.length === 0) return []
  const rows = await db
    .selectFrom('events')
    .select(['id', 'occurred_at', 'author', 'actor', 'action', 'data'])
    .where((eb) => eb.or(wanted.map(([type, ids]) => eb.and([eb('subject_type', '=', type), sql<boolean>`subject_id = ANY(${ids}::uuid[])`]))))
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map((r) => ({ id: String(r.id), occurred_at: r.occurred_at, author: r.author, actor: r.actor, action: r.action, data: (r.data ?? {}) as Record<string, unknown> }))
}
