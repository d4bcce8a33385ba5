
    SELECT string_agg(x.body, ',' ORDER BY x.n) AS piece FROM (WITH w AS MATERIALIZED ((select d.body as "body", d.teacher_id as "key", "d"."valid_from", "d"."valid_until", row_number() OVER (ORDER BY d.created_at asc, d.teacher_id asc) as "n" from "participant_documents" as "d" where "d"."lead_provider_id" = $1 order by d.created_at asc, d.teacher_id asc limit $2 offset $3)) SELECT w.body, w.n FROM w WHERE NOT EXISTS (
    SELECT 1 FROM document_invalidations i JOIN training_periods tp ON tp.teacher_id = i.id
    WHERE i.kind = 'participant' AND tp.lead_provider_id = $4 AND tp.partnership_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM participant_documents m WHERE m.lead_provider_id = $5 AND m.teacher_id = i.id))
    AND NOT EXISTS (SELECT 1 FROM document_invalidations i WHERE i.kind = $6 AND i.id IN (SELECT w.key FROM w))
    AND NOT EXISTS (SELECT 1 FROM w WHERE NOT (w.valid_from <= $7::date AND w.valid_until > $8::date))) x
    GROUP BY (x.n - 1) / 40 ORDER BY (x.n - 1) / 40;
