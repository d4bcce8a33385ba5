-- R-10: a training period lies inside its at-school period. Checked at commit (deferred), so a
-- command may move a period and its training in any order. Each branch filters on an indexed key,
-- so a bulk insert stays linear; the at-school side fires only when a period's dates change.
CREATE OR REPLACE FUNCTION r10_training_inside_school_period() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad uuid;
BEGIN
  IF TG_TABLE_NAME = 'training_periods' THEN
    SELECT tp.id INTO bad
    FROM training_periods tp JOIN at_school_periods p ON p.id = tp.at_school_period_id
    WHERE tp.id = NEW.id
      AND (tp.started_on < p.started_on
           OR (p.finished_on IS NOT NULL AND (tp.finished_on IS NULL OR tp.finished_on > p.finished_on)));
  ELSE
    SELECT tp.id INTO bad
    FROM training_periods tp JOIN at_school_periods p ON p.id = tp.at_school_period_id
    WHERE tp.at_school_period_id = NEW.id
      AND (tp.started_on < p.started_on
           OR (p.finished_on IS NOT NULL AND (tp.finished_on IS NULL OR tp.finished_on > p.finished_on)))
    LIMIT 1;
  END IF;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'training period % lies outside its at-school period', bad
      USING ERRCODE = '23514', CONSTRAINT = 'training_periods_r10_inside_school_period';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER training_periods_r10_inside_school_period
  AFTER INSERT OR UPDATE ON training_periods DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION r10_training_inside_school_period();
CREATE CONSTRAINT TRIGGER at_school_periods_r10_contains_training
  AFTER UPDATE OF started_on, finished_on ON at_school_periods DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION r10_training_inside_school_period();
