// The one map of what the stored documents are derived from (Q-4 … Q-6, C-56): which table's
// changes make which documents stale, and which documents. Each entry becomes part of a
// statement-level trigger on its table (invalidation.ts) that appends the keys to
// document_invalidations, an append-only log: a write's statements insert there and never update
// or lock a document row. The log is consumed by the builders (the documents are marked stale and
// new members added), and until it is, a reader treats every document a pending key may name as
// stale; under `rect serve` a command consumes its participant keys itself and builds their
// documents last, before it commits (write-through.ts).
//
// `keys` is SQL over `rows` — the changed rows, old and new versions both — selecting the keys of
// the documents that may show something else now: a teacher's id for participant documents (all
// lead providers' documents of that teacher, transfers included), a partnership's id, or a school
// and a cohort (null: every cohort) for school documents. A key names a document that need not
// exist yet: consuming it adds the member rows R-32, P-49 and P-43 call for.
//
// test/read-models/invalidation.property.test.ts drives every command at random and compares
// each served document with the derivation; removing an entry here makes it fail.

export type DocumentKind = 'participant' | 'partnership' | 'school'

export type Dependency = {
  table: string
  kind: DocumentKind
  /** SELECT over `rows`: one uuid column (participant, partnership) or a uuid and a cohort year (school). */
  keys: string
  /** What the documents show from the table (rule ids). */
  why: string
  /**
   * The table's changes can make a member the documents do not have a row for yet (R-32, P-49,
   * P-43): its keys are logged as such, and a page's check for new members reads only those.
   */
  member?: true
  /**
   * On UPDATE, only the rows in which one of these columns changed name documents (the table's
   * rows have an `id`): the documents show nothing else of the table, and its other columns move
   * often (a partnership's stamp moves with every school action on its participants, which named
   * every participant of the partnership).
   */
  changedColumns?: readonly string[]
}

export const DEPENDENCIES: readonly Dependency[] = [
  // Participants (R-32 …) and their transfers (T-1 … T-8, T-21): keyed by teacher.
  { table: 'teachers', kind: 'participant', keys: 'SELECT id FROM rows', why: 'R-34 the teacher’s facts, R-14 its stamp' },
  { table: 'training_periods', kind: 'participant', keys: 'SELECT teacher_id FROM rows', why: 'R-32 membership, R-34 enrolments, R-38 dates, T-21', member: true },
  { table: 'at_school_periods', kind: 'participant', keys: 'SELECT teacher_id FROM rows', why: 'R-34 email, working pattern, created_at; T-1 … T-8' },
  { table: 'participant_id_changes', kind: 'participant', keys: 'SELECT teacher_id FROM rows', why: 'R-34 participant_id_changes' },
  { table: 'mentorships', kind: 'participant', keys: 'SELECT ect_teacher_id FROM rows', why: 'R-34 mentor_id, R-38 finish dates' },
  {
    table: 'partnerships',
    kind: 'participant',
    keys: 'SELECT tp.teacher_id FROM training_periods tp JOIN rows r ON r.id = tp.partnership_id',
    why: 'R-34 delivery_partner_id and school_urn, T-5',
    changedColumns: ['delivery_partner_id', 'school_id', 'lead_provider_id'],
  },
  {
    table: 'schools',
    kind: 'participant',
    keys: 'SELECT asp.teacher_id FROM at_school_periods asp JOIN rows r ON r.id = asp.school_id',
    why: 'R-34 uplifts and school_urn, T-5 URNs',
  },
  {
    table: 'cohorts',
    kind: 'participant',
    keys: 'SELECT tp.teacher_id FROM training_periods tp JOIN rows r ON r.year = tp.cohort_year',
    why: 'R-34 uplift_fees_enabled',
  },
  {
    table: 'lead_providers',
    kind: 'participant',
    keys: 'SELECT tp.teacher_id FROM training_periods tp JOIN rows r ON r.id = tp.lead_provider_id',
    why: 'T-5 lead provider names',
  },

  // Partnerships (P-35, P-36, P-49, P-50): keyed by partnership.
  { table: 'partnerships', kind: 'partnership', keys: 'SELECT id FROM rows', why: 'P-49 membership, P-50, P-36 its stamp', member: true },
  {
    table: 'schools',
    kind: 'partnership',
    keys: 'SELECT p.id FROM partnerships p JOIN rows r ON r.id = p.school_id',
    why: 'P-50 the school’s name, URN, tutor',
  },
  {
    table: 'delivery_partners',
    kind: 'partnership',
    keys: 'SELECT p.id FROM partnerships p JOIN rows r ON r.id = p.delivery_partner_id',
    why: 'P-50 the delivery partner’s name, P-36',
  },
  {
    table: 'training_periods',
    kind: 'partnership',
    keys: 'SELECT partnership_id FROM rows WHERE partnership_id IS NOT NULL',
    why: 'P-35 participants_currently_training and its dates',
  },
  {
    table: 'teachers',
    kind: 'partnership',
    keys: 'SELECT tp.partnership_id FROM training_periods tp JOIN rows r ON r.id = tp.teacher_id WHERE tp.partnership_id IS NOT NULL',
    why: 'P-35 completion dates',
  },

  // Schools in a cohort (P-25 … P-27, P-31, P-37, P-43): keyed by school and cohort.
  { table: 'schools', kind: 'school', keys: 'SELECT id, NULL::integer FROM rows', why: 'P-43 membership, P-45, P-37 its stamp', member: true },
  { table: 'cohorts', kind: 'school', keys: 'SELECT s.id, r.year FROM schools s CROSS JOIN rows r', why: 'P-43 membership in a new cohort', member: true },
  { table: 'partnerships', kind: 'school', keys: 'SELECT school_id, cohort_year FROM rows', why: 'P-43 partnered, P-27 rule 2' },
  { table: 'training_periods', kind: 'school', keys: 'SELECT school_id, cohort_year FROM rows', why: 'P-26, P-27 rule 1, P-37 dates' },
  { table: 'school_cohort_stamps', kind: 'school', keys: 'SELECT school_id, cohort_year FROM rows', why: 'P-37 the cohort stamp' },
]

/** A dependency's name, as the property test and its failure messages give it. */
export const dependencyName = (d: Dependency): string => `${d.table} → ${d.kind}`
