// The participants feed of one lead provider (R-32 … R-40), in one statement per page:
//   members — the caller's participants, with their enrolment training periods (R-33) and the
//             shown updated_at of the request's date (R-38), the keys the filters and sort need;
//   page    — those that pass the filters, sorted and limited (C-32 … C-36, R-39);
//   select  — the page's rows, enrolments and id changes built as JSON by PostgreSQL.
import { sql, type ExpressionBuilder, type QueryCreator, type RawBuilder } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import { enrolmentPreference, orderAndPage, wireTime } from '../../../db/fragments.ts'
import type { Database, MentorIneligibleReason, Role, WorkingPattern } from '../../../db/schema.ts'
import type { TrainingStatus } from '../../../domain/participants-feed/rules.ts'
import { addDays, londonDate, londonMidnight } from '../../../clock.ts'
import { londonMidnightSql, shownUpdatedAt } from '../../../domain/stamps.ts'
import type { Page } from '../../common/paging.ts'
import type { SortKey } from '../../common/sort.ts'
import { enrolmentInCohorts, enrolmentWithStatus } from '../feed-filters.ts'
import type { SORT_KEYS } from './schemas.ts'

type SortName = (typeof SORT_KEYS)[number]

/** One enrolment (R-34), as the statement builds it: wire values and the inputs of rules.ts. */
export type EnrolmentRow = {
  role: Role
  training_record_id: string
  email: string
  mentor_id: string | null
  school_urn: string
  working_pattern: WorkingPattern | null
  cohort: string
  training_status: TrainingStatus
  started_on: string
  finished_on: string | null
  pupil_premium_uplift: boolean
  sparsity_uplift: boolean
  schedule_identifier: string
  delivery_partner_id: string
  withdrawal_reason: string | null
  withdrawn_at: string | null
  deferral_reason: string | null
  deferred_at: string | null
  created_at: string
  eligible_on: string | null
  ineligible_on: string | null
  payments_frozen: boolean
}

export type ParticipantRow = {
  id: string
  trn: string
  first_name: string
  last_name: string
  induction_started_on: string | null
  induction_completed_on: string | null
  latest_induction_period_finished_on: string | null
  mentor_ineligible_for_funding_on: string | null
  mentor_ineligible_for_funding_reason: MentorIneligibleReason | null
  updated_at: Date
  enrolments: EnrolmentRow[]
  participant_id_changes: { from_participant_id: string; to_participant_id: string; changed_at: string }[]
}

export type FeedOptions = {
  today: string
  /** Show: one participant by id (R-40). */
  id?: string
  /** These participants only (building their documents, src/read-models/participants.ts). */
  ids?: readonly string[]
  cohorts?: number[] | null
  trainingStatus?: TrainingStatus | null
  fromParticipantId?: string | null
  updatedSince?: Date | null
  sort?: SortKey<SortName>[]
  page?: Page
}

const DEFAULT_SORT: SortKey<SortName>[] = [{ key: 'created_at', direction: 'asc' }]

/**
 * R-36 in SQL, for the table alias `tp`: active without a withdrawal or deferral, else whichever
 * came later; on a tie, withdrawn. The commands' statement is `trainingStatusOf`
 * (domain/participants-feed/rules.ts); test/domain/participants-feed/training-status.test.ts holds the two together.
 */
export function trainingStatusSql(tp: string): RawBuilder<TrainingStatus> {
  const [withdrawn, deferred] = [sql.ref(`${tp}.withdrawn_at`), sql.ref(`${tp}.deferred_at`)]
  return sql<TrainingStatus>`CASE
    WHEN ${withdrawn} IS NULL AND ${deferred} IS NULL THEN 'active'
    WHEN ${deferred} IS NULL OR ${withdrawn} >= ${deferred} THEN 'withdrawn'
    ELSE 'deferred' END`
}

/**
 * R-33: the caller's confirmed training period in one role with the latest started_on; ties go
 * to a non-empty one, then to the latest created.
 */
function enrolmentPeriod(eb: ExpressionBuilder<Database & { t: Database['teachers'] }, 't'>, role: Role, leadProviderId: string) {
  return eb
    .selectFrom('training_periods as tp')
    .select(['tp.id', 'tp.cohort_year', trainingStatusSql('tp').as('training_status')])
    .whereRef('tp.teacher_id', '=', 't.id')
    .where('tp.role', '=', role)
    .where('tp.lead_provider_id', '=', leadProviderId)
    .where('tp.partnership_id', 'is not', null)
    .orderBy(enrolmentPreference)
    .limit(1)
}

