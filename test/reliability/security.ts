// checks shared by test/reliability/security.test.ts and `npm run faults`.
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { generateToken } from '../../src/domain/tokens/rules.ts'
import * as f from '../support/factories.ts'
import { routesOf } from '../fuzz/malformed-requests.ts'
import type { Check, Client, Reply } from './harness.ts'

const DENIED = '{"error":"HTTP Token: Access denied"}'
const SRC = fileURLToPath(new URL('../../src/', import.meta.url))

/** generated tokens, storage as a digest only, shown once, revocation at once. */
export async function tokenChecks(c: Client, generated: number): Promise<Check> {
  const problems: string[] = []
  const tokens = Array.from({ length: generated }, generateToken)
  const shortest = Math.min(...tokens.map((t) => t.length))
  if (shortest < 32) problems.push(`a token of ${shortest} characters`)
  if (new Set(tokens).size !== tokens.length) problems.push('two generated tokens are equal')
  // Every position uses the whole alphabet evenly enough to be random (≈ 5.9 bits a character).
  const alphabet = new Set(tokens.join(''))
  const bits = Math.log2(alphabet.size) * shortest
  if (bits < 128) problems.push(`only ${bits.toFixed(0)} bits per token`)
  const rules = await readFile(join(SRC, 'domain/tokens/rules.ts'), 'utf8')
  if (!/randomInt|randomBytes|getRandomValues/.test(rules) || /Math\.random/.test(rules)) problems.push('tokens do not come from node:crypto')
  if (!/timingSafeEqual/.test(rules)) problems.push('digests are not compared with timingSafeEqual')

  const lp = await c.admin('POST', '/lead-providers', { name: `Security ${Date.now()} ${Math.random()}` })
  const issued = await c.admin('POST', `/lead-providers/${lp.body.data.id}/tokens`, { description: 'q-17' })
  const token: string = issued.body.data.token
  const digest = createHash('sha256').update(token).digest('hex')
  const row = await c.db.selectFrom('lead_provider_tokens').selectAll().where('id', '=', issued.body.data.id).executeTakeFirstOrThrow()
  if (row.digest !== digest) problems.push('the stored digest is not the SHA-256 of the token')
  if (JSON.stringify(row).includes(token)) problems.push('the plaintext is stored')
  const dump = await sql<{ hit: number }>`SELECT count(*)::int AS hit FROM lead_provider_tokens t WHERE t::text LIKE ${'%' + token + '%'}`.execute(c.db)
  if (dump.rows[0]!.hit !== 0) problems.push('the plaintext is in a token row')
  const listed = await c.admin('GET', '/lead-providers')
  if (listed.text.includes(token)) problems.push('the token is shown again by GET /lead-providers')
  const use = () => c.request('GET', '/api/v3/delivery-partners', { token })
  if ((await use()).status !== 200) problems.push('the issued token does not authenticate')
  const revoked = await c.admin('DELETE', `/tokens/${issued.body.data.id}`)
  const after = await use()
  if (revoked.status !== 204 || after.status !== 401 || after.text !== DENIED) problems.push(`after revocation (${revoked.status}) the token answered ${after.status}`)
  return {
    bar: 'Q-17',
    figure: `${generated} generated tokens: ≥ ${shortest} characters, all distinct, ${alphabet.size}-symbol alphabet (${bits.toFixed(0)} bits) from node:crypto; stored as SHA-256 only, shown once; revoked → ${after.status} on the next request`,
    problems,
  }
}

/** Q-19, C-8: every operator route refuses lead provider tokens, every v3 route refuses admin tokens. */
export async function tokenKinds(c: Client): Promise<Check> {
  const problems: string[] = []
  const lp = await f.leadProvider(c.db)
  const routes = await routesOf(c.app)
  let admin = 0
  let v3 = 0
  for (const route of routes) {
    const path = route.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000')
    const isAdmin = path.startsWith('/api/admin/v1')
    const res = await c.request(route.method, path, { token: isAdmin ? lp.token : c.adminToken, ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} }) })
    if (isAdmin) admin++
    else v3++
    if (res.status !== 401 || res.text !== DENIED) problems.push(`${route.method} ${route.path} with the wrong kind of token answered ${res.status}`)
  }
  return { bar: 'Q-19', figure: `${admin} operator routes with a lead provider token and ${v3} v3 routes with the admin token → all 401`, problems }
}

type Use = { file: string; line: number; call: string }

/**
 * where SQL is assembled from anything but a parameter: sql.raw / sql.lit / sql.id /
 * sql.ref / sql.table with a non-literal argument. Each such use must be listed here with the
 * reason it cannot carry request data.
 */
