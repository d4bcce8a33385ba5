// S-30 and S-41 inside PostgreSQL: the generator's two session functions, created at the start
// of the seeding transaction and dropped at its end.
//   pg_temp.nat_id(key)  — seedId of derive.ts: the first 16 bytes of SHA-256("rect-seed:N:key")
//                          as a version 4 UUID (the version nibble at hex 13, the variant at 17);
//   pg_temp.nat_rnd(key) — a choice in [0, 1): 47 bits of hashtextextended(key, N), PostgreSQL's
//                          documented 64-bit hash (stable across releases, as hash partitioning
//                          needs), so every choice depends on N and the key only.
import { sql } from 'kysely'
import type { Tx } from '../../db/transaction.ts'

export async function createSeedFunctions(tx: Tx, seed: number): Promise<void> {
  if (!Number.isInteger(seed) || seed < 0) throw new RangeError(`seed must be a whole number (got ${seed})`)
  // The seed number is a checked integer, so writing it into the function body is safe.
  await sql
    .raw(
      `CREATE FUNCTION pg_temp.nat_id(key text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3)
          || translate(substr(h, 17, 1), '0123456789abcdef', '89ab89ab89ab89ab') || substr(h, 18, 15))::uuid
        FROM (SELECT encode(sha256(convert_to('rect-seed:${seed}:' || key, 'UTF8')), 'hex') AS h) x
      $$;
      CREATE FUNCTION pg_temp.nat_rnd(key text) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT (hashtextextended(key, ${seed}) & 140737488355327)::float8 / 140737488355328
      $$;`,
    )
    .execute(tx)
}

export async function dropSeedFunctions(tx: Tx): Promise<void> {
  await sql`DROP FUNCTION pg_temp.nat_id(text); DROP FUNCTION pg_temp.nat_rnd(text)`.execute(tx)
}
