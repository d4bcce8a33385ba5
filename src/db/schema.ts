// Kysely's view of the tables in migrations/, one row type per table (snake_case, as in SQL).
import type { ColumnType, Generated } from 'kysely'

/** A calendar date column: `YYYY-MM-DD` strings both ways (connect.ts sets the parser). */
export type DateColumn = string
/** An instant column: written from the request clock as a parameter, read as a Date. */
export type Instant = ColumnType<Date, Date | string, Date | string>

export interface SettingsTable {
  id: Generated<boolean>
  mode: 'sandbox' | 'production' | null
  seeded: Generated<boolean>
  seed_number: number | null
  seeding_date: DateColumn | null
  no_seed: Generated<boolean>
}

export interface CohortsTable {
  id: string
  year: number
  starts_on: DateColumn
  ends_on: DateColumn
  partnerships_open: boolean
  payments_frozen_on: DateColumn | null
  mentor_funding_enabled: boolean
  detailed_evidence_types_enabled: boolean
  uplift_fees_enabled: boolean
  created_at: Instant
  updated_at: Instant
}

export interface LeadProvidersTable {
  id: string
  name: string
  created_at: Instant
  updated_at: Instant
}

export interface LeadProviderTokensTable {
  id: string
  lead_provider_id: string
  digest: string
  description: string | null
  seeded: Generated<boolean>
  created_at: Instant
  last_used_at: Instant | null
  revoked_at: Instant | null
}

export interface AdminTokensTable {
  id: string
  digest: string
  source: 'environment' | 'generated' | 'cli'
  description: string | null
  created_at: Instant
  revoked_at: Instant | null
}

export interface DeliveryPartnersTable {
  id: string
  name: string
  created_at: Instant
  updated_at: Instant
}

export interface PairingsTable {
  id: string
  lead_provider_id: string
  delivery_partner_id: string
  cohort_year: number
  created_at: Instant
}

export type EstablishmentStatus = 'open' | 'closed' | 'proposed_to_close' | 'proposed_to_open'

export interface SchoolsTable {
  id: string
  urn: string
  name: string
  local_authority: string | null
  establishment_type: string | null
  establishment_status: EstablishmentStatus
  eligible: boolean
  contact_email: string | null
  pupil_premium_uplift: boolean
  sparsity_uplift: boolean
  induction_tutor_name: string | null
  induction_tutor_email: string | null
  created_at: Instant
  updated_at: Instant
}

export type Author = 'operator' | 'lead_provider' | 'school' | 'system'

export interface EventsTable {
  id: Generated<string>
  occurred_at: Instant
  author: Author
  lead_provider_id: string | null
  action: string
  subject_type: string
  subject_id: string | null
  data: ColumnType<unknown, string, string>
  /** W-16: the web user who acted; null for the APIs. */
  actor: ColumnType<string | null, string | null | undefined, string | null>
}

/** W-12: a web session's data, server-side. */
export interface WebSessionsTable {
  id: string
  data: ColumnType<unknown, string, string>
  expires_at: Instant
  created_at: Instant
}

export interface SchemaMigrationsTable {
  name: string
  applied_at: Instant
  /** The file's SHA-256 (migrate.ts); null for a row applied before they were kept, until checked. */
  sha256: string | null
}

export interface SchemaDefinitionsTable {
  name: string
  sha256: string
  applied_at: Instant
}

export interface PartnershipsTable {
  id: string
  school_id: string
  lead_provider_id: string
  delivery_partner_id: string
  cohort_year: number
  additional: Generated<boolean>
  created_by: 'lead_provider' | 'operator' | 'carry_forward'
  carried_from_partnership_id: string | null
  first_attached_at: Instant | null
  created_at: Instant
  updated_at: Instant
}

export type MentorIneligibleReason = 'completed_declaration_received' | 'completed_during_early_roll_out' | 'started_not_completed'

export interface TeachersTable {
  id: string
  trn: string
  first_name: string
  last_name: string
  date_of_birth: DateColumn
  ect_training_record_id: string
  mentor_training_record_id: string
  ect_eligible_for_funding_at: Instant | null
  mentor_eligible_for_funding_at: Instant | null
  ect_ineligible_for_funding_on: DateColumn | null
  mentor_ineligible_for_funding_on: DateColumn | null
  mentor_ineligible_for_funding_reason: MentorIneligibleReason | null
  ect_payments_frozen_year: number | null
  mentor_payments_frozen_year: number | null
  induction_started_on: DateColumn | null
  induction_completed_on: DateColumn | null
  latest_induction_period_finished_on: DateColumn | null
  created_at: Instant
  updated_at: Instant
}

export interface ParticipantIdChangesTable {
  id: string
  teacher_id: string
  from_participant_id: string
  to_participant_id: string
  changed_at: Instant
}

/** a lead provider's participant with its cached wire document (0008). */
export interface ParticipantDocumentsTable {
  lead_provider_id: string
  teacher_id: string
  created_at: Instant
  version: Generated<string>
  /** The log's keys consumed into the document (0020). */
  logged: Generated<string>
  /** `YYYY-MM-DD`, or '-infinity'. */
  valid_from: Generated<string>
  /** `YYYY-MM-DD`, 'infinity', or '-infinity' while stale. */
  valid_until: Generated<string>
  updated_at: Instant | null
  ect_cohort: number | null
  ect_training_status: string | null
  mentor_cohort: number | null
  mentor_training_status: string | null
  from_participant_ids: string[] | null
  body: string | null
  /** The transfers resource (0010); null when the lead provider sees no transfer of the teacher. */
  transfers_body: string | null
  transfers_updated_at: Instant | null
}