export const ALLOWED_DYNAMIC_SQL: Record<string, string> = {
  'db/migrate.ts:sql.raw(migration.text)': 'the migration files shipped in src/db/migrations',
  'db/migrate.ts:sql.raw(definition.text)': 'the function definitions shipped in src/db/definitions',
  'db/migrate.ts:sql.id(trigger)': 'trigger names read from pg_trigger for a shipped definition',
  'db/migrate.ts:sql.table(table)': 'the tables those triggers are on, read from pg_trigger',
  'db/constraints.ts:sql.id(`guard_${++savepoints}`)': 'a savepoint name from a counter',
  'api/v3/participant-transfers/query.ts:sql.raw(order)': "typed 'ASC' | 'DESC', passed by the query itself",
  "api/v3/participant-transfers/query.ts:sql.raw(direction === 'desc' ? 'DESC' : 'ASC')": 'one of two literals',
  'api/v3/unfunded-mentors/query.ts:sql.raw(direction)': "typed 'asc' | 'desc' by the sort parser (api/common/sort.ts)",
  'read-models/page-query.ts:sql.raw(k.direction)': "typed 'asc' | 'desc' by the sort parser (api/common/sort.ts)",
  'read-models/page-query.ts:sql.raw(`sort_${i}`)': "a column alias numbered by its sort key's position",
  'read-models/page-query.ts:sql.lit(DOCUMENTS_PER_PIECE)': 'a constant of the module',
  'read-models/documents.ts:sql.lit(streaming.perPiece)': "a number of the module (40; tests lower it)",
  'read-models/documents.ts:sql.lit(stream ? EMPTY.length : 0)': 'the length of a constant string, or 0',
  'read-models/build.ts:sql.ref(t.key)': 'a key column named in the document descriptors (src/read-models)',
  'db/copy-out.ts:connection.query(`COPY (${query}) TO STDOUT (FORMAT binary)`)':
    "a statement compiled by Kysely whose values inlineParameters quotes with pg's escapeLiteral (COPY takes no parameters; test/db/copy-out.test.ts)",
  "read-models/write-through.ts:sql.raw(`${text.join(';\\n')};\\nCOMMIT;\\nBEGIN`)":
    "statements compiled by Kysely whose values inlineParameters quotes with pg's escapeLiteral, sent with the COMMIT as one message (test/read-models/write-through.test.ts)",
  'read-models/build.ts:sql.raw(text)': 'table, column and type names written in the document descriptors (src/read-models)',
  'api/v3/participants/query.ts:sql.ref(`${tp}.withdrawn_at`)': 'a table alias of the query',
  'api/v3/participants/query.ts:sql.ref(`${tp}.deferred_at`)': 'a table alias of the query',
  "api/v3/unfunded-mentors/query.ts:sql.ref('members.created_at')": 'a literal column',
  'sandbox/seed.ts:sql.table(t)': 'table names from a constant list',
  'sandbox/reset.ts:sql.table(t)': 'DOMAIN_TABLES, a constant list',
  'cli/seed-run.ts:sql.table(t)': 'DOMAIN_TABLES, a constant list',
  'sandbox/seed.ts:sql.ref(t)': 'table names from a constant list',
  'sandbox/national/seed-national.ts:sql.table(table)': 'table names from a constant list',
  'sandbox/national/seed-national.ts:sql.ref(table)': 'table names from a constant list',
  'db/document-triggers.ts:sql.table(table)': 'table names read from pg_trigger',
  'domain/stamps.ts:sql.table(table)': "'teachers' or 'partnerships', the type's two literals",
  'db/document-triggers.ts:sql.id(name)': 'trigger names read from pg_trigger',
}

export async function dynamicSqlUses(): Promise<{ uses: Use[]; unexplained: Use[] }> {
  const uses: Use[] = []
  for (const file of await sourceFiles(SRC)) {
    const text = await readFile(file, 'utf8')
    const lines = text.split('\n')
    lines.forEach((line, i) => {
      for (const match of line.matchAll(/sql\.(raw|lit|id|ref|table)\((?:[^()]|\([^()]*\))*\)/g)) {
        const call = match[0]
        const argument = call.slice(call.indexOf('(') + 1, -1).trim()
        // A plain string or number literal cannot carry request data.
        if (/^('[^'$]*'|"[^"$]*"|`[^`$]*`|\d+)$/.test(argument)) continue
        uses.push({ file: relative(SRC, file), line: i + 1, call })
      }
      if (/\.(unsafe|query)\(\s*`[^`]*\$\{/.test(line)) uses.push({ file: relative(SRC, file), line: i + 1, call: line.trim() })
    })
  }
  const unexplained = uses.filter((u) => !(`${u.file}:${u.call}` in ALLOWED_DYNAMIC_SQL))
  return { uses, unexplained }
}

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await sourceFiles(path)))
    else if (entry.name.endsWith('.ts')) out.push(path)
  }
  return out
}

export const INJECTIONS = [
  "'; DROP TABLE schools; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(3); --',
  "'); SELECT pg_sleep(3); --",
  "2025' UNION SELECT id, name FROM lead_providers --",
  '$1',
  "\\'; DELETE FROM partnerships; --",
  'created_at; DROP TABLE teachers',
  '-created_at,(SELECT pg_sleep(3))',
  "00000000-0000-0000-0000-000000000000' OR 1=1 --",
]

