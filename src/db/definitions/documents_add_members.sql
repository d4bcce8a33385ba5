-- The member rows of the document tables for data already present, as their triggers add them
-- row by row: a participant of each lead provider whose partnership a training period is on (R-32),
-- every partnership, every school in every cohort. The national data set (S-41) and the seeds write
-- their rows with the document triggers off and call this once at the end
-- (src/db/document-triggers.ts); every row it adds is stale, so the warm-up builds it.
CREATE OR REPLACE FUNCTION documents_add_members() RETURNS void LANGUAGE sql AS $$
  INSERT INTO participant_documents (lead_provider_id, teacher_id, created_at)
  SELECT DISTINCT tp.lead_provider_id, tp.teacher_id, t.created_at
  FROM training_periods tp JOIN teachers t ON t.id = tp.teacher_id
  WHERE tp.partnership_id IS NOT NULL
  ON CONFLICT DO NOTHING;
  INSERT INTO partnership_documents (partnership_id, lead_provider_id, created_at, cohort_year)
  SELECT id, lead_provider_id, created_at, cohort_year FROM partnerships
  ON CONFLICT DO NOTHING;
  INSERT INTO school_documents (school_id, cohort_year, created_at, urn)
  SELECT s.id, c.year, s.created_at, s.urn FROM schools s CROSS JOIN cohorts c
  ON CONFLICT DO NOTHING;
$$;
