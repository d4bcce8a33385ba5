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
}

export interface SchemaMigrationsTable {
  name: string
  applied_at: Instant
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
}