/**
 * R-38 dates: those on which a participant_status or mentor_id can change by itself — started_on
 * and finished_on of every training period of the teacher, finished_on of every mentorship of
 * their ECT periods — over all of the teacher's periods, whoever trains them, so every caller
 * sees one value (C-62). `range` picks the dates in a window of days.
 */
function changeDates(range: (d: RawBuilder<unknown>) => RawBuilder<boolean>) {
  return sql`(
      SELECT started_on AS d FROM training_periods WHERE teacher_id = t.id AND ${range(sql`started_on`)}
      UNION ALL SELECT finished_on FROM training_periods WHERE teacher_id = t.id AND ${range(sql`finished_on`)}
      UNION ALL SELECT finished_on FROM mentorships WHERE ect_teacher_id = t.id AND ${range(sql`finished_on`)})`
}

/**
 * The days around `today` between which nothing of these participants or their transfers can
 * change by itself: the latest R-38 or at-school period date on or before today and the first one
 * after (src/read-models/participants.ts keeps a built document for exactly those days).
 * '-infinity' and 'infinity' when there is none.
 */
export async function changeWindows(db: Db, ids: readonly string[], today: string): Promise<Map<string, { from: string; until: string }>> {
  const { rows } = await sql<{ id: string; valid_from: string; valid_until: string }>`
    SELECT t.id,
      coalesce(max(dates.d) FILTER (WHERE dates.d <= ${today}::date), '-infinity'::date) AS valid_from,
      coalesce(min(dates.d) FILTER (WHERE dates.d > ${today}::date), 'infinity'::date) AS valid_until
    FROM teachers t CROSS JOIN LATERAL (
      SELECT d FROM ${changeDates(() => sql<boolean>`true`)} AS r38
      -- T-8, T-21: the transfers kept beside the document change on at-school period dates.
      UNION ALL SELECT started_on FROM at_school_periods WHERE teacher_id = t.id
      UNION ALL SELECT finished_on FROM at_school_periods WHERE teacher_id = t.id) AS dates
    WHERE t.id = ANY(${[...ids]}::uuid[])
    GROUP BY t.id`.execute(db)
  return new Map(rows.map((r) => [r.id, { from: r.valid_from, until: r.valid_until }]))
}

/** R-38, C-58, C-59: the later of the stored stamp and 00:00 London of the latest change date ≤ today. */
function shownUpdatedAtOf(today: string) {
  const latest = sql`(SELECT max(d) FROM ${changeDates((d) => sql<boolean>`${d} <= ${today}::date`)} AS dates)`
  return shownUpdatedAt(sql`t.updated_at`, londonMidnightSql(latest))
}

/**
 * C-44 on the shown updated_at without computing it for every member: it is ≥ `since` exactly
 * when the stored stamp is, or a change date falls between the first day whose London midnight is
 * ≥ `since` and today. Written as the set of teachers for which either holds, each part an index
 * range (0006_feed_indexes), so an empty poll reads nothing but those ranges (Q-6).
 */
function updatedSinceOf(since: Date, today: string) {
  const midnight = londonMidnight(londonDate(since))
  const firstDay = midnight.getTime() >= since.getTime() ? londonDate(since) : addDays(londonDate(since), 1)
  const inWindow = (d: RawBuilder<unknown>) => sql<boolean>`${d} BETWEEN ${firstDay}::date AND ${today}::date`
  return sql<boolean>`t.id IN (
      SELECT id FROM teachers WHERE updated_at >= ${since}
      UNION ALL SELECT teacher_id FROM training_periods WHERE ${inWindow(sql`started_on`)}
      UNION ALL SELECT teacher_id FROM training_periods WHERE ${inWindow(sql`finished_on`)}
      UNION ALL SELECT ect_teacher_id FROM mentorships WHERE ${inWindow(sql`finished_on`)})`
}

/**
 * R-32: teachers with a training period, in either role and with any dates, on the caller's
 * partnerships — a period's lead_provider_id is its partnership's (the composite foreign key
 * training_periods_r10_partnership_matches). The enrolment keys and the shown updated_at are
 * computed here only when a filter or the sort needs them for every member (`withKeys`); else
 * the page is cut first and they are computed for its rows alone.
 */
