-- From here on, every function and the triggers that call it are defined in src/db/definitions/
-- (one file per function, applied after the migrations whenever its text changes): the text of
-- the CREATE FUNCTION statements above this file is history, and the definitions replace it.
--
-- Databases migrated while 0014 was still being written hold what its later text no longer has:
-- partnership_before_create, and partnership_create returning boolean, which CREATE OR REPLACE
-- cannot turn into the void of its definition. Both go; the definitions create what is current.
DROP FUNCTION IF EXISTS partnership_before_create(uuid, uuid, integer, timestamptz);
DO $$
BEGIN
  IF (SELECT prorettype = 'boolean'::regtype FROM pg_proc WHERE oid = to_regprocedure('partnership_create(jsonb, jsonb)')) THEN
    DROP FUNCTION partnership_create(jsonb, jsonb);
  END IF;
END $$;
