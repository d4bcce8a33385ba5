// Unfunded mentors of one lead provider (D-70 … D-73), in one statement per page:
//   enrolments — the caller's ECT enrolment TPs (R-33);
//   links      — the mentorship that makes a teacher their mentor_id (R-34);
//   members    — those mentors with no TP confirmed on the caller's partnerships (D-70), with the
//                email of their latest linked mentor period (D-72) and the shown updated_at (D-73);
//   then the filter, the sort and the page.
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import { enrolmentPreference } from '../../../db/fragments.ts'
import { calendarStamp, shownUpdatedAt } from '../../../domain/stamps.ts'
import type { Page } from '../../common/paging.ts'
import type { SortKey } from '../../common/sort.ts'
import type { SORT_KEYS } from './schemas.ts'

export type UnfundedMentorRow = {
  id: string
  first_name: string
  last_name: string
  trn: string
  email: string
  created_at: Date
  updated_at: Date
}

type SortName = (typeof SORT_KEYS)[number]

export type UnfundedMentorOptions = {
  today: string
  id?: string
  updatedSince?: Date | null
  sort?: SortKey<SortName>[]
  page?: Page
}

/**
 * D-73: the stored stamp — the teacher's, their mentor at-school periods' and their mentorships
 * as mentor — or 00:00 London of the latest start or end of those mentorships that is ≤ today.
 */
function shownUpdatedAtOf(today: string): RawBuilder<Date> {
  const stored = sql`GREATEST(t.updated_at,
    (SELECT max(mp.updated_at) FROM at_school_periods mp WHERE mp.teacher_id = t.id AND mp.role = 'mentor'),
    (SELECT max(ms.updated_at) FROM mentorships ms WHERE ms.mentor_teacher_id = t.id))`
  const latestDate = sql`(SELECT max(d) FROM (
      SELECT started_on FROM mentorships WHERE mentor_teacher_id = t.id
      UNION ALL SELECT finished_on FROM mentorships WHERE mentor_teacher_id = t.id
    ) AS dates (d) WHERE d <= ${today}::date)`
  return shownUpdatedAt(stored, calendarStamp([latestDate], today))
}

const COLUMNS: Record<SortName, RawBuilder<unknown>> = { created_at: sql.ref('members.created_at'), updated_at: sql.ref('members.updated_at') }

export async function listUnfundedMentors(db: Db, leadProviderId: string, options: UnfundedMentorOptions): Promise<UnfundedMentorRow[]> {
  const { today, id, updatedSince = null } = options
  const page = options.page ?? { page: 1, perPage: 1, offset: 0, beyondEnd: false }
  if (page.beyondEnd) return []
  const sort = options.sort?.length ? options.sort : [{ key: 'created_at' as const, direction: 'asc' as const }]
  const orderBy = sql.join([...sort.map(({ key, direction }) => sql`${COLUMNS[key]} ${sql.raw(direction)}`), sql`members.id`])
  const result = await sql<UnfundedMentorRow>`
    WITH enrolments AS (
      SELECT DISTINCT ON (tp.teacher_id) tp.teacher_id, tp.at_school_period_id
      FROM training_periods tp
      WHERE tp.role = 'ect' AND tp.lead_provider_id = ${leadProviderId} AND tp.partnership_id IS NOT NULL
      ORDER BY tp.teacher_id, ${enrolmentPreference}
    ),
    links AS (
      SELECT m.mentor_teacher_id, m.mentor_period_id
      FROM enrolments e
      CROSS JOIN LATERAL (
        SELECT ms.mentor_teacher_id, ms.mentor_period_id FROM mentorships ms
        WHERE ms.ect_period_id = e.at_school_period_id AND (ms.finished_on IS NULL OR ms.finished_on > ${today}::date)
        ORDER BY ms.started_on, ms.created_at, ms.id LIMIT 1
      ) m
    ),
    members AS (
      SELECT t.id, t.first_name, t.last_name, t.trn, t.created_at,
        (SELECT mp.email FROM at_school_periods mp WHERE mp.id IN (SELECT l.mentor_period_id FROM links l WHERE l.mentor_teacher_id = t.id)
         ORDER BY mp.started_on DESC, mp.created_at DESC, mp.id DESC LIMIT 1) AS email,
        ${shownUpdatedAtOf(today)} AS updated_at
      FROM teachers t
      WHERE t.id IN (SELECT mentor_teacher_id FROM links)
        AND NOT EXISTS (
          SELECT 1 FROM training_periods own JOIN partnerships p ON p.id = own.partnership_id
          WHERE own.teacher_id = t.id AND p.lead_provider_id = ${leadProviderId})
        ${id === undefined ? sql`` : sql`AND t.id = ${id}`}
    )
    SELECT * FROM members
    ${updatedSince === null ? sql`` : sql`WHERE members.updated_at >= ${updatedSince}`}
    ORDER BY ${orderBy}
    LIMIT ${page.perPage} OFFSET ${page.offset}`.execute(db)
  return result.rows
}

export async function findUnfundedMentor(db: Db, leadProviderId: string, id: string, today: string): Promise<UnfundedMentorRow | undefined> {
  const [row] = await listUnfundedMentors(db, leadProviderId, { today, id })
  return row
}
