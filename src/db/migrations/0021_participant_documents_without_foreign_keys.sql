-- Q-4 under writes, Q-11: under `rect serve` a command builds the participant documents it
-- changed before it commits (src/read-models/write-through.ts), adding the member rows its keys
-- call for. A foreign key's check on such an insert (and on the update of a row inserted in the
-- same transaction) takes a KEY SHARE lock on the teacher's and the lead provider's rows, which a
-- school action holds FOR UPDATE while it waits for the partnership row the first command holds:
-- PostgreSQL ended such cycles as deadlocks under the concentrated Q-11 load. The table is
-- derived data: its rows are added from training periods and their teachers by
-- document_invalidations_mark, teachers and lead providers are never deleted, and a sandbox
-- reset truncates it with them; so it keeps its keys without the checks, and locks no domain row.
ALTER TABLE participant_documents
  DROP CONSTRAINT participant_documents_lead_provider_id_fkey,
  DROP CONSTRAINT participant_documents_teacher_id_fkey;
