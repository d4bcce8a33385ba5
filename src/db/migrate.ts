// Brings a database to this version's schema in one transaction: the numbered migrations
// not yet applied, then the repeatable definitions whose text changed. Rerunning is a no-op, and
// an advisory lock lets several instances start at once without applying a file twice.
//
// migrations/NNNN_name.sql are applied once each, in order, and never edited afterwards: each
// one's SHA-256 is recorded, and a database whose applied file has since changed is refused
// (ChangedMigrationError), before anything is written. Rows recorded before checksums were kept
// get the hash of the file as it is now, the first time this runs.
//
// definitions/<function>.sql holds one PL/pgSQL (or SQL) function, named as its file, and the
// triggers that call it: the one place its current text lives. A file is applied when its
// SHA-256 differs from the one recorded, or its function is missing, in name order, after the
// migrations: the function's triggers are dropped first, so the file re-creates exactly the
// triggers it lists (CREATE OR REPLACE FUNCTION, then plain CREATE TRIGGER).
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'kysely'
import { PACKAGE_ROOT } from '../package-root.ts'
import type { Db } from './connect.ts'
import type { Tx } from './transaction.ts'

const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'src', 'db', 'migrations')
const DEFINITIONS_DIR = join(PACKAGE_ROOT, 'src', 'db', 'definitions')
const LOCK_KEY = 7_146_334_201

export type MigrationResult = {
  /** Migrations applied by this run, by name. */
  applied: string[]
  /** Definitions (re-)applied by this run, by name (the function's). */
  defined: string[]
  /** Migrations applied before checksums were kept, whose file's SHA-256 this run recorded. */
  recorded: string[]
}

/** A migration or definition file failed to apply; nothing of the run is kept. */
export class MigrationError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`migration ${file} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
}

/** An applied migration's file is not the one that was applied: nothing is applied. */
export class ChangedMigrationError extends Error {
  constructor(
    readonly file: string,
    readonly appliedSha256: string,
    readonly fileSha256: string,
  ) {
    super(
      `migration ${file} has changed since it was applied: the database recorded SHA-256 ${appliedSha256}, ` +
        `the file now has ${fileSha256}; an applied migration is never edited (a fix is a new migration)`,
    )
  }
}

export type SqlFile = { file: string; name: string; text: string; sha256: string }
/** What a migration run applies: this version's files (tests pass others). */
export type Sources = { migrations: SqlFile[]; definitions: SqlFile[] }

/** The SHA-256 of a file's text, line endings read as LF (a checkout with CRLF is the same file). */
export function sha256Of(text: string): string {
  return createHash('sha256').update(text.replaceAll('\r\n', '\n')).digest('hex')
}

export async function migrationFiles(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort()
}

export async function definitionFiles(): Promise<string[]> {
  return (await readdir(DEFINITIONS_DIR)).filter((f) => /^[a-z][a-z0-9_]*\.sql$/.test(f)).sort()
}

export async function readSqlFiles(dir: string, files: string[]): Promise<SqlFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(join(dir, file), 'utf8')
      return { file, name: file.replace(/\.sql$/, ''), text, sha256: sha256Of(text) }
    }),
  )
}

export async function readSources(): Promise<Sources> {
  return {
    migrations: await readSqlFiles(MIGRATIONS_DIR, await migrationFiles()),
    definitions: await readSqlFiles(DEFINITIONS_DIR, await definitionFiles()),
  }
}

export async function migrate(db: Db, now: Date, sources?: Sources): Promise<MigrationResult> {
  const files = sources ?? (await readSources())
  if (await isUpToDate(db, files)) return { applied: [], defined: [], recorded: [] }
  return db.transaction().execute((tx) => migrateIn(tx, now, files))
}

/**
 * one read that says whether migrateIn would do nothing: every migration recorded with its
 * file's SHA-256, every definition recorded with its file's and its function present, no
 * definition recorded that has no file. Otherwise (or when the bookkeeping tables are missing or
 * older, and the read fails) migrateIn runs, under its lock, and decides. On a cold PGlite this
 * read costs a few milliseconds where migrateIn's catalog reads cost 0.3 s of every start. A
 * read concurrent with another instance's migration sees it all or nothing, and nothing sends
 * this one to the lock.
 */
async function isUpToDate(db: Db, { migrations, definitions }: Sources): Promise<boolean> {
  const names = definitions.map((d) => d.name)
  try {
    const { rows } = await sql<{ migrations: [string, string | null][]; definitions: [string, string][]; functions: string[] }>`
      SELECT
        (SELECT coalesce(json_agg(json_build_array(name, sha256)), '[]') FROM schema_migrations) AS migrations,
        (SELECT coalesce(json_agg(json_build_array(name, sha256)), '[]') FROM schema_definitions) AS definitions,
        (SELECT coalesce(json_agg(p.proname), '[]') FROM pg_proc p
          WHERE p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
            AND p.proname = ANY (${names}::text[])
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')) AS functions`.execute(db)
    const row = rows[0]!
    const applied = new Map(row.migrations.map(([name, sha256]) => [name, sha256]))
    const defined = new Map(row.definitions.map(([name, sha256]) => [name, sha256]))
    const present = new Set(row.functions)
    return (
      migrations.every((m) => applied.get(m.name) === m.sha256) &&
      definitions.every((d) => defined.get(d.name) === d.sha256 && present.has(d.name)) &&
      [...defined.keys()].every((name) => names.includes(name))
    )
  } catch {
    return false
  }
}

