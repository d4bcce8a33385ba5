-- T-24: filter[updated_since] on the transfers feed as index ranges. T-21's stamp is at or after
-- an instant only if one of the teacher's at-school or training periods changed since then, or a
-- leaving or joining date falls between it and today; EXPLAIN on the national data set showed each
-- of these answered by a sequential scan.
CREATE INDEX at_school_periods_by_updated_at ON at_school_periods (updated_at);
CREATE INDEX training_periods_by_updated_at ON training_periods (updated_at);
CREATE INDEX at_school_periods_by_started_on ON at_school_periods (started_on);
CREATE INDEX at_school_periods_by_finished_on ON at_school_periods (finished_on) WHERE finished_on IS NOT NULL;
