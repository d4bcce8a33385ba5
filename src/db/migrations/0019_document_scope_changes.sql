-- Q-4: the last transaction that changed a scope's stored documents (a lead provider's participant
-- or partnership documents, a cohort's school documents), kept by the statement triggers of
-- document_scope_changes_count. A process keeps a copy of a list page it served and serves it
-- again only while its scope's last change is the one it read before the copy and no key of the
-- invalidation log (0016) is pending for the scope (src/read-models/page-copies.ts). A
-- transaction id (xid8) never repeats in a cluster, so no later change can look like an earlier one.
CREATE TABLE document_scope_changes (
  table_name text NOT NULL,
  scope text NOT NULL,
  changed_by xid8 NOT NULL,
  PRIMARY KEY (table_name, scope)
);

-- The scopes that hold documents now, as changed by this migration.
INSERT INTO document_scope_changes (table_name, scope, changed_by)
SELECT 'participant_documents', lead_provider_id::text, pg_current_xact_id() FROM participant_documents GROUP BY lead_provider_id
UNION ALL SELECT 'partnership_documents', lead_provider_id::text, pg_current_xact_id() FROM partnership_documents GROUP BY lead_provider_id
UNION ALL SELECT 'school_documents', cohort_year::text, pg_current_xact_id() FROM school_documents GROUP BY cohort_year;
