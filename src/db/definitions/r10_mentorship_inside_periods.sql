-- R-10: a mentorship lies inside both its periods (the ECT's and the mentor's at-school periods).
-- Checked at commit (deferred), so a command may move a period and its mentorships in any order.
-- Each branch filters on an indexed key, so a bulk insert stays linear; the at-school side fires
-- only when a period's dates change.
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

CREATE CONSTRAINT TRIGGER mentorships_r10_inside_periods
  AFTER INSERT OR UPDATE ON mentorships DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION r10_mentorship_inside_periods();
CREATE CONSTRAINT TRIGGER at_school_periods_r10_contains_mentorships
  AFTER UPDATE OF started_on, finished_on ON at_school_periods DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION r10_mentorship_inside_periods();
