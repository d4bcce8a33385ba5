-- Q-4: POST /partnerships writes in one statement. P-52 … P-53 after the checks: the partnership
-- row (every column, as jsonb), its event (C-81; null when the transaction holds its events), P-33
-- and P-37 (partnership_attach_eoi_training). A concurrent creation that won P-6 makes the insert
-- fail on its constraint, which undoes the whole statement.
CREATE OR REPLACE FUNCTION partnership_create(p_row jsonb, p_event jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  created partnerships;
BEGIN
  created := jsonb_populate_record(NULL::partnerships, p_row);
  INSERT INTO partnerships SELECT (created).*;
  IF p_event IS NOT NULL THEN
    INSERT INTO events (occurred_at, author, lead_provider_id, action, subject_type, subject_id, data)
    SELECT occurred_at, author, lead_provider_id, action, subject_type, subject_id, data
    FROM jsonb_populate_record(NULL::events, p_event);
  END IF;
  PERFORM partnership_attach_eoi_training(created.id, created.school_id, created.lead_provider_id, created.cohort_year, created.created_at);
END $$;
