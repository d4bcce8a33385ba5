-- Q-4, Q-11: documents learn they are stale from an append-only log instead of from their writers.
-- Until now the triggers of 0008 … 0012 updated document rows inside every writing transaction,
-- after the domain rows it had locked; two commands that touched the same documents and domain
-- rows in different orders (a PUT on a partnership, a school action at its school) deadlocked.
-- Now a write's statement triggers only append the keys of the documents it may change to
-- document_invalidations (src/read-models/dependencies.ts declares which table's changes name
-- which documents), and nothing else: a writer never updates or locks a document row. The log is
-- consumed by document_invalidations_consume (a definition), called by the builders in a statement of their own:
-- it deletes what it takes, adds the member rows the keys call for (R-32, P-49, P-43) and marks
-- those documents stale (a new version, so a build that read the data before the write cannot
-- store). A reader counts a pending key as a stale document.
CREATE TABLE document_invalidations (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('participant', 'partnership', 'school')),
  -- A teacher (participant documents of every lead provider), a partnership, or a school.
  id uuid NOT NULL,
  -- School documents only: the cohort, or null for every cohort.
  cohort_year integer
);
CREATE INDEX document_invalidations_by_key ON document_invalidations (kind, id);

-- The writers' document triggers of 0008 … 0012 go, with their functions.
DROP FUNCTION participant_documents_add_members() CASCADE;
DROP FUNCTION participant_documents_teacher_changed() CASCADE;
DROP FUNCTION participant_documents_period_changed() CASCADE;
DROP FUNCTION participant_documents_mentorship_changed() CASCADE;
DROP FUNCTION participant_documents_lead_provider_renamed() CASCADE;
DROP FUNCTION partnership_documents_add() CASCADE;
DROP FUNCTION partnership_documents_on_partnership() CASCADE;
DROP FUNCTION partnership_documents_on_school() CASCADE;
DROP FUNCTION partnership_documents_on_delivery_partner() CASCADE;
DROP FUNCTION partnership_documents_on_training() CASCADE;
DROP FUNCTION partnership_documents_on_training_update() CASCADE;
DROP FUNCTION partnership_documents_on_teacher() CASCADE;
DROP FUNCTION school_documents_add_schools() CASCADE;
DROP FUNCTION school_documents_add_cohorts() CASCADE;
DROP FUNCTION school_documents_on_school() CASCADE;
DROP FUNCTION school_documents_on_school_cohort() CASCADE;
DROP FUNCTION school_documents_on_school_cohort_update() CASCADE;

-- The functions that write to the log and consume it are definitions (src/db/definitions/
-- document_invalidations_*.sql), the per-table ones written from src/read-models/dependencies.ts.
