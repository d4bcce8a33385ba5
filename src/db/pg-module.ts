// node-postgres, loaded the first time a PostgreSQL database is used. Q-8: loading it costs the
// sandbox (PGlite) about 0.15 s of every start for nothing: its stream module asks whether it
// runs on Cloudflare by touching the global `Response`, which makes Node 20 load its whole fetch
// implementation (undici). Types come from `import type pg from 'pg'`.
import { createRequire } from 'node:module'
import type pg from 'pg'

let loaded: typeof pg | undefined

export function pgModule(): typeof pg {
  return (loaded ??= createRequire(import.meta.url)('pg') as typeof pg)
}
