
    SELECT string_agg(x.body, ',' ORDER BY x.n) AS piece FROM (SELECT cut.*, row_number() OVER (ORDER BY cut.sort_0 asc, cut.sort_tie asc) AS n FROM ((select d.transfers_body as "body", d.created_at as "sort_0", d.teacher_id as "sort_tie" from "participant_documents" as "d" where "d"."lead_provider_id" = $1 and "d"."transfers_body" is not null and "d"."transfers_updated_at" >= $2 and NOT (
    EXISTS (SELECT 1 FROM document_invalidations WHERE kind = $3)
    OR EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = $4 AND valid_until <= $5::date)
    OR EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = $6 AND valid_from > $7::date)) order by d.created_at asc, d.teacher_id asc limit $8 offset $9)) cut) x
    GROUP BY (x.n - 1) / 40 ORDER BY (x.n - 1) / 40;


    SELECT CASE WHEN (
    EXISTS (SELECT 1 FROM document_invalidations WHERE kind = $1)
    OR EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = $2 AND valid_until <= $3::date)
    OR EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = $4 AND valid_from > $5::date)) THEN NULL ELSE NOT EXISTS ((select 1 as "one" from "participant_documents" as "d" where "d"."lead_provider_id" = $6 and "d"."transfers_body" is not null and "d"."transfers_updated_at" >= $7 order by d.created_at asc, d.teacher_id asc limit $8 offset $9)) END AS empty;
