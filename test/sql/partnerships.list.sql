
    SELECT string_agg(x.body, ',' ORDER BY x.n) AS piece FROM (SELECT cut.*, row_number() OVER (ORDER BY cut.sort_0 asc, cut.sort_tie asc) AS n FROM ((select d.body as "body", d.created_at as "sort_0", d.partnership_id as "sort_tie" from "partnership_documents" as "d" where "d"."lead_provider_id" = $1 and "d"."cohort_year" in ($2) and "d"."updated_at" >= $3 and NOT (
    EXISTS (SELECT 1 FROM document_invalidations WHERE kind = $4)
    OR EXISTS (SELECT 1 FROM partnership_documents WHERE lead_provider_id = $5 AND valid_until <= $6::date)
    OR EXISTS (SELECT 1 FROM partnership_documents WHERE lead_provider_id = $7 AND valid_from > $8::date)) order by d.created_at asc, d.partnership_id asc limit $9 offset $10)) cut) x
    GROUP BY (x.n - 1) / 40 ORDER BY (x.n - 1) / 40;
