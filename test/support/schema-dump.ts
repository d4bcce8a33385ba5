// A text dump of the current schema, for comparing two databases: extensions, tables and views,
// columns, constraints, indexes, functions with their bodies, triggers, types. Sorted lines, no
// object ids, so two databases with the same schema give the same text whatever their history.
import { sql } from 'kysely'
import type { Db } from '../../src/db/connect.ts'

const SCHEMA = `(SELECT oid FROM pg_namespace WHERE nspname = current_schema())`
/** Objects that belong to an extension (btree_gist's functions, operators …) are the extension's. */
const notExtension = (catalog: string, alias: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '${catalog}'::regclass AND e.objid = ${alias}.oid AND e.deptype = 'e')`

const SECTIONS: [string, string][] = [
  ['extension', `SELECT extname || ' ' || extversion AS line FROM pg_extension WHERE extname <> 'plpgsql'`],
  [
    'relation',
    `SELECT c.relkind::text || ' ' || c.relname AS line FROM pg_class c
     WHERE c.relnamespace = ${SCHEMA} AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND ${notExtension('pg_class', 'c')}`,
  ],
  [
    'column',
    `SELECT c.relname || '.' || lpad(row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum)::text, 3, '0') || ' ' || a.attname
       || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
       || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
       || CASE WHEN a.attidentity <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END
       || CASE WHEN a.attgenerated <> '' THEN ' GENERATED ' || a.attgenerated::text ELSE '' END
       || CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN ' COLLATE ' || a.attcollation::regcollation::text ELSE '' END AS line
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE c.relnamespace = ${SCHEMA} AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped`,
  ],
  [
    'constraint',
    `SELECT COALESCE(c.relname, '-') || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid) AS line
     FROM pg_constraint k LEFT JOIN pg_class c ON c.oid = k.conrelid
     WHERE k.connamespace = ${SCHEMA} AND k.contype <> 't'`,
  ],
  ['index', `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = current_schema()`],
  [
    'function',
    `SELECT pg_get_functiondef(p.oid) AS line FROM pg_proc p
     WHERE p.pronamespace = ${SCHEMA} AND p.prokind IN ('f', 'p') AND ${notExtension('pg_proc', 'p')}`,
  ],
  [
    'trigger',
    `SELECT pg_get_triggerdef(t.oid) || ' ENABLED ' || t.tgenabled::text AS line FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE c.relnamespace = ${SCHEMA} AND NOT t.tgisinternal`,
  ],
  [
    'type',
    `SELECT t.typtype::text || ' ' || t.typname || COALESCE(' ' || (SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = t.oid), '')
       || CASE WHEN t.typtype = 'd' THEN ' ' || format_type(t.typbasetype, t.typtypmod) ELSE '' END AS line
     FROM pg_type t
     WHERE t.typnamespace = ${SCHEMA} AND t.typtype IN ('e', 'd', 'r', 'm') AND ${notExtension('pg_type', 't')}`,
  ],
  ['view', `SELECT viewname || ' ' || definition AS line FROM pg_views WHERE schemaname = current_schema()`],
]

export async function schemaDump(db: Db): Promise<string> {
  const parts: string[] = []
  for (const [section, query] of SECTIONS) {
    const { rows } = await sql<{ line: string }>`${sql.raw(query)}`.execute(db)
    for (const line of rows.map((r) => r.line).sort()) parts.push(`${section}: ${line}`)
  }
  return parts.join('\n')
}
