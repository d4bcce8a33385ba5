-- Q-4: each statement that inserts, updates or deletes stored documents records its transaction as
-- the last change of each scope it touched (document_scope_changes, 0019); scopes in order, so
-- two statements over the same scopes take their rows in one order. A truncate records it for
-- every scope of the table. TG_ARGV[0] is the table's scope column.
CREATE OR REPLACE FUNCTION document_scope_changes_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE document_scope_changes SET changed_by = pg_current_xact_id() WHERE table_name = TG_TABLE_NAME;
  ELSE
    EXECUTE format(
      'INSERT INTO document_scope_changes (table_name, scope, changed_by)
       SELECT %L, s.scope, pg_current_xact_id() FROM (SELECT DISTINCT %I::text AS scope FROM changed) s ORDER BY s.scope
       ON CONFLICT (table_name, scope) DO UPDATE SET changed_by = excluded.changed_by',
      TG_TABLE_NAME, TG_ARGV[0]);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER document_scope_changes_participants_insert AFTER INSERT ON participant_documents
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_scope_changes_count('lead_provider_id');
CREATE TRIGGER document_scope_changes_participants_update AFTER UPDATE ON participant_documents
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_scope_changes_count('lead_provider_id');
CREATE TRIGGER document_scope_changes_participants_delete AFTER DELETE ON participant_documents
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_scope_changes_count('lead_provider_id');
CREATE TRIGGER document_scope_changes_participants_truncate AFTER TRUNCATE ON participant_documents
  FOR EACH STATEMENT EXECUTE FUNCTION document_scope_changes_count();

CREATE TRIGGER document_scope_changes_partnerships_insert AFTER INSERT ON partnership_documents
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_scope_changes_count('lead_provider_id');
CREATE TRIGGER document_scope_changes_partnerships_update AFTER UPDATE ON partnership_documents
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_scope_changes_count('lead_provider_id');
CREATE TRIGGER document_scope_changes_partnerships_delete AFTER DELETE ON partnership_documents
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_scope_changes_count('lead_provider_id');
CREATE TRIGGER document_scope_changes_partnerships_truncate AFTER TRUNCATE ON partnership_documents
  FOR EACH STATEMENT EXECUTE FUNCTION document_scope_changes_count();

CREATE TRIGGER document_scope_changes_schools_insert AFTER INSERT ON school_documents
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_scope_changes_count('cohort_year');
CREATE TRIGGER document_scope_changes_schools_update AFTER UPDATE ON school_documents
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_scope_changes_count('cohort_year');
CREATE TRIGGER document_scope_changes_schools_delete AFTER DELETE ON school_documents
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_scope_changes_count('cohort_year');
CREATE TRIGGER document_scope_changes_schools_truncate AFTER TRUNCATE ON school_documents
  FOR EACH STATEMENT EXECUTE FUNCTION document_scope_changes_count();