/** migrate's work inside a transaction the caller holds (the migration-history test's savepoints). */
export async function migrateIn(tx: Tx, now: Date, { migrations, definitions }: Sources): Promise<MigrationResult> {
  await sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`.execute(tx)
  await prepareBookkeeping(tx)
  const recorded = await checkApplied(tx, migrations)
  const applied = await applyMigrations(tx, migrations, now)
  const defined = await applyDefinitions(tx, definitions, now)
  return { applied, defined, recorded }
}

/**
 * schema_migrations and schema_definitions as this version keeps them. A database migrated before
 * checksums were kept has schema_migrations without its sha256 column: added here, and filled by
 * checkApplied for every file this version has (null until then).
 */
async function prepareBookkeeping(tx: Tx): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL, sha256 text)`.execute(tx)
  // The catalog rather than information_schema.columns: on a cold PGlite that view cost 0.2 s of
  // every start. The table is the one just created or found in the current schema.
  const { rows } = await sql<{ present: boolean }>`
    SELECT EXISTS (SELECT 1 FROM pg_attribute
      WHERE attrelid = (quote_ident(current_schema()) || '.schema_migrations')::regclass AND attname = 'sha256' AND NOT attisdropped) AS present`.execute(tx)
  if (!rows[0]!.present) await sql`ALTER TABLE schema_migrations ADD COLUMN sha256 text`.execute(tx)
  await sql`CREATE TABLE IF NOT EXISTS schema_definitions (
    name text PRIMARY KEY, sha256 text NOT NULL, applied_at timestamptz NOT NULL)`.execute(tx)
}

/**
 * Every applied migration whose file is here must be the file that was applied. A row without a
 * hash (applied before they were kept) takes the file's hash now: it is trusted, as it was before.
 * A row whose file is not here (applied by a newer version) is left alone.
 */
async function checkApplied(tx: Tx, migrations: SqlFile[]): Promise<string[]> {
  const { rows } = await sql<{ name: string; sha256: string | null }>`SELECT name, sha256 FROM schema_migrations ORDER BY name`.execute(tx)
  const byName = new Map(migrations.map((m) => [m.name, m]))
  const recorded: string[] = []
  for (const row of rows) {
    const migration = byName.get(row.name)
    if (migration === undefined) continue
    if (row.sha256 === null) {
      await sql`UPDATE schema_migrations SET sha256 = ${migration.sha256} WHERE name = ${row.name}`.execute(tx)
      recorded.push(row.name)
    } else if (row.sha256 !== migration.sha256) {
      throw new ChangedMigrationError(migration.file, row.sha256, migration.sha256)
    }
  }
  return recorded
}

async function applyMigrations(tx: Tx, migrations: SqlFile[], now: Date): Promise<string[]> {
  const done = new Set((await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(tx)).rows.map((r) => r.name))
  const applied: string[] = []
  for (const migration of migrations) {
    if (done.has(migration.name)) continue
    try {
      await sql.raw(migration.text).execute(tx)
    } catch (error) {
      throw new MigrationError(migration.file, error)
    }
    await sql`INSERT INTO schema_migrations (name, applied_at, sha256) VALUES (${migration.name}, ${now}, ${migration.sha256})`.execute(tx)
    applied.push(migration.name)
  }
  return applied
}

async function applyDefinitions(tx: Tx, definitions: SqlFile[], now: Date): Promise<string[]> {
  const recorded = new Map(
    (await sql<{ name: string; sha256: string }>`SELECT name, sha256 FROM schema_definitions`.execute(tx)).rows.map((r) => [r.name, r.sha256]),
  )
  const present = await functionsPresent(tx)
  const changed = definitions.filter((d) => recorded.get(d.name) !== d.sha256 || !present.has(d.name))
  // PostgreSQL drops no trigger of a table with trigger events pending: the deferred checks of
  // the migrations' writes run now.
  if (changed.length > 0) await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(tx)
  for (const definition of changed) {
    const file = `definitions/${definition.file}`
    try {
      await dropTriggersOf(tx, definition.name)
      await sql.raw(definition.text).execute(tx)
    } catch (error) {
      throw new MigrationError(file, error)
    }
    if (!(await functionsPresent(tx, definition.name)).has(definition.name)) {
      throw new MigrationError(file, new Error(`it does not define the function ${definition.name}`))
    }
    await sql`INSERT INTO schema_definitions (name, sha256, applied_at) VALUES (${definition.name}, ${definition.sha256}, ${now})
      ON CONFLICT (name) DO UPDATE SET sha256 = excluded.sha256, applied_at = excluded.applied_at`.execute(tx)
  }
  // A file removed: its function is dropped by the migration that removed it; the row goes.
  const names = definitions.map((d) => d.name)
  if ([...recorded.keys()].some((name) => !names.includes(name))) {
    await sql`DELETE FROM schema_definitions WHERE NOT (name = ANY (${names}::text[]))`.execute(tx)
  }
  return changed.map((d) => d.name)
}

/** The names of the functions in the current schema (those of extensions excluded). */
async function functionsPresent(tx: Tx, only?: string): Promise<Set<string>> {
  const { rows } = await sql<{ name: string }>`
    SELECT p.proname AS name FROM pg_proc p
    WHERE p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
      AND (${only ?? null}::text IS NULL OR p.proname = ${only ?? null})
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`.execute(tx)
  return new Set(rows.map((r) => r.name))
}

async function dropTriggersOf(tx: Tx, fn: string): Promise<void> {
  const { rows } = await sql<{ table: string; trigger: string }>`
    SELECT c.relname AS table, t.tgname AS trigger
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
    WHERE NOT t.tgisinternal AND p.proname = ${fn} AND p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
    ORDER BY 1, 2`.execute(tx)
  for (const { table, trigger } of rows) await sql`DROP TRIGGER ${sql.id(trigger)} ON ${sql.table(table)}`.execute(tx)
}
