-- D-61: a statement moves open → payable → paid, never backwards.
CREATE OR REPLACE FUNCTION d61_statement_status_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> OLD.status AND NOT (
       (OLD.status = 'open' AND NEW.status = 'payable') OR (OLD.status = 'payable' AND NEW.status = 'paid')) THEN
    RAISE EXCEPTION 'statement % cannot move from % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = '23514', CONSTRAINT = 'statements_d61_status_forward';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER statements_d61_status_forward BEFORE UPDATE OF status ON statements
  FOR EACH ROW EXECUTE FUNCTION d61_statement_status_forward();
