select "id", "lead_provider_id", "last_used_at" from "lead_provider_tokens" where "digest" = $1 and "revoked_at" is null;
