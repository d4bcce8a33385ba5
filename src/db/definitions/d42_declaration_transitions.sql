-- D-42: the only transitions of a declaration. Payment: submitted → eligible → payable → paid, and
-- submitted, eligible or payable → voided. Clawback (of a paid one): none → awaiting-clawback →
-- clawed-back.
CREATE OR REPLACE FUNCTION d42_declaration_transitions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.payment_status <> OLD.payment_status AND NOT (
       (OLD.payment_status = 'submitted' AND NEW.payment_status IN ('eligible', 'voided'))
    OR (OLD.payment_status = 'eligible' AND NEW.payment_status IN ('payable', 'voided'))
    OR (OLD.payment_status = 'payable' AND NEW.payment_status IN ('paid', 'voided'))) THEN
    RAISE EXCEPTION 'declaration % cannot move from % to %', OLD.id, OLD.payment_status, NEW.payment_status
      USING ERRCODE = '23514', CONSTRAINT = 'declarations_d42_transitions';
  END IF;
  IF NEW.clawback_status <> OLD.clawback_status AND NOT (
       (OLD.clawback_status = 'none' AND NEW.clawback_status = 'awaiting-clawback')
    OR (OLD.clawback_status = 'awaiting-clawback' AND NEW.clawback_status = 'clawed-back')) THEN
    RAISE EXCEPTION 'declaration % cannot move from % to %', OLD.id, OLD.clawback_status, NEW.clawback_status
      USING ERRCODE = '23514', CONSTRAINT = 'declarations_d42_transitions';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER declarations_d42_transitions BEFORE UPDATE ON declarations
  FOR EACH ROW EXECUTE FUNCTION d42_declaration_transitions();
