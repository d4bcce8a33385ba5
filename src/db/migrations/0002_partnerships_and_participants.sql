-- Partnerships (P-3 … P-7), teachers, at-school periods, training periods and mentorships
-- (R-1 … R-10). Every invariant of R-10 and P-6/P-7 is a constraint here; commands check first
-- for the friendly 422 and translate these violations into the same 422 under a race (R-11).

-- P-3, P-6, P-7.
CREATE TABLE partnerships (
  id uuid PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools (id),
  lead_provider_id uuid NOT NULL REFERENCES lead_providers (id),
  delivery_partner_id uuid NOT NULL REFERENCES delivery_partners (id),
  cohort_year integer NOT NULL REFERENCES cohorts (year),
  additional boolean NOT NULL DEFAULT false,
  created_by text NOT NULL CONSTRAINT partnerships_p3_created_by CHECK (created_by IN ('lead_provider', 'operator', 'carry_forward')),
  carried_from_partnership_id uuid REFERENCES partnerships (id),
  -- P-27 rule 2: the instant the first training period was attached; never cleared.
  first_attached_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT partnerships_p7_pairing_exists FOREIGN KEY (lead_provider_id, delivery_partner_id, cohort_year)
    REFERENCES lead_provider_delivery_partners (lead_provider_id, delivery_partner_id, cohort_year),
  CONSTRAINT partnerships_p6_unique_on_pairing UNIQUE (school_id, lead_provider_id, delivery_partner_id, cohort_year),
  CONSTRAINT partnerships_r10_key_for_training UNIQUE (id, school_id, lead_provider_id, cohort_year)
);
CREATE UNIQUE INDEX partnerships_p6_one_primary ON partnerships (school_id, lead_provider_id, cohort_year) WHERE NOT additional;
CREATE INDEX partnerships_by_lead_provider ON partnerships (lead_provider_id, created_at, id);
CREATE INDEX partnerships_by_school_cohort ON partnerships (school_id, cohort_year);

