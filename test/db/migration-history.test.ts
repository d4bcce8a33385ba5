// Migrations an operator can trust (Q-16, S-22): a database migrated at any earlier commit and
// then upgraded has the schema of a fresh migrate, applied migrations are checked by their SHA-256,
// and every function's current text is its one file in src/db/definitions/.
//
// One database for the whole file (PGlite, or PostgreSQL with RECT_TEST_DB=postgresql), emptied
// between histories by dropping its schema.
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql, type KyselyPlugin } from 'kysely'
import { ChangedMigrationError, migrate, migrateIn, readSources, sha256Of, type SqlFile, type Sources } from '../../src/db/migrate.ts'
import type { Tx } from '../../src/db/transaction.ts'
import type { Db } from '../../src/db/connect.ts'
import { testDatabase, type TestDatabase } from '../support/db.ts'
import { schemaDump } from '../support/schema-dump.ts'

const NOW = new Date('2026-12-01T00:00:00Z')
/** The first migration applied by a runner that records checksums and definitions. */
const FIRST_WITH_CHECKSUMS = '0015_functions_in_definitions'
/** 0014's texts that databases were migrated with before it took its final text (git history). */
const EARLIER_0014 = ['aee1ee3', 'c64a8ab', '845d3a8']

let t: TestDatabase
let sources: Sources
let fresh: string

beforeAll(async () => {
  t = await testDatabase()
  sources = await readSources()
  await emptySchema(t.db)
  await migrate(t.db, NOW)
  fresh = await schemaDump(t.db)
}, 180_000)
afterAll(() => t?.close())

async function emptySchema(db: Db): Promise<void> {
  await sql`DROP SCHEMA public CASCADE`.execute(db)
  await sql`CREATE SCHEMA public`.execute(db)
}

/** What the runner before checksums did: the file applied as it is, recorded without a hash. */
async function applyAsBeforeChecksums(tx: Tx, file: SqlFile): Promise<void> {
  await sql.raw(file.text).execute(tx)
  await sql`INSERT INTO schema_migrations (name, applied_at) VALUES (${file.name}, ${NOW})`.execute(tx)
}

/** Runs `fn` and undoes everything it did (a savepoint of the caller's transaction). */
async function andUndo<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  const savepoint = sql.id(`undo_${++savepoints}`)
  await sql`SAVEPOINT ${savepoint}`.execute(tx)
  try {
    return await fn()
  } finally {
    await sql`ROLLBACK TO SAVEPOINT ${savepoint}`.execute(tx)
    await sql`RELEASE SAVEPOINT ${savepoint}`.execute(tx)
  }
}
let savepoints = 0

/** The database as it is now, upgraded to HEAD: its schema dump and the hashes recorded late. */
function upgraded(tx: Tx): Promise<{ dump: string; recorded: string[] }> {
  return andUndo(tx, async () => {
    const { recorded } = await migrateIn(tx, NOW, sources)
    return { dump: await schemaDump(tx), recorded }
  })
}

function sqlFile(file: string, text: string): SqlFile {
  return { file, name: file.replace(/\.sql$/, ''), text, sha256: sha256Of(text) }
}

/** Inside one transaction, rolled back at the end, on an empty schema. */
async function inEmptySchema(fn: (tx: Tx) => Promise<void>): Promise<void> {
  await t.db
    .transaction()
    .execute(async (tx) => {
      await emptySchema(tx)
      await sql`CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL)`.execute(tx)
      await fn(tx)
      throw new Undo()
    })
    .catch((error: unknown) => {
      if (!(error instanceof Undo)) throw error
    })
}
class Undo extends Error {}

