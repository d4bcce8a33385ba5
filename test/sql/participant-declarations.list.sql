select "d"."id", "d"."teacher_id" as "participant_id", "d"."declaration_type", "d"."role", "d"."declaration_date", "d"."mentor_teacher_id" as "mentor_id", "d"."payment_status", "d"."clawback_status", "d"."updated_at", "d"."created_at", "d"."delivery_partner_id", "d"."statement_id", "d"."clawback_statement_id", "d"."pupil_premium_uplift", "d"."sparsity_uplift", "d"."evidence_held", "lp"."name" as "lead_provider_name" from "declarations" as "d" inner join "training_periods" as "tp" on "tp"."id" = "d"."training_period_id" inner join "lead_providers" as "lp" on "lp"."id" = "d"."lead_provider_id" where "d"."id" in (
    SELECT own.id FROM declarations own WHERE own.lead_provider_id = $1
    UNION ALL
    SELECT other.id
    FROM (
      SELECT DISTINCT ON (t.teacher_id, t.role) t.teacher_id, t.role, t.finished_on
      FROM training_periods t
      WHERE t.lead_provider_id = $2 AND t.partnership_id IS NOT NULL
      ORDER BY t.teacher_id, t.role, t.started_on DESC, (t.finished_on IS NOT NULL AND t.finished_on = t.started_on), t.created_at DESC
    ) target
    JOIN declarations other ON other.teacher_id = target.teacher_id AND other.role = target.role
    WHERE other.lead_provider_id <> $3
      AND other.payment_status <> 'voided' AND other.clawback_status = 'none'
      AND (target.finished_on IS NULL OR (other.declaration_date AT TIME ZONE 'Europe/London')::date < target.finished_on)) and "tp"."cohort_year" in ($4) order by d.created_at asc, d.id asc limit $5 offset $6;
