
    SELECT CASE WHEN (
    EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = $1 AND valid_until <= $2::date)
    OR EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = $3 AND valid_from > $4::date)) THEN NULL ELSE (
      SELECT '{"data":[' || coalesce(string_agg(p.body, ',' ORDER BY p.created_at ASC, p.teacher_id ASC), '') || ']}' FROM ((select "d"."body", "d"."created_at", "d"."updated_at", "d"."teacher_id" from "participant_documents" as "d" where "d"."lead_provider_id" = $5 order by d.created_at asc, d.teacher_id asc limit $6 offset $7)) AS p
    ) END AS body;
