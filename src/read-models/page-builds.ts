// Q-4 during a rebuild: a page of a Feed.pageScoped feed builds its own stale documents, however
// many of its scope's are stale (a lead provider renamed, a migration), while the warm-up
// (warm-up.ts), stepping aside for it, rebuilds the rest.
import { sql } from 'kysely'
import type { Db } from '../db/connect.ts'
import { consumeAll, consumeKeys } from './log.ts'
import { buildDocuments, type DocumentTable } from './build.ts'
import { ordered, type PageQuery, type PageStale } from './page-query.ts'

/** Feed.pageScoped: the page's keys, whether each is built for its date and pending in the log, and whether a new member is pending. */
async function keysOfPage<K extends string>(db: Db, q: PageQuery<K>): Promise<{ key: string; built: boolean; logged: boolean; members: boolean }[]> {
  if (!('page' in q.stale)) return []
  const { page: today, kind, members } = q.stale
  const window = ordered(q, (m) => m.select([q.key.as('key'), 'd.valid_from', 'd.valid_until']))
  // OFFSET 0: each key looked up by the log's index, never a hash of every pending key (freshOf).
  const { rows } = await sql<{ key: string; built: boolean; logged: boolean; members: boolean }>`
    SELECT w.key, w.valid_from <= ${today}::date AND w.valid_until > ${today}::date AS built,
      EXISTS (SELECT 1 FROM document_invalidations i WHERE i.kind = ${kind} AND i.id = w.key OFFSET 0) AS logged,
      ${members} AS members
    FROM (${window}) w`.execute(db)
  return rows
}

/**
 * A page of more than `small` documents is built after the small pages' builds under way, and its
 * stale documents in up to `parts` parts at once, each of at least `small`; tests lower `small`.
 * Four parts, not two, on two cores: beside a warm-up step under way, four connections get the
 * page more of the machine than two (rebuild rows, three rounds A/B: after a rename, pages of
 * 3000 p95 1,135, 859, 884 → 847, 752, 707 ms and pages of 100 158, 83, 76 → 76, 71, 66 ms; six
 * parts were no better than four).
 */
export const pageBuilding = { small: 500, parts: 4 }

/** Page builds under way in this process, so concurrent requests for one page wait for one build. */
const pageBuilds = new Map<string, Promise<void>>()
/** Those of pages of at most pageBuilding.small documents: a larger page's build lets them go first. */
const smallPageBuilds = new Set<Promise<void>>()

/**
 * Resolves once no page build of this process is under way: the warm-up (warm-up.ts) waits for
 * them between its steps, so a request's page is built on cores the warm-up is not also using.
 */
export async function pageBuildsDone(): Promise<void> {
  while (pageBuilds.size > 0) await Promise.allSettled([...pageBuilds.values()])
}

/**
 * Feed.pageScoped: the page's keys in the log consumed (so they are marked), or all of it when a
 * new member is pending (so it is added), then the page's stale documents built.
 */
export function buildPage<S, K extends string>(db: Db, t: DocumentTable<S>, scope: S, q: PageQuery<K>): Promise<void> {
  const id = `${t.table} ${String(scope)} ${(q.stale as PageStale).page} ${JSON.stringify([q.page, q.sort])}`
  const running = pageBuilds.get(id)
  if (running !== undefined) return running
  const small = q.page.perPage <= pageBuilding.small
  const build = (async () => {
    // Only the page's own keys are taken from the log (a rename logs every member of the lead
    // provider: consuming them all first cost seconds); all of it when a new member is pending
    // (it may belong on this page) or the page is empty.
    const before = await keysOfPage(db, q)
    // A large page waits for the small ones under way (a page of 100 waits for no page of 3,000).
    if (!small) await Promise.allSettled([...smallPageBuilds])
    const logged = before.filter((r) => r.logged).map((r) => r.key)
    const whole = before.length === 0 || before[0]!.members
    if (whole) await consumeAll(db)
    else if (logged.length > 0) await consumeKeys(db, t.kind, logged)
    // Consuming a key marks its document stale: only the whole log's consumption (new members)
    // can change which rows the page holds.
    const after = whole ? await keysOfPage(db, q) : before
    const keys = after.filter((r) => !r.built || r.logged).map((r) => r.key)
    // A large page's documents in parts of about equal size at once, over the pool's connections.
    const parts = Math.max(1, Math.min(pageBuilding.parts, Math.floor(keys.length / pageBuilding.small)))
    const today = (q.stale as PageStale).page
    await Promise.all(Array.from({ length: parts }, (_, i) => keys.slice(Math.floor((i * keys.length) / parts), Math.floor(((i + 1) * keys.length) / parts)))
      .filter((part) => part.length > 0)
      .map((part) => buildDocuments(db, t, scope, today, part.length, part)))
  })().finally(() => pageBuilds.delete(id))
  pageBuilds.set(id, build)
  if (small) {
    smallPageBuilds.add(build)
    void build.catch(() => {}).then(() => smallPageBuilds.delete(build))
  }
  return build
}