-- R-1, R-9.
CREATE TABLE teachers (
  id uuid PRIMARY KEY, -- the participant id
  trn text NOT NULL CONSTRAINT teachers_r10_trn_unique UNIQUE CONSTRAINT teachers_r10_trn_format CHECK (trn ~ '^[0-9]{7}$'),
  first_name text NOT NULL,
  last_name text NOT NULL,
  date_of_birth date NOT NULL,
  ect_training_record_id uuid NOT NULL CONSTRAINT teachers_r10_ect_record_unique UNIQUE,
  mentor_training_record_id uuid NOT NULL CONSTRAINT teachers_r10_mentor_record_unique UNIQUE,
  ect_eligible_for_funding_at timestamptz,
  mentor_eligible_for_funding_at timestamptz,
  ect_ineligible_for_funding_on date,
  mentor_ineligible_for_funding_on date,
  mentor_ineligible_for_funding_reason text CONSTRAINT teachers_r9_mentor_reason CHECK (
    mentor_ineligible_for_funding_reason IN ('completed_declaration_received', 'completed_during_early_roll_out', 'started_not_completed')),
  ect_payments_frozen_year integer,
  mentor_payments_frozen_year integer,
  induction_started_on date,
  induction_completed_on date,
  latest_induction_period_finished_on date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- R-9, S-39: participant id changes, oldest first.
CREATE TABLE participant_id_changes (
  id uuid PRIMARY KEY,
  teacher_id uuid NOT NULL REFERENCES teachers (id),
  from_participant_id uuid NOT NULL,
  to_participant_id uuid NOT NULL,
  changed_at timestamptz NOT NULL
);
CREATE INDEX participant_id_changes_by_teacher ON participant_id_changes (teacher_id, changed_at);
CREATE INDEX participant_id_changes_by_from ON participant_id_changes (from_participant_id);

-- R-3, R-4: one table for both roles; `role` keeps ECT and mentor histories apart.
CREATE TABLE at_school_periods (
  id uuid PRIMARY KEY,
  teacher_id uuid NOT NULL REFERENCES teachers (id),
  role text NOT NULL CONSTRAINT at_school_periods_r3_role CHECK (role IN ('ect', 'mentor')),
  school_id uuid NOT NULL REFERENCES schools (id),
  started_on date NOT NULL,
  finished_on date,
  email text NOT NULL,
  working_pattern text CONSTRAINT at_school_periods_r3_working_pattern CHECK (
    (role = 'ect' AND working_pattern IN ('full_time', 'part_time')) OR (role = 'mentor' AND working_pattern IS NULL)),
  reported_leaving_on date,
  leaving_recorded_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT at_school_periods_r10_finishes_after_start CHECK (finished_on IS NULL OR finished_on > started_on),
  CONSTRAINT at_school_periods_r10_one_school_at_a_time EXCLUDE USING gist (
    teacher_id WITH =, role WITH =, daterange(started_on, finished_on, '[)') WITH &&),
  CONSTRAINT at_school_periods_r10_key UNIQUE (id, teacher_id, role, school_id)
);
CREATE INDEX at_school_periods_by_school ON at_school_periods (school_id, role);
CREATE INDEX at_school_periods_by_email ON at_school_periods (lower(email));

-- R-5 … R-7.
CREATE TABLE training_periods (
  id uuid PRIMARY KEY,
  at_school_period_id uuid NOT NULL,
  teacher_id uuid NOT NULL,
  role text NOT NULL,
  school_id uuid NOT NULL,
  training_programme text NOT NULL CONSTRAINT training_periods_r5_programme CHECK (training_programme IN ('provider_led', 'school_led')),
  lead_provider_id uuid REFERENCES lead_providers (id),
  cohort_year integer NOT NULL REFERENCES cohorts (year),
  partnership_id uuid,
  schedule_identifier text,
  -- P-33: the period began as an expression of interest (awaiting partnership).
  began_as_eoi boolean NOT NULL DEFAULT false,
  started_on date NOT NULL,
  finished_on date,
  withdrawn_at timestamptz,
  withdrawal_reason text,
  deferred_at timestamptz,
  deferral_reason text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT training_periods_r10_in_its_school_period FOREIGN KEY (at_school_period_id, teacher_id, role, school_id)
    REFERENCES at_school_periods (id, teacher_id, role, school_id),
  CONSTRAINT training_periods_r10_partnership_matches FOREIGN KEY (partnership_id, school_id, lead_provider_id, cohort_year)
    REFERENCES partnerships (id, school_id, lead_provider_id, cohort_year),
  CONSTRAINT training_periods_r10_dates CHECK (
    finished_on IS NULL OR finished_on > started_on OR (finished_on = started_on AND partnership_id IS NOT NULL)),
  CONSTRAINT training_periods_r10_kind CHECK (
    (training_programme = 'school_led' AND role = 'ect' AND lead_provider_id IS NULL AND partnership_id IS NULL AND schedule_identifier IS NULL)
    OR (training_programme = 'provider_led' AND lead_provider_id IS NOT NULL AND schedule_identifier IS NOT NULL)),
  CONSTRAINT training_periods_r10_no_overlap EXCLUDE USING gist (
    teacher_id WITH =, role WITH =, daterange(started_on, finished_on, '[)') WITH &&)
);
CREATE INDEX training_periods_by_partnership ON training_periods (partnership_id) WHERE partnership_id IS NOT NULL;
CREATE INDEX training_periods_by_teacher ON training_periods (teacher_id, role, started_on);
CREATE INDEX training_periods_by_period ON training_periods (at_school_period_id);
CREATE INDEX training_periods_awaiting ON training_periods (school_id, lead_provider_id, cohort_year)
  WHERE partnership_id IS NULL AND training_programme = 'provider_led';
CREATE INDEX training_periods_by_school_cohort ON training_periods (school_id, cohort_year);

-- R-8.
CREATE TABLE mentorships (
  id uuid PRIMARY KEY,
  ect_period_id uuid NOT NULL,
  ect_teacher_id uuid NOT NULL,
  ect_role text NOT NULL DEFAULT 'ect' CONSTRAINT mentorships_r10_ect_role CHECK (ect_role = 'ect'),
  mentor_period_id uuid NOT NULL,
  mentor_teacher_id uuid NOT NULL,
  mentor_role text NOT NULL DEFAULT 'mentor' CONSTRAINT mentorships_r10_mentor_role CHECK (mentor_role = 'mentor'),
  school_id uuid NOT NULL,
  started_on date NOT NULL,
  finished_on date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT mentorships_r10_ect_period FOREIGN KEY (ect_period_id, ect_teacher_id, ect_role, school_id)
    REFERENCES at_school_periods (id, teacher_id, role, school_id),
  CONSTRAINT mentorships_r10_mentor_period FOREIGN KEY (mentor_period_id, mentor_teacher_id, mentor_role, school_id)
    REFERENCES at_school_periods (id, teacher_id, role, school_id),
  CONSTRAINT mentorships_r10_different_teachers CHECK (ect_teacher_id <> mentor_teacher_id),
  CONSTRAINT mentorships_r10_dates CHECK (finished_on IS NULL OR finished_on > started_on),
  CONSTRAINT mentorships_r10_one_mentor_at_a_time EXCLUDE USING gist (
    ect_period_id WITH =, daterange(started_on, finished_on, '[)') WITH &&)
);
CREATE INDEX mentorships_by_mentor_period ON mentorships (mentor_period_id);
CREATE INDEX mentorships_by_ect_teacher ON mentorships (ect_teacher_id);

-- R-10: a training period lies inside its at-school period; a mentorship inside both periods.
-- Checked at commit (deferred), so a command may move a period and its training in any order.
CREATE FUNCTION r10_training_inside_school_period() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad uuid;
BEGIN
  SELECT tp.id INTO bad
  FROM training_periods tp JOIN at_school_periods p ON p.id = tp.at_school_period_id
  WHERE (CASE WHEN TG_TABLE_NAME = 'training_periods' THEN tp.id = NEW.id ELSE p.id = NEW.id END)
    AND (tp.started_on < p.started_on
         OR (p.finished_on IS NOT NULL AND (tp.finished_on IS NULL OR tp.finished_on > p.finished_on)))
  LIMIT 1;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'training period % lies outside its at-school period', bad
      USING ERRCODE = '23514', CONSTRAINT = 'training_periods_r10_inside_school_period';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER training_periods_r10_inside_school_period
  AFTER INSERT OR UPDATE ON training_periods DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION r10_training_inside_school_period();
CREATE CONSTRAINT TRIGGER at_school_periods_r10_contains_training
  AFTER UPDATE ON at_school_periods DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION r10_training_inside_school_period();

CREATE FUNCTION r10_mentorship_inside_periods() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad uuid;
BEGIN
  SELECT m.id INTO bad
  FROM mentorships m
  JOIN at_school_periods e ON e.id = m.ect_period_id
  JOIN at_school_periods t ON t.id = m.mentor_period_id
  WHERE (CASE WHEN TG_TABLE_NAME = 'mentorships' THEN m.id = NEW.id ELSE (e.id = NEW.id OR t.id = NEW.id) END)
    AND (m.started_on < e.started_on OR m.started_on < t.started_on
         OR (e.finished_on IS NOT NULL AND (m.finished_on IS NULL OR m.finished_on > e.finished_on))
         OR (t.finished_on IS NOT NULL AND (m.finished_on IS NULL OR m.finished_on > t.finished_on)))
  LIMIT 1;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'mentorship % lies outside its periods', bad
      USING ERRCODE = '23514', CONSTRAINT = 'mentorships_r10_inside_periods';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER mentorships_r10_inside_periods
  AFTER INSERT OR UPDATE ON mentorships DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION r10_mentorship_inside_periods();
CREATE CONSTRAINT TRIGGER at_school_periods_r10_contains_mentorships
  AFTER UPDATE ON at_school_periods DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION r10_mentorship_inside_periods();

-- P-37: a school's stamp for one cohort (the school row's updated_at covers every cohort).
CREATE TABLE school_cohort_stamps (
  school_id uuid NOT NULL REFERENCES schools (id),
  cohort_year integer NOT NULL REFERENCES cohorts (year),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (school_id, cohort_year)
);
