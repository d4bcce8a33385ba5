-- Indexes for the lead provider feeds at national scale (Q-4, Q-6, Q-9), one per filter or sort
-- that EXPLAIN on the national data set showed answered by a sequential scan.

-- R-32, T-6: a lead provider's participants are the teachers with a training period confirmed on
-- its partnerships; training_periods_r10_partnership_matches makes the period's lead_provider_id
-- that partnership's, so the set is read from this index alone.
CREATE INDEX training_periods_r32_members ON training_periods (lead_provider_id, teacher_id) WHERE partnership_id IS NOT NULL;

-- C-50, C-36: the default order of the participants and transfers feeds (teacher created_at, id)
-- and of the schools feed.
CREATE INDEX teachers_by_created_at ON teachers (created_at, id);
CREATE INDEX schools_by_created_at ON schools (created_at, id);

-- C-44, R-38: filter[updated_since] as index ranges — the stored stamp, and the change dates of
-- R-38 falling in the window since the given instant.
CREATE INDEX teachers_by_updated_at ON teachers (updated_at);
CREATE INDEX training_periods_by_started_on ON training_periods (started_on);
CREATE INDEX training_periods_by_finished_on ON training_periods (finished_on) WHERE finished_on IS NOT NULL;
CREATE INDEX mentorships_by_finished_on ON mentorships (finished_on) WHERE finished_on IS NOT NULL;

-- T-2: only a teacher with a finished at-school period can have a transfer.
CREATE INDEX at_school_periods_t2_finished ON at_school_periods (teacher_id) WHERE finished_on IS NOT NULL;