function members(db: Db, leadProviderId: string, options: FeedOptions, withKeys: boolean) {
  let query = db
    .selectFrom('teachers as t')
    .select(['t.id', 't.created_at'])
    .$if(withKeys, (q) =>
      q
        .leftJoinLateral((eb) => enrolmentPeriod(eb, 'ect', leadProviderId).as('ect'), (join) => join.onTrue())
        .leftJoinLateral((eb) => enrolmentPeriod(eb, 'mentor', leadProviderId).as('mentor'), (join) => join.onTrue())
        .select([
          shownUpdatedAtOf(options.today).as('updated_at'),
          'ect.cohort_year as ect_cohort',
          'ect.training_status as ect_training_status',
          'mentor.cohort_year as mentor_cohort',
          'mentor.training_status as mentor_training_status',
        ]),
    )
    .where('t.id', 'in', (eb) =>
      eb
        .selectFrom('training_periods as m')
        .select('m.teacher_id')
        .where('m.lead_provider_id', '=', leadProviderId)
        .where('m.partnership_id', 'is not', null),
    )
  if (options.id !== undefined) query = query.where('t.id', '=', options.id)
  if (options.ids !== undefined) query = query.where(sql<boolean>`t.id = ANY(${[...options.ids]}::uuid[])`)
  if (options.updatedSince) query = query.where(updatedSinceOf(options.updatedSince, options.today))
  return query
}

/** One enrolment's wire values and rule inputs (R-34); `t` is its teacher. */
const enrolmentJson = (today: string) => sql<EnrolmentRow>`json_build_object(
  'role', tp.role,
  'training_record_id', CASE tp.role WHEN 'ect' THEN t.ect_training_record_id ELSE t.mentor_training_record_id END,
  'email', asp.email,
  'mentor_id', CASE tp.role WHEN 'ect' THEN (
    SELECT ms.mentor_teacher_id FROM mentorships ms
    WHERE ms.ect_period_id = tp.at_school_period_id AND (ms.finished_on IS NULL OR ms.finished_on > ${today}::date)
    ORDER BY ms.started_on LIMIT 1) END,
  'school_urn', s.urn,
  'working_pattern', CASE tp.role WHEN 'ect' THEN (
    SELECT latest.working_pattern FROM at_school_periods latest
    WHERE latest.teacher_id = t.id AND latest.role = 'ect' ORDER BY latest.started_on DESC LIMIT 1) END,
  'cohort', tp.cohort_year::text,
  'training_status', ${trainingStatusSql('tp')},
  'started_on', tp.started_on,
  'finished_on', tp.finished_on,
  'pupil_premium_uplift', c.uplift_fees_enabled AND s.pupil_premium_uplift,
  'sparsity_uplift', c.uplift_fees_enabled AND s.sparsity_uplift,
  'schedule_identifier', tp.schedule_identifier,
  'delivery_partner_id', p.delivery_partner_id,
  'withdrawal_reason', tp.withdrawal_reason,
  'withdrawn_at', ${wireTime(sql`tp.withdrawn_at`)},
  'deferral_reason', tp.deferral_reason,
  'deferred_at', ${wireTime(sql`tp.deferred_at`)},
  'created_at', (
    SELECT ${wireTime(sql`first.created_at`)} FROM at_school_periods first
    WHERE first.teacher_id = t.id AND first.role = tp.role ORDER BY first.started_on, first.created_at LIMIT 1),
  'eligible_on', (CASE tp.role WHEN 'ect' THEN t.ect_eligible_for_funding_at ELSE t.mentor_eligible_for_funding_at END
    AT TIME ZONE 'Europe/London')::date,
  'ineligible_on', CASE tp.role WHEN 'ect' THEN t.ect_ineligible_for_funding_on ELSE t.mentor_ineligible_for_funding_on END,
  'payments_frozen', (CASE tp.role WHEN 'ect' THEN t.ect_payments_frozen_year ELSE t.mentor_payments_frozen_year END) IS NOT NULL
)`

/** R-33: the ECT enrolment first, then the mentor one ('ect' sorts before 'mentor'). */
const enrolmentsOfPage = (today: string) => sql<EnrolmentRow[]>`(
  SELECT coalesce(json_agg(${enrolmentJson(today)} ORDER BY tp.role), '[]')
  FROM training_periods tp
  JOIN at_school_periods asp ON asp.id = tp.at_school_period_id
  JOIN partnerships p ON p.id = tp.partnership_id
  JOIN schools s ON s.id = p.school_id
  JOIN cohorts c ON c.year = tp.cohort_year
  WHERE tp.id IN (ect.id, mentor.id))`