describe('Q-16 migration history', () => {
  it('Q-16: a database migrated with 0001 … k, for every k, then upgraded, has the schema of a fresh migrate', async () => {
    expect(fresh).toMatch(/^function: CREATE OR REPLACE FUNCTION public\.partnership_create\(p_row jsonb, p_event jsonb\)/m)
    expect(fresh).toMatch(/^trigger: CREATE CONSTRAINT TRIGGER training_periods_r10_inside_school_period /m)
    const checked: string[] = []
    await inEmptySchema(async (tx) => {
      for (const [i, file] of sources.migrations.entries()) {
        // As the runner of the commit that added `file` applied it: before checksums, or with them.
        const withChecksums = sources.migrations.findIndex((f) => f.name === FIRST_WITH_CHECKSUMS)
        if (withChecksums === -1 || i < withChecksums) await applyAsBeforeChecksums(tx, file)
        else await migrateIn(tx, NOW, { migrations: sources.migrations.slice(0, i + 1), definitions: sources.definitions })
        const { dump, recorded } = await upgraded(tx)
        expect([file.name, dump]).toEqual([file.name, fresh])
        // Each file applied before checksums were kept has its hash recorded on the upgrade.
        expect(recorded).toHaveLength(withChecksums === -1 || i < withChecksums ? i + 1 : 0)
        checked.push(file.name)
      }
    })
    expect(checked).toEqual(sources.migrations.map((m) => m.name))
  }, 180_000)

  it("Q-16: a database migrated with any of 0014's earlier texts is upgraded to the same schema", async () => {
    const before0014 = sources.migrations.filter((f) => f.name < '0014')
    const checked: string[] = []
    await inEmptySchema(async (tx) => {
      for (const file of before0014) await applyAsBeforeChecksums(tx, file)
      for (const commit of EARLIER_0014) {
        const text = await readFile(new URL(`history/0014_partnership_commands@${commit}.sql`, import.meta.url), 'utf8')
        const earlier = sqlFile('0014_partnership_commands.sql', text)
        expect(earlier.sha256).not.toBe(sources.migrations.find((m) => m.name === earlier.name)!.sha256)
        const { dump, recorded } = await andUndo(tx, async () => {
          await applyAsBeforeChecksums(tx, earlier)
          return upgraded(tx)
        })
        expect([commit, dump]).toEqual([commit, fresh])
        // Its row is trusted with the hash of the file as it is now: it was applied before checksums.
        expect(recorded).toContain('0014_partnership_commands')
        checked.push(commit)
      }
    })
    expect(checked).toEqual(EARLIER_0014)
  }, 120_000)
})

describe('Q-16 checksums', () => {
  it('Q-16: every migration applied has its SHA-256 recorded, every definition too', async () => {
    await emptySchema(t.db)
    const result = await migrate(t.db, NOW)
    expect(result.applied).toEqual(sources.migrations.map((m) => m.name))
    expect(result.defined).toEqual(sources.definitions.map((d) => d.name))
    const migrations = await t.db.selectFrom('schema_migrations').select(['name', 'sha256']).orderBy('name').execute()
    expect(migrations).toEqual(sources.migrations.map((m) => ({ name: m.name, sha256: m.sha256 })))
    const definitions = await t.db.selectFrom('schema_definitions').select(['name', 'sha256']).orderBy('name').execute()
    expect(definitions).toEqual(sources.definitions.map((d) => ({ name: d.name, sha256: d.sha256 })))
    expect(await migrate(t.db, NOW)).toEqual({ applied: [], defined: [], recorded: [] })
  })

  it('Q-16: an applied migration whose file changed is refused, naming the file and both hashes; nothing is applied', async () => {
    await emptySchema(t.db)
    await migrate(t.db, NOW, { migrations: sources.migrations.slice(0, 3), definitions: [] })
    const changed = sources.migrations.map((m, i) => (i === 1 ? sqlFile(m.file, `${m.text}\n-- edited\n`) : m))
    const refusal = migrate(t.db, NOW, { ...sources, migrations: changed })
    await expect(refusal).rejects.toThrow(ChangedMigrationError)
    await expect(refusal).rejects.toThrow(
      `migration ${changed[1]!.file} has changed since it was applied: the database recorded SHA-256 ${sources.migrations[1]!.sha256}, the file now has ${changed[1]!.sha256}`,
    )
    expect(await t.db.selectFrom('schema_migrations').select('name').orderBy('name').execute()).toHaveLength(3)
    expect(await t.db.selectFrom('schema_definitions').selectAll().execute()).toEqual([])
  })

  it('Q-16: a definition whose text changed is applied again, with its triggers; one whose function is missing too', async () => {
    await emptySchema(t.db)
    await migrate(t.db, NOW)
    const name = 'document_invalidations_on_training_periods'
    const definition = sources.definitions.find((d) => d.name === name)!
    // A trigger of it removed by the new text; the old text's triggers must not survive.
    const edited = sqlFile(definition.file, definition.text.replace(/CREATE TRIGGER document_invalidations_on_training_periods_delete[^;]*;\n/, ''))
    const definitions = sources.definitions.map((d) => (d.name === name ? edited : d))
    expect(await migrate(t.db, NOW, { ...sources, definitions })).toEqual({ applied: [], defined: [name], recorded: [] })
    expect(await triggersOf(t.db, name)).toHaveLength(2)
    expect(await migrate(t.db, NOW)).toEqual({ applied: [], defined: [name], recorded: [] })
    expect(await triggersOf(t.db, name)).toHaveLength(3)
    expect(await schemaDump(t.db)).toBe(fresh)

    await sql`DROP FUNCTION partnership_create(jsonb, jsonb)`.execute(t.db)
    expect(await migrate(t.db, NOW)).toEqual({ applied: [], defined: ['partnership_create'], recorded: [] })
    expect(await schemaDump(t.db)).toBe(fresh)
  })
})

