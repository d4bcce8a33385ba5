-- Q-4 during a rebuild: a key of the invalidation log (0016) says whether it may call for a member
-- row its scope does not have yet (R-32, P-49, P-43): the keys of the changes that make members
-- (dependencies.ts). A page read checks for pending new members of its lead provider (R-32,
-- P-49) among these few instead of among every pending key: after a rename that logged a lead
-- provider's 63,000 participants, that check read the whole log on every page (250 ms).
-- Keys logged before this migration may call for members: they are marked so.
ALTER TABLE document_invalidations ADD COLUMN member boolean NOT NULL DEFAULT true;
ALTER TABLE document_invalidations ALTER COLUMN member SET DEFAULT false;
CREATE INDEX document_invalidations_members ON document_invalidations (kind, id) WHERE member;