/** R-34: participant_id_changes, oldest first. */
const idChangesOfPage = sql<ParticipantRow['participant_id_changes']>`(
  SELECT coalesce(json_agg(json_build_object(
    'from_participant_id', ch.from_participant_id,
    'to_participant_id', ch.to_participant_id,
    'changed_at', ${wireTime(sql`ch.changed_at`)}) ORDER BY ch.changed_at, ch.id), '[]')
  FROM participant_id_changes ch WHERE ch.teacher_id = page.id)`

/** The keys of one member, as `members` selects them (all but the first two only `withKeys`). */
type MemberRow = {
  id: string
  created_at: Date
  updated_at?: Date
  ect_cohort?: number | null
  ect_training_status?: TrainingStatus | null
  mentor_cohort?: number | null
  mentor_training_status?: TrainingStatus | null
}

/** R-39: the filters on enrolments; then sort and page (updated_since is applied in members). */
function pageOf(qc: QueryCreator<Database & { members: MemberRow }>, options: FeedOptions, sort: SortKey<SortName>[], page: Page) {
  const { cohorts = null, trainingStatus = null, fromParticipantId = null } = options
  let query = qc.selectFrom('members').selectAll()
  if (cohorts !== null) query = query.where(enrolmentInCohorts({ ect: sql.ref('ect_cohort'), mentor: sql.ref('mentor_cohort') }, cohorts))
  if (trainingStatus !== null) {
    query = query.where(enrolmentWithStatus({ ect: sql.ref('ect_training_status'), mentor: sql.ref('mentor_training_status') }, trainingStatus))
  }
  if (fromParticipantId !== null) {
    query = query.where((eb) =>
      eb.exists(
        eb.selectFrom('participant_id_changes as f').select(sql.lit(1).as('one'))
          .whereRef('f.teacher_id', '=', 'members.id').where('f.from_participant_id', '=', fromParticipantId),
      ),
    )
  }
  const keys = { created_at: sql`members.created_at`, updated_at: sql`members.updated_at` }
  return orderAndPage(query, sort, keys, sql`members.id`, page, DEFAULT_SORT)
}

/** The caller's participants, filtered, sorted and paged (R-39), or the one of R-40. */
export async function listParticipants(db: Db, leadProviderId: string, options: FeedOptions): Promise<ParticipantRow[]> {
  const page = options.page ?? { page: 1, perPage: 1, offset: 0, beyondEnd: false }
  const sort = options.sort?.length ? options.sort : DEFAULT_SORT
  if (page.beyondEnd || options.cohorts?.length === 0) return []

  const { cohorts = null, trainingStatus = null } = options
  const withKeys = cohorts !== null || trainingStatus !== null || sort.some(({ key }) => key === 'updated_at')
  let query = db
    .with('members', () => members(db, leadProviderId, options, withKeys))
    .with('page', (qc) => pageOf(qc, options, sort, page))
    .selectFrom('page')
    .innerJoin('teachers as t', 't.id', 'page.id')
    .leftJoinLateral((eb) => enrolmentPeriod(eb, 'ect', leadProviderId).as('ect'), (join) => join.onTrue())
    .leftJoinLateral((eb) => enrolmentPeriod(eb, 'mentor', leadProviderId).as('mentor'), (join) => join.onTrue())
    .select([
      'page.id',
      't.trn',
      't.first_name',
      't.last_name',
      't.induction_started_on',
      't.induction_completed_on',
      't.latest_induction_period_finished_on',
      't.mentor_ineligible_for_funding_on',
      't.mentor_ineligible_for_funding_reason',
      shownUpdatedAtOf(options.today).as('updated_at'),
      enrolmentsOfPage(options.today).as('enrolments'),
      idChangesOfPage.as('participant_id_changes'),
    ])
  // The page's own order again: a CTE's order does not carry over (C-36 tie-breaker last).
  for (const { key, direction } of sort) query = query.orderBy(key === 'created_at' ? 'page.created_at' : sql`page.updated_at`, direction)
  return (await query.orderBy('page.id').execute()) as ParticipantRow[]
}

export async function findParticipant(db: Db, leadProviderId: string, id: string, today: string): Promise<ParticipantRow | undefined> {
  const [row] = await listParticipants(db, leadProviderId, { today, id })
  return row
}