/** a partnership with its cached wire document (0009). */
export interface PartnershipDocumentsTable {
  partnership_id: string
  lead_provider_id: string
  created_at: Instant
  cohort_year: number
  version: Generated<string>
  logged: Generated<string>
  valid_from: Generated<string>
  valid_until: Generated<string>
  updated_at: Instant | null
  delivery_partner_id: string | null
  body: string | null
}

export interface SchoolDocumentsTable {
  school_id: string
  cohort_year: number
  created_at: Instant
  urn: string
  version: Generated<string>
  logged: Generated<string>
  valid_from: Generated<string>
  valid_until: Generated<string>
  listed: boolean | null
  updated_at: Instant | null
  eoi_lead_provider_ids: string[] | null
  body: string | null
  body_eoi: string | null
}

export type Role = 'ect' | 'mentor'
export type WorkingPattern = 'full_time' | 'part_time'
export type TrainingProgramme = 'provider_led' | 'school_led'

export interface AtSchoolPeriodsTable {
  id: string
  teacher_id: string
  role: Role
  school_id: string
  started_on: DateColumn
  finished_on: DateColumn | null
  email: string
  working_pattern: WorkingPattern | null
  reported_leaving_on: DateColumn | null
  leaving_recorded_at: Instant | null
  created_at: Instant
  updated_at: Instant
}

export interface TrainingPeriodsTable {
  id: string
  at_school_period_id: string
  teacher_id: string
  role: Role
  school_id: string
  training_programme: TrainingProgramme
  lead_provider_id: string | null
  cohort_year: number
  partnership_id: string | null
  schedule_identifier: string | null
  began_as_eoi: Generated<boolean>
  started_on: DateColumn
  finished_on: DateColumn | null
  withdrawn_at: Instant | null
  withdrawal_reason: string | null
  deferred_at: Instant | null
  deferral_reason: string | null
  created_at: Instant
  updated_at: Instant
}

export interface MentorshipsTable {
  id: string
  ect_period_id: string
  ect_teacher_id: string
  ect_role: Generated<'ect'>
  mentor_period_id: string
  mentor_teacher_id: string
  mentor_role: Generated<'mentor'>
  school_id: string
  started_on: DateColumn
  finished_on: DateColumn | null
  created_at: Instant
  updated_at: Instant
}

export interface SchoolCohortStampsTable {
  school_id: string
  cohort_year: number
  updated_at: Instant
}

export type ScheduleIdentifier =
  | 'ecf-standard-september' | 'ecf-standard-january' | 'ecf-standard-april'
  | 'ecf-extended-september' | 'ecf-extended-january' | 'ecf-extended-april'
  | 'ecf-reduced-september' | 'ecf-reduced-january' | 'ecf-reduced-april'
  | 'ecf-replacement-september' | 'ecf-replacement-january' | 'ecf-replacement-april'

export type DeclarationType =
  | 'started' | 'retained-1' | 'retained-2' | 'retained-3' | 'retained-4' | 'completed'
  | 'extended-1' | 'extended-2' | 'extended-3'

/** D-30, D-36: twelve per cohort, keyed by (cohort_year, identifier). */
export interface SchedulesTable {
  cohort_year: number
  identifier: ScheduleIdentifier
}

/** D-31: one per (schedule, declaration type); `milestone_date` null = no deadline. */
export interface MilestonesTable {
  cohort_year: number
  schedule_identifier: ScheduleIdentifier
  declaration_type: DeclarationType
  start_date: DateColumn
  milestone_date: DateColumn | null
}

export type StatementStatus = 'open' | 'payable' | 'paid'

/** D-60: an output statement of one lead provider and cohort, for a calendar month. */
export interface StatementsTable {
  id: string
  lead_provider_id: string
  cohort_year: number
  year: number
  month: 1 | 4 | 8 | 11
  cut_off_date: DateColumn
  payment_date: DateColumn
  status: Generated<StatementStatus>
  marked_as_paid_at: Instant | null
  created_at: Instant
  updated_at: Instant
}

/** D-41: payment and clawback status; the wire `state` is derived from both. */
export interface DeclarationsTable {
  id: string
  training_period_id: string
  teacher_id: string
  role: Role
  lead_provider_id: string
  declaration_type: DeclarationType
  declaration_date: Instant
  evidence_held: string | null
  mentor_teacher_id: string | null
  delivery_partner_id: string
  pupil_premium_uplift: boolean
  sparsity_uplift: boolean
  payment_status: 'submitted' | 'eligible' | 'payable' | 'paid' | 'voided'
  clawback_status: Generated<'none' | 'awaiting-clawback' | 'clawed-back'>
  statement_id: string | null
  clawback_statement_id: string | null
  voided_at: Instant | null
  created_at: Instant
  updated_at: Instant
}

export interface Database {
  settings: SettingsTable
  cohorts: CohortsTable
  lead_providers: LeadProvidersTable
  lead_provider_tokens: LeadProviderTokensTable
  admin_tokens: AdminTokensTable
  delivery_partners: DeliveryPartnersTable
  lead_provider_delivery_partners: PairingsTable
  schools: SchoolsTable
  events: EventsTable
  schema_migrations: SchemaMigrationsTable
  schema_definitions: SchemaDefinitionsTable
  partnerships: PartnershipsTable
  teachers: TeachersTable
  participant_id_changes: ParticipantIdChangesTable
  participant_documents: ParticipantDocumentsTable
  partnership_documents: PartnershipDocumentsTable
  school_documents: SchoolDocumentsTable
  at_school_periods: AtSchoolPeriodsTable
  training_periods: TrainingPeriodsTable
  mentorships: MentorshipsTable
  school_cohort_stamps: SchoolCohortStampsTable
  schedules: SchedulesTable
  milestones: MilestonesTable
  statements: StatementsTable
  declarations: DeclarationsTable
  web_sessions: WebSessionsTable
}
