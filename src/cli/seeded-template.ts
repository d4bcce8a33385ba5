// a new sandbox data directory starts as a copy of a cluster that `npm ci` (prepare) has
// already migrated and seeded (seed 1, its documents built), so start-up opens a database instead
// of writing one (migrate and seed were 5–6 s of a 7.6 s start). The seed data set depends on its
// seeding date, and the cluster on the code that wrote it: the stored cluster is named by PGlite's
// version, the seeding date and a fingerprint of the bundle and the SQL files, and only a start
// with the same three uses it. Any other start (another day, an edited source, the sources run
// through tsx, --memory, --no-seed) migrates and seeds as before.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { kyselyOverPGlite, openPGlite } from '../db/connect.ts'
import { migrate, readSources } from '../db/migrate.ts'
import { pgliteVersion, templateCache } from '../db/pglite-template.ts'
import { inTransaction } from '../db/transaction.ts'
import { warmAllDocuments } from '../read-models/warm-up.ts'
import { seedDataSet } from '../sandbox/seed.ts'

/** S-17 step 5 seeds seed number 1; so does the stored cluster. */
const SEED = 1
const PREFIX = `seeded-${SEED}-`

/** The bundle this process runs (bin/rect.js → dist/rect.mjs), or null when it runs the sources. */
export function runningBundle(): string | null {
  const file = fileURLToPath(import.meta.url)
  return file.endsWith('.mjs') ? file : null
}

/** The directory of the seeded cluster that `bundle` would write for `seedingDate`. */
export async function seededTemplateDir(bundle: string, seedingDate: string): Promise<string> {
  const hash = createHash('sha256').update(readFileSync(bundle))
  const { migrations, definitions } = await readSources()
  for (const file of migrations) hash.update(`migrations/${file.file} ${file.sha256}\n`)
  for (const file of definitions) hash.update(`definitions/${file.file} ${file.sha256}\n`)
  return join(templateCache(), `${PREFIX}${seedingDate}-pglite-${pgliteVersion()}-${hash.digest('hex').slice(0, 16)}`)
}

/** The stored seeded cluster for a start of this bundle on `today`, or null when there is none. */
export async function currentSeededTemplate(today: string): Promise<string | null> {
  const bundle = runningBundle()
  if (bundle === null) return null
  try {
    const dir = await seededTemplateDir(bundle, today)
    return existsSync(join(dir, 'PG_VERSION')) ? dir : null
  } catch {
    return null
  }
}

/**
 * `npm ci` (scripts/prepare.ts): writes the seeded cluster for `bundle` and `today` exactly as a
 * sandbox start on an empty data directory would (S-17 steps 4 and 5), builds its documents for
 * `today`, and removes any other seeded cluster. Atomic: written aside, then renamed.
 */
export async function storeSeededTemplate(bundle: string, today: string): Promise<string> {
  const target = await seededTemplateDir(bundle, today)
  if (existsSync(join(target, 'PG_VERSION'))) return target
  const partial = `${target}.${process.pid}.tmp`
  rmSync(partial, { recursive: true, force: true })
  try {
    const { db, close } = kyselyOverPGlite(await openPGlite(partial))
    try {
      await migrate(db, new Date())
      await db.updateTable('settings').set({ no_seed: false }).execute()
      await inTransaction(db, (tx) => seedDataSet(tx, { seed: SEED, seedingDate: today }))
      await warmAllDocuments(db, today)
    } finally {
      await close()
    }
    for (const entry of readdirSync(templateCache())) {
      if (entry.startsWith(PREFIX) && !entry.endsWith('.tmp')) rmSync(join(templateCache(), entry), { recursive: true, force: true })
    }
    renameSync(partial, target)
  } catch (error) {
    rmSync(partial, { recursive: true, force: true })
    throw error
  }
  return target
}
