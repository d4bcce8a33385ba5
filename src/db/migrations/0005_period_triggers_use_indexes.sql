-- R-10's deferred checks, rewritten so each branch filters on an indexed key: the CASE inside the
-- WHERE of 0002 hid the keys from the planner, so every checked row scanned the whole table and
-- a bulk insert of n periods took O(n²). Same rules, same constraint names.

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

CREATE OR REPLACE FUNCTION r10_mentorship_inside_periods() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad uuid;
BEGIN
  IF TG_TABLE_NAME = 'mentorships' THEN
    SELECT m.id INTO bad
    FROM mentorships m
    JOIN at_school_periods e ON e.id = m.ect_period_id
    JOIN at_school_periods t ON t.id = m.mentor_period_id
    WHERE m.id = NEW.id
      AND (m.started_on < e.started_on OR m.started_on < t.started_on
           OR (e.finished_on IS NOT NULL AND (m.finished_on IS NULL OR m.finished_on > e.finished_on))
           OR (t.finished_on IS NOT NULL AND (m.finished_on IS NULL OR m.finished_on > t.finished_on)));
  ELSE
    SELECT m.id INTO bad
    FROM (SELECT * FROM mentorships WHERE ect_period_id = NEW.id
          UNION ALL SELECT * FROM mentorships WHERE mentor_period_id = NEW.id) m
    JOIN at_school_periods e ON e.id = m.ect_period_id
    JOIN at_school_periods t ON t.id = m.mentor_period_id
    WHERE m.started_on < e.started_on OR m.started_on < t.started_on
       OR (e.finished_on IS NOT NULL AND (m.finished_on IS NULL OR m.finished_on > e.finished_on))
       OR (t.finished_on IS NOT NULL AND (m.finished_on IS NULL OR m.finished_on > t.finished_on))
    LIMIT 1;
  END IF;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'mentorship % lies outside its periods', bad
      USING ERRCODE = '23514', CONSTRAINT = 'mentorships_r10_inside_periods';
  END IF;
  RETURN NULL;
END $$;

-- The at-school side of both checks fires only when the period's dates change.
DROP TRIGGER at_school_periods_r10_contains_training ON at_school_periods;
CREATE CONSTRAINT TRIGGER at_school_periods_r10_contains_training
  AFTER UPDATE OF started_on, finished_on ON at_school_periods DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION r10_training_inside_school_period();
DROP TRIGGER at_school_periods_r10_contains_mentorships ON at_school_periods;
CREATE CONSTRAINT TRIGGER at_school_periods_r10_contains_mentorships
  AFTER UPDATE OF started_on, finished_on ON at_school_periods DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION r10_mentorship_inside_periods();
