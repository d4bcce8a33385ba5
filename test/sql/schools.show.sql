
    SELECT EXISTS (SELECT 1 FROM document_invalidations WHERE kind = $1 AND id = $2::uuid AND (cohort_year = $3::integer OR cohort_year IS NULL)) AS pending, d.school_id IS NOT NULL AS found,
      d.valid_from <= $4::date AND d.valid_until > $5::date AS built,
      d.listed AS shown, CASE WHEN $6::uuid = ANY(d.eoi_lead_provider_ids) THEN d.body_eoi ELSE d.body END AS body
    FROM (VALUES (1)) AS one (x)
    LEFT JOIN school_documents d ON d.cohort_year = $7 AND d.school_id = $8;
