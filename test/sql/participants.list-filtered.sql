
    SELECT CASE WHEN (
    EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = $1 AND valid_until <= $2::date)
    OR EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = $3 AND valid_from > $4::date)) THEN NULL ELSE (
      SELECT '{"data":[' || coalesce(string_agg(p.body, ',' ORDER BY p.updated_at DESC, p.teacher_id ASC), '') || ']}' FROM ((select "d"."body", "d"."created_at", "d"."updated_at", "d"."teacher_id" from "participant_documents" as "d" where "d"."lead_provider_id" = $5 and ("d"."ect_cohort" in ($6) or "d"."mentor_cohort" in ($7)) and ("d"."ect_training_status" = $8 or "d"."mentor_training_status" = $9) order by d.updated_at desc, d.teacher_id asc limit $10 offset $11)) AS p
    ) END AS body;
