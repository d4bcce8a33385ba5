// P-33 against P-5 under concurrency (0014, Touched.bump): a school registering a provider-led ECT
// while its lead provider creates the partnership. However the two interleave, the new training
// ends on the partnership: the creation takes the EOI period (P-33), or the school action, looking
// again once it holds its school's cohort stamp, finds the partnership created meanwhile. A third transaction holds a table lock to stop one of them half-way
// while the other runs; PostgreSQL only (PGlite has one connection).
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import { onPostgres } from '../support/db.ts'
import * as f from '../support/factories.ts'

const t = await setupTestApp({ rateLimitToken: 0, rateLimitIp: 0 })
const DATE = '2025-09-01T08:12:40Z'
await f.cohort(t.db, 2025)
const lp = await f.leadProvider(t.db)
const dp = await f.deliveryPartner(t.db)
await f.pairing(t.db, lp.id, dp.id, 2025)

let trn = 3900000
function registration() {
  const n = ++trn
  return {
    trn: String(n), first_name: 'Amira', last_name: 'Khan', date_of_birth: '1997-03-14', email: `ect.${n}@race.example.sch.uk`,
    started_on: '2025-09-01', working_pattern: 'full_time', training_programme: 'provider_led', lead_provider_id: lp.id,
  }
}

/** Backends of this database waiting for a lock. */
async function waiting(): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(t.db)
  return rows[0]!.n
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/**
 * Holds `lock` in a transaction of its own until `release()`; `first` runs and is stopped by it,
 * then `second` starts and runs as far as it can (to its end, or until it waits too), then the
 * lock goes and both finish.
 */
async function interleave(lock: string, first: () => Promise<unknown>, second: () => Promise<unknown>) {
  let release!: () => void
  const released = new Promise<void>((r) => (release = r))
  let held!: () => void
  const holding = new Promise<void>((r) => (held = r))
  const holder = t.db.transaction().execute(async (tx) => {
    await sql.raw(lock).execute(tx)
    held()
    await released
  })
  await holding
  const a = first()
  await until(async () => (await waiting()) === 1, 'the first to wait on the held lock')
  let secondDone = false
  const b = second().finally(() => (secondDone = true))
  await until(async () => secondDone || (await waiting()) === 2, 'the second to finish or wait')
  release()
  await holder
  return Promise.all([a, b])
}

async function scene() {
  const school = await f.school(t.db)
  const register = () => t.admin('POST', `/schools/${school.urn}/ects`, registration(), { date: DATE })
  const partner = () => t.request('POST', '/api/v3/partnerships', {
    token: lp.token, date: DATE, body: { data: { type: 'partnership', attributes: { cohort: '2025', school_id: school.id, delivery_partner_id: dp.id } } },
  })
  const periods = () => t.db.selectFrom('training_periods').select(['partnership_id', 'began_as_eoi']).where('school_id', '=', school.id).execute()
  return { register, partner, periods }
}

describe.runIf(onPostgres)('P-33 against P-5: a registration racing the partnership (Q-10)', () => {
  it('P-33, P-5: the school action has looked for a partnership and is stopped before writing its training; the creation commits; the school action looks again after taking the stamp and attaches its EOI period', async () => {
    const s = await scene()
    // Inserts into training_periods wait; reads do not.
    const [registered, partnered] = await interleave('LOCK TABLE training_periods IN SHARE MODE', s.register, s.partner)
    expect([(registered as { status: number }).status, (partnered as { status: number }).status]).toEqual([201, 200])
    const id = (partnered as { body: { data: { id: string } } }).body.data.id
    expect(await s.periods()).toEqual([{ partnership_id: id, began_as_eoi: true }])
  })

  it('P-33, P-5: the creation is stopped before it commits and the school action, finding no partnership, waits for it; its EOI period ends attached all the same', async () => {
    const s = await scene()
    // The creation's event waits; the registration's own events come after its training.
    const [partnered, registered] = await interleave('LOCK TABLE events IN SHARE MODE', s.partner, s.register)
    expect([(partnered as { status: number }).status, (registered as { status: number }).status]).toEqual([200, 201])
    const id = (partnered as { body: { data: { id: string } } }).body.data.id
    expect(await s.periods()).toEqual([{ partnership_id: id, began_as_eoi: true }])
  })
})
