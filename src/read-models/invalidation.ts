// The trigger functions and triggers that DEPENDENCIES (dependencies.ts) declares, as SQL: one
// function per table, fired once per statement on insert, update and delete, appending the keys
// of every document kind that depends on the table to document_invalidations. A write's
// statements insert there and nothing else: they update or lock no document row (a command's
// build of its participant documents comes after them, write-through.ts).
//
// Each table's function is a repeatable definition, src/db/definitions/document_invalidations_on_
// <table>.sql, written from the map by `npm run definitions:read-models` (and checked against it
// by test/read-models/invalidation.test.ts): the map is the one place to edit.
import { DEPENDENCIES, type Dependency } from './dependencies.ts'

export type Operation = 'insert' | 'update' | 'delete'

export const functionName = (table: string) => `document_invalidations_on_${table}`
export const triggerName = (table: string, operation: Operation) => `document_invalidations_on_${table}_${operation}`

function keysOf(d: Dependency, update: boolean): string {
  const columns = d.kind === 'school' ? 'k(id, cohort_year)' : 'k(id)'
  const cohort = d.kind === 'school' ? 'k.cohort_year' : 'NULL::integer'
  // On UPDATE, with `changedColumns`, only the rows (both versions) where one of them changed.
  const keys = update && d.changedColumns !== undefined ? `WITH rows AS (${changedRows(d.changedColumns)}) ${d.keys}` : d.keys
  return `SELECT '${d.kind}'::text, k.id, ${cohort}, ${d.member === true} FROM (${keys}) AS ${columns}`
}

/** The new and old versions of the updated rows (matched by id) in which one of `columns` changed. */
function changedRows(columns: readonly string[]): string {
  const differ = `(${columns.map((c) => `n.${c}`).join(', ')}) IS DISTINCT FROM (${columns.map((c) => `o.${c}`).join(', ')})`
  return `SELECT n.* FROM changed n JOIN previous o ON o.id = n.id WHERE ${differ}
      UNION ALL SELECT o.* FROM changed n JOIN previous o ON o.id = n.id WHERE ${differ}`
}

/** The tables DEPENDENCIES names, in its order. */
export function tablesOf(dependencies: readonly Dependency[]): string[] {
  return [...new Set(dependencies.map((d) => d.table))]
}

/** CREATE OR REPLACE of one table's trigger function. */
export function functionSql(table: string, dependencies: readonly Dependency[] = DEPENDENCIES): string {
  const named = dependencies.filter((d) => d.table === table)
  if (named.length === 0) return `CREATE OR REPLACE FUNCTION ${functionName(table)}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN NULL;\nEND $$;\n`
  const insert = (rows: string, update = false) =>
    `INSERT INTO document_invalidations (kind, id, cohort_year, member)
    WITH rows AS (${rows})
    SELECT DISTINCT * FROM (
      ${named.map((d) => keysOf(d, update)).join('\n      UNION ALL ')}
    ) AS keys (kind, id, cohort_year, member)
    WHERE id IS NOT NULL;`
  return `CREATE OR REPLACE FUNCTION ${functionName(table)}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    ${insert('SELECT * FROM changed UNION ALL SELECT * FROM previous', true)}
  ELSE
    ${insert('SELECT * FROM changed')}
  END IF;
  RETURN NULL;
END $$;
`
}

/** The three statement triggers of one table (`drop`: dropped first, so the text can be applied again). */
export function triggersSql(table: string, drop = false): string {
  const f = functionName(table)
  const dropped = (op: Operation) => (drop ? `DROP TRIGGER IF EXISTS ${triggerName(table, op)} ON ${table};\n` : '')
  return `${dropped('insert')}CREATE TRIGGER ${triggerName(table, 'insert')} AFTER INSERT ON ${table}
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${f}();
${dropped('update')}CREATE TRIGGER ${triggerName(table, 'update')} AFTER UPDATE ON ${table}
  REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION ${f}();
${dropped('delete')}CREATE TRIGGER ${triggerName(table, 'delete')} AFTER DELETE ON ${table}
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${f}();
`
}

/** The definition file of each table the map names: its function and triggers, as migrate applies them. */
export function definitionFiles(dependencies: readonly Dependency[] = DEPENDENCIES): { file: string; text: string }[] {
  return tablesOf(dependencies).map((table) => {
    const kinds = dependencies.filter((d) => d.table === table).map((d) => `${d.kind} (${d.why})`)
    const header = `-- Written from src/read-models/dependencies.ts by \`npm run definitions:read-models\`; edit the map, not this file.\n` +
      `-- A change to ${table} names the documents of: ${kinds.join('; ')}.\n`
    return { file: `${functionName(table)}.sql`, text: `${header}${functionSql(table, dependencies)}\n${triggersSql(table)}` }
  })
}

/** Every function and trigger of a map, applicable over the current ones (tests install a map without an entry). */
export function invalidationSql(dependencies: readonly Dependency[] = DEPENDENCIES): string {
  return tablesOf(DEPENDENCIES)
    .map((table) => `${functionSql(table, dependencies)}${triggersSql(table, true)}`)
    .join('\n')
}
