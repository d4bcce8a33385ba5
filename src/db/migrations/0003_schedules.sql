-- Schedules and milestones (D-30 … D-36): per cohort, twelve schedules keyed by
-- (cohort_year, identifier), each with one milestone per declaration type it accepts.
-- A provider-led training period's (cohort_year, schedule_identifier) names one of them (D-37).

CREATE TABLE schedules (
  cohort_year integer NOT NULL REFERENCES cohorts (year),
  identifier text NOT NULL CONSTRAINT schedules_d30_identifier CHECK (identifier IN (
    'ecf-standard-september', 'ecf-standard-january', 'ecf-standard-april',
    'ecf-extended-september', 'ecf-extended-january', 'ecf-extended-april',
    'ecf-reduced-september', 'ecf-reduced-january', 'ecf-reduced-april',
    'ecf-replacement-september', 'ecf-replacement-january', 'ecf-replacement-april')),
  CONSTRAINT schedules_d36_one_per_cohort_and_identifier PRIMARY KEY (cohort_year, identifier)
);

-- D-31: start_date required; milestone_date null = no deadline, else after start_date.
CREATE TABLE milestones (
  cohort_year integer NOT NULL,
  schedule_identifier text NOT NULL,
  declaration_type text NOT NULL CONSTRAINT milestones_d40_declaration_type CHECK (declaration_type IN (
    'started', 'retained-1', 'retained-2', 'retained-3', 'retained-4', 'completed',
    'extended-1', 'extended-2', 'extended-3')),
  start_date date NOT NULL,
  milestone_date date,
  CONSTRAINT milestones_d31_one_per_type PRIMARY KEY (cohort_year, schedule_identifier, declaration_type),
  CONSTRAINT milestones_d31_of_a_schedule FOREIGN KEY (cohort_year, schedule_identifier)
    REFERENCES schedules (cohort_year, identifier),
  CONSTRAINT milestones_d31_deadline_after_start CHECK (milestone_date IS NULL OR milestone_date > start_date),
  -- D-30: only extended schedules have extended-* milestones.
  CONSTRAINT milestones_d30_extended_types CHECK (
    declaration_type NOT LIKE 'extended-%' OR schedule_identifier LIKE 'ecf-extended-%')
);

-- Backfill for cohorts created before this migration: the schedules of D-33 … D-35 for 2021 …
-- 2026; a later year gets the new-rules pattern, which is D-36's copy of 2026 moved forward.
-- From now on createSchedulesForCohort (src/domain/schedules) writes them when a cohort is created.
INSERT INTO schedules (cohort_year, identifier)
SELECT c.year, kind || '-' || month
FROM cohorts c
CROSS JOIN (VALUES ('ecf-standard'), ('ecf-extended'), ('ecf-reduced'), ('ecf-replacement')) k (kind)
CROSS JOIN (VALUES ('september'), ('january'), ('april')) m (month)
WHERE c.year >= 2021;

