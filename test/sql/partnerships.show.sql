select CASE WHEN valid_from <= $1::date AND valid_until > $2::date THEN body END as "body" from "partnership_documents" where "lead_provider_id" = $3 and "partnership_id" = $4;
