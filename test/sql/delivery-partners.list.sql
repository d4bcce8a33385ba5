select "dp"."id", "dp"."name", "dp"."created_at", "dp"."updated_at", array(
        SELECT p.cohort_year::text FROM lead_provider_delivery_partners p
        WHERE p.delivery_partner_id = dp.id AND p.lead_provider_id = $1
        GROUP BY p.cohort_year ORDER BY p.cohort_year) as "cohort" from "delivery_partners" as "dp" where exists (select 1 as "one" from "lead_provider_delivery_partners" as "p" where "p"."delivery_partner_id" = "dp"."id" and "p"."lead_provider_id" = $2) and exists (select 1 as "one" from "lead_provider_delivery_partners" as "f" where "f"."delivery_partner_id" = "dp"."id" and "f"."lead_provider_id" = $3 and "f"."cohort_year" in ($4)) order by lower(dp.name) asc, dp.id asc limit $5 offset $6;