/** What a response must never show (Q-22, C-31): a stack, SQL, or a path into the code. */
export function leaks(text: string): string | null {
  const patterns: [RegExp, string][] = [
    [/\n\s+at |at [\w.<>]+ \(/, 'a stack trace'],
    [/\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b.*\b(FROM|VALUES|WHERE)\b/, 'SQL'],
    [/node_modules|\/src\/|\.ts:\d+/, 'a source path'],
    [/syntax error at or near|violates (unique|foreign key|check|exclusion) constraint|relation "\w+"/, 'a PostgreSQL message'],
  ]
  for (const [pattern, what] of patterns) if (pattern.test(text)) return what
  return null
}

/**
 * SQL-looking values in every path, filter, sort and body attribute of the lead
 * provider routes → no 5xx, none slowed by pg_sleep, no SQL or stack in any answer, and the
 * tables are untouched.
 */
export async function injectionFuzz(c: Client, rounds: number): Promise<Check> {
  const problems: string[] = []
  const lp = await f.leadProvider(c.db)
  await f.cohort(c.db, 2025)
  const counts = async () => JSON.stringify((await sql`SELECT (SELECT count(*) FROM schools) s, (SELECT count(*) FROM partnerships) p, (SELECT count(*) FROM teachers) t, (SELECT count(*) FROM lead_providers) l`.execute(c.db)).rows)
  const before = await counts()
  const routes = (await routesOf(c.app)).filter((r) => r.path.startsWith('/api/v3/'))
  let sent = 0
  let slowest = 0
  const check = (res: Reply, what: string, ms: number) => {
    sent++
    slowest = Math.max(slowest, ms)
    if (res.status >= 500) problems.push(`${what} → ${res.status}`)
    const leak = leaks(res.text)
    if (leak) problems.push(`${what} shows ${leak}: ${res.text.slice(0, 160)}`)
    if (ms > 2500) problems.push(`${what} took ${ms} ms`)
  }
  for (let round = 0; round < rounds; round++) {
    for (const value of INJECTIONS) {
      for (const route of routes) {
        const e = encodeURIComponent(value)
        const path = route.path.replace(/\{[^}]+\}/g, e)
        const query = `filter[cohort]=${e}&filter[updated_since]=${e}&filter[delivery_partner_id]=${e}&filter[participant_id]=${e}&sort=${e}&page[page]=${e}`
        const attributes = Object.fromEntries(['cohort', 'school_id', 'delivery_partner_id', 'participant_id', 'declaration_type', 'declaration_date', 'course_identifier', 'reason', 'schedule_identifier'].map((k) => [k, value]))
        const started = Date.now()
        const res = await c.request(route.method, `${path}?${query}`, { token: lp.token, ...(route.method === 'GET' ? {} : { body: { data: { type: value, attributes } } }) })
        check(res, `${route.method} ${route.path} with ${value}`, Date.now() - started)
      }
    }
  }
  const after = await counts()
  if (before !== after) problems.push('row counts changed')
  return { bar: 'Q-21', figure: `${sent} requests with ${INJECTIONS.length} SQL-looking values in every path, filter, sort and body attribute of ${routes.length} v3 routes → 0 × 5xx, slowest ${slowest} ms (no pg_sleep ran), tables untouched, no SQL or stack in any answer`, problems }
}

/** the log lines of requests carrying tokens, in every header form and outcome, never contain one. */
export async function logsCarryNoToken(make: (stream: import('node:stream').Writable) => Promise<Client & { close: () => Promise<void> }>): Promise<Check> {
  const { Writable } = await import('node:stream')
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split('\n').filter(Boolean))
      callback()
    },
  })
  const c = await make(stream)
  try {
    const lp = await f.leadProvider(c.db)
    const secret = 'UnknownTokenThatMustNeverBeLogged0123456789'
    for (const authorization of [`Bearer ${lp.token}`, `Token token="${lp.token}"`, `bearer ${c.adminToken}`, `Bearer ${secret}`]) {
      for (const [method, url] of [['GET', '/api/v3/partnerships'], ['POST', '/api/v3/partnerships'], ['GET', '/api/admin/v1/cohorts'], ['GET', '/api/v3/partnerships/x'], ['GET', '/nope']] as const) {
        await c.request(method, url, { headers: { authorization, 'content-type': 'application/json' }, ...(method === 'POST' ? { payload: '{bad' } : {}) })
      }
    }
    const all = lines.join('\n')
    const problems = [lp.token, c.adminToken, secret].filter((t) => all.includes(t)).map(() => 'a token is in the log')
    if (lines.length < 20) problems.push(`only ${lines.length} log lines`)
    return { bar: 'Q-22', figure: `${lines.length} log lines of 20 requests with tokens in 4 header forms (200, 400, 401, 404) → 0 tokens logged`, problems }
  } finally {
    await c.close()
  }
}
