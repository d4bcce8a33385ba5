select "d"."transfers_body" as "body" from "participant_documents" as "d" where "d"."lead_provider_id" = $1 and "d"."transfers_body" is not null and "d"."transfers_updated_at" >= $2 and NOT (
    EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = $3 AND valid_until <= $4::date)
    OR EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = $5 AND valid_from > $6::date)) order by d.created_at asc, d.teacher_id asc limit $7 offset $8;


    SELECT CASE WHEN (
    EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = $1 AND valid_until <= $2::date)
    OR EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = $3 AND valid_from > $4::date)) THEN NULL ELSE NOT EXISTS ((select "d"."teacher_id" from "participant_documents" as "d" where "d"."lead_provider_id" = $5 and "d"."transfers_body" is not null and "d"."transfers_updated_at" >= $6 order by d.created_at asc, d.teacher_id asc limit $7 offset $8)) END AS empty;
