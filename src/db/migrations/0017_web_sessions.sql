-- W-12: web sessions kept server-side; the cookie holds only the signed id. Not domain data, so
-- a sandbox reset (S-54) keeps them. `expires_at` is the idle deadline (W-25), in real time.
CREATE TABLE web_sessions (
  id text PRIMARY KEY,
  data jsonb NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX web_sessions_by_expiry ON web_sessions (expires_at);

-- W-16: who acted through the web (`sandbox:school:<urn>`, `sandbox:admin`, `oidc:<sub>`);
-- null for the operator and lead provider APIs.
ALTER TABLE events ADD COLUMN actor text;