WITH standard_2021_2024 (cohort_year, month, declaration_type, start_date, milestone_date) AS (VALUES
  (2021, 'september', 'started', '2021-09-01', '2021-11-30'), (2021, 'september', 'retained-1', '2021-09-01', '2022-01-31'),
  (2021, 'september', 'retained-2', '2022-02-01', '2022-04-30'), (2021, 'september', 'retained-3', '2022-05-01', '2022-09-30'),
  (2021, 'september', 'retained-4', '2022-10-01', '2023-01-31'), (2021, 'september', 'completed', '2023-02-01', '2023-04-30'),
  (2021, 'january', 'started', '2021-12-01', '2022-01-31'), (2021, 'january', 'retained-1', '2022-02-01', '2022-04-30'),
  (2021, 'january', 'retained-2', '2022-05-01', '2022-09-30'), (2021, 'january', 'retained-3', '2022-10-01', '2023-01-31'),
  (2021, 'january', 'retained-4', '2023-02-01', '2023-04-30'), (2021, 'january', 'completed', '2023-05-01', '2023-09-30'),
  (2021, 'april', 'started', '2022-02-01', '2022-05-31'), (2021, 'april', 'retained-1', '2022-05-01', '2022-09-30'),
  (2021, 'april', 'retained-2', '2022-10-01', '2023-01-31'), (2021, 'april', 'retained-3', '2023-02-01', '2023-04-30'),
  (2021, 'april', 'retained-4', '2023-05-01', '2023-09-30'), (2021, 'april', 'completed', '2023-10-01', '2024-01-31'),
  (2022, 'september', 'started', '2022-06-01', '2022-12-31'), (2022, 'september', 'retained-1', '2023-01-01', '2023-03-31'),
  (2022, 'september', 'retained-2', '2023-04-01', '2023-07-31'), (2022, 'september', 'retained-3', '2023-08-01', '2023-12-31'),
  (2022, 'september', 'retained-4', '2024-01-01', '2024-03-31'), (2022, 'september', 'completed', '2024-04-01', '2024-07-31'),
  (2022, 'january', 'started', '2023-01-01', '2023-03-31'), (2022, 'january', 'retained-1', '2023-04-01', '2023-07-31'),
  (2022, 'january', 'retained-2', '2023-08-01', '2023-12-31'), (2022, 'january', 'retained-3', '2024-01-01', '2024-03-31'),
  (2022, 'january', 'retained-4', '2024-04-01', '2024-07-31'), (2022, 'january', 'completed', '2024-08-01', '2024-12-31'),
  (2022, 'april', 'started', '2023-04-01', '2023-07-31'), (2022, 'april', 'retained-1', '2023-08-01', '2023-12-31'),
  (2022, 'april', 'retained-2', '2024-01-01', '2024-03-31'), (2022, 'april', 'retained-3', '2024-04-01', '2024-07-31'),
  (2022, 'april', 'retained-4', '2024-08-01', '2024-12-31'), (2022, 'april', 'completed', '2025-01-01', '2025-03-31'),
  (2023, 'september', 'started', '2023-06-01', '2023-12-31'), (2023, 'september', 'retained-1', '2024-01-01', '2024-03-31'),
  (2023, 'september', 'retained-2', '2024-04-01', '2024-07-31'), (2023, 'september', 'retained-3', '2024-08-01', '2024-12-31'),
  (2023, 'september', 'retained-4', '2025-01-01', '2025-03-31'), (2023, 'september', 'completed', '2025-04-01', '2025-07-31'),
  (2023, 'january', 'started', '2024-01-01', '2024-03-31'), (2023, 'january', 'retained-1', '2024-04-01', '2024-07-31'),
  (2023, 'january', 'retained-2', '2024-08-01', '2024-12-31'), (2023, 'january', 'retained-3', '2025-01-01', '2025-03-31'),
  (2023, 'january', 'retained-4', '2025-04-01', '2025-07-31'), (2023, 'january', 'completed', '2025-08-01', '2025-12-31'),
  (2023, 'april', 'started', '2024-04-01', '2024-07-31'), (2023, 'april', 'retained-1', '2024-08-01', '2024-12-31'),
  (2023, 'april', 'retained-2', '2025-01-01', '2025-03-31'), (2023, 'april', 'retained-3', '2025-04-01', '2025-07-31'),
  (2023, 'april', 'retained-4', '2025-08-01', '2025-12-31'), (2023, 'april', 'completed', '2026-01-01', '2026-03-31'),
  (2024, 'september', 'started', '2024-06-01', '2024-12-31'), (2024, 'september', 'retained-1', '2025-01-01', '2025-03-31'),
  (2024, 'september', 'retained-2', '2025-04-01', '2025-07-31'), (2024, 'september', 'retained-3', '2025-08-01', '2025-12-31'),
  (2024, 'september', 'retained-4', '2026-01-01', '2026-03-31'), (2024, 'september', 'completed', '2026-04-01', '2026-07-31'),
  (2024, 'january', 'started', '2025-01-01', '2025-03-31'), (2024, 'january', 'retained-1', '2025-04-01', '2025-07-31'),
  (2024, 'january', 'retained-2', '2025-08-01', '2025-12-31'), (2024, 'january', 'retained-3', '2026-01-01', '2026-03-31'),
  (2024, 'january', 'retained-4', '2026-04-01', '2026-07-31'), (2024, 'january', 'completed', '2026-08-01', '2026-12-31'),
  (2024, 'april', 'started', '2025-04-01', '2025-07-31'), (2024, 'april', 'retained-1', '2025-08-01', '2025-12-31'),
  (2024, 'april', 'retained-2', '2026-01-01', '2026-03-31'), (2024, 'april', 'retained-3', '2026-04-01', '2026-07-31'),
  (2024, 'april', 'retained-4', '2026-08-01', '2026-12-31'), (2024, 'april', 'completed', '2027-01-01', '2027-03-31')
),
types (declaration_type, extended_only) AS (VALUES
  ('started', false), ('retained-1', false), ('retained-2', false), ('retained-3', false), ('retained-4', false),
  ('completed', false), ('extended-1', true), ('extended-2', true), ('extended-3', true)
)
INSERT INTO milestones (cohort_year, schedule_identifier, declaration_type, start_date, milestone_date)
SELECT s.cohort_year, s.identifier, t.declaration_type,
  COALESCE(std.start_date::date, CASE
    WHEN s.identifier LIKE '%-january' THEN make_date(s.cohort_year + 1, 1, 1)
    WHEN s.identifier LIKE '%-april' THEN make_date(s.cohort_year + 1, 4, 1)
    WHEN s.identifier = 'ecf-standard-september' THEN make_date(s.cohort_year, 6, 1)
    ELSE make_date(s.cohort_year, 9, 1) END),
  std.milestone_date::date
FROM schedules s
JOIN types t ON NOT t.extended_only OR s.identifier LIKE 'ecf-extended-%'
LEFT JOIN standard_2021_2024 std ON std.cohort_year = s.cohort_year
  AND s.identifier = 'ecf-standard-' || std.month AND std.declaration_type = t.declaration_type;

-- D-37: a provider-led training period's schedule is one of its cohort's. Rows written before
-- this migration are not re-validated (NOT VALID), so a database holding a provider-led period
-- in a cohort without schedules (before 2021) still migrates; every new or re-keyed row is checked.
ALTER TABLE training_periods ADD CONSTRAINT training_periods_d37_schedule_of_its_cohort
  FOREIGN KEY (cohort_year, schedule_identifier) REFERENCES schedules (cohort_year, identifier) NOT VALID;
