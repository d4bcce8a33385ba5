
    SELECT EXISTS (SELECT 1 FROM document_invalidations WHERE kind = $1 AND id = $2::uuid) AS pending, d.partnership_id IS NOT NULL AS found,
      d.valid_from <= $3::date AND d.valid_until > $4::date AS built,
      true AS shown, d.body AS body
    FROM (VALUES (1)) AS one (x)
    LEFT JOIN partnership_documents d ON d.lead_provider_id = $5 AND d.partnership_id = $6;
