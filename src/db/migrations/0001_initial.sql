-- Reference data: cohorts, lead providers and tokens, delivery partners and pairings, schools;
-- the settings row (S-4), admin tokens (C-7) and the audit trail (C-81).
-- Constraint names say the rule they guard.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE settings (
  id boolean PRIMARY KEY DEFAULT true CONSTRAINT settings_single_row CHECK (id),
  mode text CONSTRAINT settings_s4_mode CHECK (mode IN ('sandbox', 'production')),
  seeded boolean NOT NULL DEFAULT false,
  seed_number bigint,
  seeding_date date,
  no_seed boolean NOT NULL DEFAULT false
);
INSERT INTO settings (id) VALUES (true);

CREATE TABLE cohorts (
  id uuid PRIMARY KEY,
  year integer NOT NULL CONSTRAINT cohorts_p10_year_unique UNIQUE
    CONSTRAINT cohorts_p10_year_range CHECK (year BETWEEN 2020 AND 2099),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  partnerships_open boolean NOT NULL,
  payments_frozen_on date,
  mentor_funding_enabled boolean NOT NULL,
  detailed_evidence_types_enabled boolean NOT NULL,
  uplift_fees_enabled boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT cohorts_p10_ends_after_starts CHECK (ends_on > starts_on),
  CONSTRAINT cohorts_p10_no_overlap EXCLUDE USING gist (daterange(starts_on, ends_on) WITH &&)
);

CREATE TABLE lead_providers (
  id uuid PRIMARY KEY,
  name text NOT NULL CONSTRAINT lead_providers_p14_name_length CHECK (length(name) BETWEEN 1 AND 255),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX lead_providers_p14_name_unique ON lead_providers (lower(name));

-- C-4, Q-17: only the SHA-256 digest of a token is kept. `seeded` marks the sandbox tokens of
-- S-34, whose plaintext can be derived again from the seed number for the start-up output.
CREATE TABLE lead_provider_tokens (
  id uuid PRIMARY KEY,
  lead_provider_id uuid NOT NULL REFERENCES lead_providers (id),
  digest text NOT NULL CONSTRAINT lead_provider_tokens_c4_digest_unique UNIQUE
    CONSTRAINT lead_provider_tokens_c4_digest_hex CHECK (digest ~ '^[0-9a-f]{64}$'),
  description text CONSTRAINT lead_provider_tokens_p15_description_length CHECK (length(description) <= 255),
  seeded boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX lead_provider_tokens_live ON lead_provider_tokens (lead_provider_id, created_at) WHERE revoked_at IS NULL;

-- C-7, S-15, S-25: `source` says who made the token, so start-up replaces only its own kinds.
CREATE TABLE admin_tokens (
  id uuid PRIMARY KEY,
  digest text NOT NULL CONSTRAINT admin_tokens_c7_digest_unique UNIQUE
    CONSTRAINT admin_tokens_c7_digest_hex CHECK (digest ~ '^[0-9a-f]{64}$'),
  source text NOT NULL CONSTRAINT admin_tokens_s15_source CHECK (source IN ('environment', 'generated', 'cli')),
  description text,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE TABLE delivery_partners (
  id uuid PRIMARY KEY,
  name text NOT NULL CONSTRAINT delivery_partners_p18_name_length CHECK (length(name) BETWEEN 1 AND 255),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX delivery_partners_p18_name_unique ON delivery_partners (lower(name));

-- P-2, P-19: DfE's agreement that a lead provider may work with a delivery partner in a cohort.
CREATE TABLE lead_provider_delivery_partners (
  id uuid PRIMARY KEY,
  lead_provider_id uuid NOT NULL REFERENCES lead_providers (id),
  delivery_partner_id uuid NOT NULL REFERENCES delivery_partners (id),
  cohort_year integer NOT NULL REFERENCES cohorts (year),
  created_at timestamptz NOT NULL,
  CONSTRAINT pairings_p2_unique UNIQUE (lead_provider_id, delivery_partner_id, cohort_year)
);
CREATE INDEX pairings_by_delivery_partner ON lead_provider_delivery_partners (delivery_partner_id, cohort_year);
CREATE INDEX pairings_by_cohort ON lead_provider_delivery_partners (cohort_year, lead_provider_id);

CREATE TABLE schools (
  id uuid PRIMARY KEY,
  urn text NOT NULL CONSTRAINT schools_p21_urn_unique UNIQUE
    CONSTRAINT schools_p21_urn_format CHECK (urn ~ '^[0-9]{6}$'),
  name text NOT NULL CONSTRAINT schools_p21_name_length CHECK (length(name) BETWEEN 1 AND 255),
  local_authority text,
  establishment_type text,
  establishment_status text NOT NULL DEFAULT 'open' CONSTRAINT schools_p21_establishment_status
    CHECK (establishment_status IN ('open', 'closed', 'proposed_to_close', 'proposed_to_open')),
  eligible boolean NOT NULL DEFAULT true,
  contact_email text,
  pupil_premium_uplift boolean NOT NULL DEFAULT false,
  sparsity_uplift boolean NOT NULL DEFAULT false,
  induction_tutor_name text,
  induction_tutor_email text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- C-81: every write records who acted, in the same transaction as the change.
CREATE TABLE events (
  id bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  author text NOT NULL CONSTRAINT events_c81_author CHECK (author IN ('operator', 'lead_provider', 'school', 'system')),
  lead_provider_id uuid REFERENCES lead_providers (id),
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id uuid,
  data jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX events_by_subject ON events (subject_type, subject_id);