describe('Q-8 an up-to-date database', () => {
  it('Q-8, Q-16: an up-to-date database costs migrate one read; a new migration, a changed checksum or a definition without its file still go the whole way', async () => {
    await emptySchema(t.db)
    await migrate(t.db, NOW)
    const counted = countingStatements(t.db)
    expect(await migrate(counted.db, NOW)).toEqual({ applied: [], defined: [], recorded: [] })
    expect(counted.executed).toHaveLength(1)

    const extra = sqlFile('9999_startup_probe.sql', 'CREATE TABLE startup_probe (id integer);\n')
    expect(await migrate(t.db, NOW, { ...sources, migrations: [...sources.migrations, extra] })).toEqual({ applied: ['9999_startup_probe'], defined: [], recorded: [] })
    expect(await migrate(t.db, NOW, { ...sources, migrations: [...sources.migrations, extra] })).toEqual({ applied: [], defined: [], recorded: [] })

    const last = sources.migrations.at(-1)!
    const changed = sqlFile(last.file, `${last.text}\n-- edited\n`)
    await expect(migrate(t.db, NOW, { ...sources, migrations: [...sources.migrations.slice(0, -1), changed] })).rejects.toBeInstanceOf(ChangedMigrationError)

    await sql`INSERT INTO schema_definitions (name, sha256, applied_at) VALUES ('gone_function', 'x', ${NOW})`.execute(t.db)
    counted.executed.length = 0
    expect(await migrate(counted.db, NOW)).toEqual({ applied: [], defined: [], recorded: [] })
    expect(counted.executed.length).toBeGreaterThan(1)
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_definitions WHERE name = 'gone_function'`.execute(t.db)).rows[0]!.n).toBe(0)
  })
})

/** `db` with every executed statement's text recorded (a subquery is not executed alone). */
function countingStatements(db: Db): { db: Db; executed: string[] } {
  const executed: string[] = []
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      executed.push(String(args.queryId.queryId))
      return args.result
    },
  }
  return { db: db.withPlugin(plugin), executed }
}

async function triggersOf(db: Db, fn: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT t.tgname AS name FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = ${fn} AND NOT t.tgisinternal`.execute(db)
  return rows.map((r) => r.name)
}

describe('src/db/definitions', () => {
  it('every function of the schema is one definitions file named after it, holding its current body and every trigger that calls it', async () => {
    await emptySchema(t.db)
    await migrate(t.db, NOW)
    const { rows: functions } = await sql<{ name: string; body: string }>`
      SELECT p.proname AS name, p.prosrc AS body FROM pg_proc p
      WHERE p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
        AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
      ORDER BY 1`.execute(t.db)
    expect(functions.map((f) => f.name)).toEqual(sources.definitions.map((d) => d.name))
    for (const { name, body } of functions) {
      const file = sources.definitions.find((d) => d.name === name)!
      expect(file.text.match(/CREATE OR REPLACE FUNCTION (\w+)\(/g)).toEqual([`CREATE OR REPLACE FUNCTION ${name}(`])
      expect([name, /AS \$\$([\s\S]*?)\$\$/.exec(file.text)?.[1]]).toEqual([name, body])
      for (const trigger of await triggersOf(t.db, name)) expect(file.text).toMatch(new RegExp(`TRIGGER ${trigger}\\s`))
    }
  })
})
