
    SELECT string_agg(x.body, ',' ORDER BY x.n) AS piece FROM (SELECT cut.*, row_number() OVER (ORDER BY cut.sort_0 desc, cut.sort_tie asc) AS n FROM ((select d.body as "body", d.updated_at as "sort_0", d.teacher_id as "sort_tie" from "participant_documents" as "d" where "d"."lead_provider_id" = $1 and ("d"."ect_cohort" in ($2) or "d"."mentor_cohort" in ($3)) and ("d"."ect_training_status" = $4 or "d"."mentor_training_status" = $5) and NOT (
    EXISTS (SELECT 1 FROM document_invalidations WHERE kind = $6)
    OR EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = $7 AND valid_until <= $8::date)
    OR EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = $9 AND valid_from > $10::date)) order by d.updated_at desc, d.teacher_id asc limit $11 offset $12)) cut) x
    GROUP BY (x.n - 1) / 40 ORDER BY (x.n - 1) / 40;
