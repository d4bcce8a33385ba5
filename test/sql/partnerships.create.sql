
    SELECT c.year, c.starts_on, c.partnerships_open, s.id AS school_id, s.eligible,
      EXISTS (SELECT 1 FROM delivery_partners WHERE id = $1::uuid) AS delivery_partner_found,
      EXISTS (SELECT 1 FROM lead_provider_delivery_partners
        WHERE lead_provider_id = $2 AND delivery_partner_id = $3::uuid AND cohort_year = c.year) AS paired,
      EXISTS (SELECT 1 FROM partnerships WHERE school_id = s.id AND lead_provider_id = $4 AND cohort_year = c.year) AS duplicate,
      (SELECT bool_or(training_programme = 'provider_led') FROM training_periods WHERE school_id = s.id AND cohort_year = c.year) AS any_provider_led,
      (SELECT count(*)::int FROM training_periods WHERE school_id = s.id AND cohort_year = c.year) AS periods
    FROM (SELECT 1) AS one
    LEFT JOIN cohorts c ON c.year = $5::integer
    LEFT JOIN schools s ON s.id = $6::uuid;

SELECT partnership_create($1::jsonb, $2::jsonb);

select "id", "cohort", "urn", "school_id", "delivery_partner_id", "delivery_partner_name", "induction_tutor_name", "induction_tutor_email", "participants_currently_training", "created_at", "updated_at" from (select "p"."id", p.cohort_year::text as "cohort", "s"."urn", "p"."school_id", "p"."delivery_partner_id", "dp"."name" as "delivery_partner_name", "s"."induction_tutor_name", COALESCE(s.induction_tutor_email, s.contact_email) as "induction_tutor_email", COALESCE(tr.current, 0) as "participants_currently_training", to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "created_at", to_char(GREATEST(p.updated_at, (GREATEST(CASE WHEN tr.changed_on <= $1::date THEN tr.changed_on END)::timestamp AT TIME ZONE 'Europe/London')) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updated_at", "p"."created_at" as "created_ts", GREATEST(p.updated_at, (GREATEST(CASE WHEN tr.changed_on <= $2::date THEN tr.changed_on END)::timestamp AT TIME ZONE 'Europe/London')) as "updated_ts" from "partnerships" as "p" inner join "schools" as "s" on "s"."id" = "p"."school_id" inner join "delivery_partners" as "dp" on "dp"."id" = "p"."delivery_partner_id" left join lateral (select count(*) FILTER (WHERE tp.started_on <= $3::date AND (tp.finished_on IS NULL OR tp.finished_on > $4::date)
              AND (CASE WHEN tp.role = 'ect' THEN t.induction_completed_on ELSE t.mentor_ineligible_for_funding_on END IS NULL OR CASE WHEN tp.role = 'ect' THEN t.induction_completed_on ELSE t.mentor_ineligible_for_funding_on END > $5::date))::int as "current", max(GREATEST(CASE WHEN tp.started_on <= $6::date THEN tp.started_on END, CASE WHEN tp.finished_on <= $7::date THEN tp.finished_on END, CASE WHEN CASE WHEN tp.role = 'ect' THEN t.induction_completed_on ELSE t.mentor_ineligible_for_funding_on END <= $8::date THEN CASE WHEN tp.role = 'ect' THEN t.induction_completed_on ELSE t.mentor_ineligible_for_funding_on END END)) as "changed_on" from "training_periods" as "tp" inner join "teachers" as "t" on "t"."id" = "tp"."teacher_id" where "tp"."partnership_id" = "p"."id") as "tr" on true where "p"."lead_provider_id" = $9 and "p"."id" = $10) as "x";
