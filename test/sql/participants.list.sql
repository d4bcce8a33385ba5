
      SELECT z.bytes, z.digest, z.piece AS piece FROM (
        SELECT p.piece, p.g, min(p.g) OVER () AS first, max(p.g) OVER () AS last, bool_and(p.fresh) OVER () AS good,
          (sum(octet_length(p.piece)) OVER () + count(*) OVER () - 1 + 0)::int8 AS bytes, md5(string_agg(p.stamps, ',') OVER (ORDER BY p.g ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) AS digest
        FROM (SELECT string_agg(x.body, ',' ORDER BY x.n) AS piece, bool_and(x.fresh) AS fresh, (x.n - 1) / 40 AS g, string_agg(x.stamp, ',' ORDER BY x.n) AS stamps
          FROM (SELECT cut.*, row_number() OVER (ORDER BY cut.sort_0 asc, cut.sort_tie asc) AS n FROM ((select d.body as "body", (d.valid_from <= $1::date AND d.valid_until > $2::date
    AND (NOT EXISTS (SELECT 1 FROM document_invalidations WHERE kind = $3)
      OR NOT EXISTS (SELECT 1 FROM document_invalidations i WHERE i.kind = $4 AND i.id = d.teacher_id OFFSET 0))) as "fresh", d.teacher_id::text || ':' || d.xmin::text as "stamp", d.created_at as "sort_0", d.teacher_id as "sort_tie" from "participant_documents" as "d" where "d"."lead_provider_id" = $5 and NOT EXISTS (
    SELECT 1 FROM document_invalidations i JOIN training_periods tp ON tp.teacher_id = i.id
    WHERE i.kind = 'participant' AND i.member AND tp.lead_provider_id = $6 AND tp.partnership_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM participant_documents m WHERE m.lead_provider_id = $7 AND m.teacher_id = i.id)) order by d.created_at asc, d.teacher_id asc limit $8 offset $9)) cut) x GROUP BY (x.n - 1) / 40) p) z
      WHERE z.good ORDER BY z.g;
