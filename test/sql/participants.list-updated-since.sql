
    SELECT string_agg(x.body, ',' ORDER BY x.n) AS piece FROM (SELECT cut.*, row_number() OVER (ORDER BY cut.sort_0 asc, cut.sort_tie asc) AS n FROM ((select d.body as "body", d.created_at as "sort_0", d.teacher_id as "sort_tie" from "participant_documents" as "d" where "d"."lead_provider_id" = $1 and "d"."updated_at" >= $2 and NOT (
    EXISTS (SELECT 1 FROM document_invalidations WHERE kind = $3)
    OR EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = $4 AND valid_until <= $5::date)
    OR EXISTS (SELECT 1 FROM participant_documents WHERE lead_provider_id = $6 AND valid_from > $7::date)) order by d.created_at asc, d.teacher_id asc limit $8 offset $9)) cut) x
    GROUP BY (x.n - 1) / 40 ORDER BY (x.n - 1) / 40;
