
    SELECT (SELECT changed_by::text FROM document_scope_changes WHERE table_name = $1 AND scope = $2::integer::text) AS changed_by,
      EXISTS (SELECT 1 FROM document_invalidations WHERE kind = $3 AND (cohort_year = $4::integer OR cohort_year IS NULL)) AS pending;


    SELECT string_agg(x.body, ',' ORDER BY x.n) AS piece FROM (SELECT cut.*, row_number() OVER (ORDER BY cut.sort_0 asc, cut.sort_tie asc) AS n FROM ((select CASE WHEN $1::uuid = ANY(d.eoi_lead_provider_ids) THEN d.body_eoi ELSE d.body END as "body", d.created_at as "sort_0", d.school_id as "sort_tie" from "school_documents" as "d" where "d"."cohort_year" = $2 and d.listed and "d"."updated_at" >= $3 and NOT (
    EXISTS (SELECT 1 FROM document_invalidations WHERE kind = $4 AND (cohort_year = $5::integer OR cohort_year IS NULL))
    OR EXISTS (SELECT 1 FROM school_documents WHERE cohort_year = $6 AND valid_until <= $7::date)
    OR EXISTS (SELECT 1 FROM school_documents WHERE cohort_year = $8 AND valid_from > $9::date)) order by d.created_at asc, d.school_id asc limit $10 offset $11)) cut) x
    GROUP BY (x.n - 1) / 40 ORDER BY (x.n - 1) / 40;
