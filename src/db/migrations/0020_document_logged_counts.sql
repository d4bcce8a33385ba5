-- Q-4 under writes: each stored document counts the keys of the invalidation log (0016) consumed
-- into it (document_invalidations_mark adds them as it marks the document stale). Every write that
-- can change a document appends its key to the log in its own transaction, and consuming a key
-- deletes it and adds one here in one statement; so, from the row's insertion on, `logged` plus
-- the document's keys still pending counts the writes to it a snapshot sees. Two snapshots (one
-- later than the other, seeing a superset of its writes) that count the same see the same writes,
-- and a document derived on one is the derivation on the other: a read that derives a few stale
-- documents itself keeps them until that count moves (src/read-models/merged.ts), instead of
-- deriving them again when the warm-up consumes their keys.
ALTER TABLE participant_documents ADD COLUMN logged bigint NOT NULL DEFAULT 0;
ALTER TABLE partnership_documents ADD COLUMN logged bigint NOT NULL DEFAULT 0;
ALTER TABLE school_documents ADD COLUMN logged bigint NOT NULL DEFAULT 0;
